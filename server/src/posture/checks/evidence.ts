// Evidence helpers shared by the checks.
import type { Evidence } from '../types';

/** At most this many evidence lines per list; the rest is counted in one last line. */
export const MAX_EVIDENCE = 25;

/** `items` cut to `MAX_EVIDENCE` lines plus a "… more" line. */
export function capped(items: Evidence[]): Evidence[] {
  if (items.length <= MAX_EVIDENCE) return items;
  return [...items.slice(0, MAX_EVIDENCE), { label: 'More', value: `${items.length - MAX_EVIDENCE} more not shown` }];
}

/** A short list of names: the first `max`, then "+N more". */
export function names(values: readonly string[], max = 5): string {
  return values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} +${values.length - max} more`;
}
