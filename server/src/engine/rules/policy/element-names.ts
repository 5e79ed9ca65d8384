// Which AWS policy element a mistyped key stands for ("action" → "Action", "Resources" →
// "Resource"). Shared by policy/unknown-element, which offers the rename, and
// policy/missing-element, which stays silent about an element that is present but misspelled.
import { closest } from '../../policy/analysis';
import { POLICY_KEYS, STATEMENT_KEYS, type KeyNode } from '../../policy/model';

/** Where an element sits: at the top of the policy or inside a statement. */
export type ElementLevel = 'policy' | 'statement';

/** The element names AWS defines at a level, spelled as AWS requires. */
export function knownElements(level: ElementLevel): readonly string[] {
  return level === 'policy' ? POLICY_KEYS : STATEMENT_KEYS;
}

/**
 * The element `name` most likely stands for: its case-insensitive match, else the closest
 * plausible typo. Undefined when `name` is already a known element or resembles none.
 */
export function intendedElement(name: string, level: ElementLevel): string | undefined {
  const known = knownElements(level);
  if (known.includes(name)) return undefined;
  const lower = name.toLowerCase();
  return known.find((k) => k.toLowerCase() === lower) ?? closest(name, known);
}

/** The keys of an object (policy or statement) that AWS does not define at that level. */
export function unknownKeys(keys: readonly KeyNode[], level: ElementLevel): KeyNode[] {
  const known = knownElements(level);
  return keys.filter((k) => !known.includes(k.name));
}

/** True when one of `keys` is a misspelling of one of `elements` (reported as unknown instead). */
export function misspells(keys: readonly KeyNode[], level: ElementLevel, elements: readonly string[]): boolean {
  return unknownKeys(keys, level).some((k) => {
    const meant = intendedElement(k.name, level);
    return meant !== undefined && elements.includes(meant);
  });
}
