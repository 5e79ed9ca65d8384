// Shared questions rules ask about statements: which actions an Action entry names, whether a
// statement allows a given action, which condition keys it tests. Results are memoised per
// statement object, so rules that ask the same question do not redo the work.
import type { ActionInfo, IamData } from '../iam/data';
import { globMatcher } from '../iam/patterns';
import type { ScalarNode, Statement } from './model';

/** An Action/NotAction entry split into service and action parts. */
export interface ActionRef {
  entry: ScalarNode;
  /** Lower-case service prefix; `*` for the entry `"*"`. */
  service: string;
  /** The action part as written (may contain `*`/`?`). */
  name: string;
  /** The IAM actions the entry matches (empty for an unknown service or action). */
  actions: ActionInfo[];
  /** True for `*` and `service:*`. */
  isFullWildcard: boolean;
}

/** Splits `service:Action`; undefined when the entry has no colon (and is not `*`). */
export function splitAction(value: string): { service: string; name: string } | undefined {
  if (value === '*') return { service: '*', name: '*' };
  const i = value.indexOf(':');
  if (i <= 0) return undefined;
  return { service: value.slice(0, i).toLowerCase(), name: value.slice(i + 1) };
}

const refsCache = new WeakMap<Statement, ActionRef[]>();

/** The Action entries of a statement, resolved against the IAM data (memoised). */
export function actionRefs(iam: IamData, st: Statement): ActionRef[] {
  const cached = refsCache.get(st);
  if (cached) return cached;
  const out: ActionRef[] = [];
  for (const entry of st.action?.entries ?? []) {
    const split = splitAction(entry.value);
    if (!split) continue;
    if (split.service === '*') {
      out.push({ entry, service: '*', name: '*', actions: [], isFullWildcard: true });
      continue;
    }
    out.push({ entry, service: split.service, name: split.name, actions: iam.matchActions(split.service, split.name), isFullWildcard: split.name === '*' });
  }
  refsCache.set(st, out);
  return out;
}

/** True when the statement's Effect is exactly "Allow" / "Deny". */
export const isAllow = (st: Statement): boolean => st.effect?.value?.value === 'Allow';
export const isDeny = (st: Statement): boolean => st.effect?.value?.value === 'Deny';

/**
 * The entries of an Action/NotAction list, prepared for matching many actions: exact names in a
 * set, wildcard entries grouped by their service prefix (policies such as ReadOnlyAccess list
 * hundreds of `service:Describe*` entries; testing each against every action is the slow way).
 */
interface ActionListMatcher {
  exact: Set<string>;
  byService: Map<string, RegExp[]>;
  anyService: RegExp[];
}

const listMatchers = new WeakMap<readonly ScalarNode[], ActionListMatcher>();

function listMatcher(entries: readonly ScalarNode[]): ActionListMatcher {
  let m = listMatchers.get(entries);
  if (m) return m;
  m = { exact: new Set(), byService: new Map(), anyService: [] };
  for (const e of entries) {
    const lower = e.value.toLowerCase();
    if (!/[*?]/.test(lower)) {
      m.exact.add(lower);
      continue;
    }
    const colon = lower.indexOf(':');
    const service = colon > 0 ? lower.slice(0, colon) : '';
    const re = globMatcher(e.value, true);
    if (service && !/[*?]/.test(service)) {
      const list = m.byService.get(service);
      if (list) list.push(re);
      else m.byService.set(service, [re]);
    } else m.anyService.push(re);
  }
  listMatchers.set(entries, m);
  return m;
}

/** True when one of the entries matches `action` (case-insensitively, with IAM wildcards). */
export function entriesMatchAction(entries: readonly ScalarNode[], action: string): boolean {
  const m = listMatcher(entries);
  const lower = action.toLowerCase();
  if (m.exact.has(lower)) return true;
  const colon = lower.indexOf(':');
  const inService = colon > 0 ? m.byService.get(lower.slice(0, colon)) : undefined;
  if (inService?.some((re) => re.test(action))) return true;
  return m.anyService.some((re) => re.test(action));
}

/**
 * True when the statement's Action (or NotAction, by exclusion) covers `action` (`service:Name`,
 * matched case-insensitively with IAM wildcards).
 */
export function coversAction(st: Statement, action: string): boolean {
  if (st.action) return entriesMatchAction(st.action.entries, action);
  if (st.notAction) return !entriesMatchAction(st.notAction.entries, action);
  return false;
}

/** The actions among `candidates` (`service:Name`) that the statement covers. */
export function coveredActions(st: Statement, candidates: readonly string[]): string[] {
  return candidates.filter((a) => coversAction(st, a));
}

/** Every condition key the statement tests, lower-case. */
export function conditionKeysOf(st: Statement): Set<string> {
  const out = new Set<string>();
  for (const op of st.condition?.operators ?? []) for (const k of op.keys) out.add(k.key.name.toLowerCase());
  return out;
}

/** True when the Resource element is exactly `"*"` (or a list holding `"*"`). */
export function hasWildcardResource(st: Statement): boolean {
  return !!st.resource?.entries.some((e) => e.value === '*');
}

/**
 * Splits a condition operator into its parts: `ForAnyValue:StringLike` →
 * `{ setOperator: 'ForAnyValue', base: 'StringLike', ifExists: false }`.
 */
export function splitOperator(name: string): { setOperator?: 'ForAllValues' | 'ForAnyValue'; base: string; ifExists: boolean } {
  let rest = name;
  let setOperator: 'ForAllValues' | 'ForAnyValue' | undefined;
  if (rest.startsWith('ForAllValues:')) {
    setOperator = 'ForAllValues';
    rest = rest.slice('ForAllValues:'.length);
  } else if (rest.startsWith('ForAnyValue:')) {
    setOperator = 'ForAnyValue';
    rest = rest.slice('ForAnyValue:'.length);
  }
  const ifExists = rest.endsWith('IfExists') && rest !== 'IfExists';
  return { setOperator, base: ifExists ? rest.slice(0, -'IfExists'.length) : rest, ifExists };
}

/** The condition operators IAM defines (without IfExists / set-operator prefixes). */
export const CONDITION_OPERATORS = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
] as const;

/** Levenshtein distance, for did-you-mean suggestions (case-insensitive). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const prev = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (x[i - 1] === y[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[y.length];
}

/** The closest of `candidates` to `word`, if close enough to be a plausible typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}
