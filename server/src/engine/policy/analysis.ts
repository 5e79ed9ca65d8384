// Shared questions rules ask about statements: which actions an Action entry names, whether a
// statement allows a given action, which condition keys it tests. Results are memoised per
// statement object (and what an entry's text means, per text: see facts.ts), so rules that ask
// the same question do not redo the work.
import type { ActionInfo, IamData } from '../iam/data';
import { memoByObject, memoByText, ObjectSlot } from '../memo';
import { actionText, statementFacts, textFlag, textFlagsOf, type ActionText, type TextFlag } from './facts';
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

const refsSlot = new ObjectSlot<{ iam: IamData; refs: ActionRef[] }>();

/** The Action entries of a statement, resolved against the IAM data (memoised). */
export function actionRefs(iam: IamData, st: Statement): ActionRef[] {
  const cached = refsSlot.get(st);
  if (cached && cached.iam === iam) return cached.refs;
  const out: ActionRef[] = [];
  const entries = st.action?.entries ?? [];
  const texts = statementFacts(st).action;
  for (let i = 0; i < entries.length; i++) {
    const t = texts[i];
    const split = t.split;
    if (!split) continue;
    if (split.service === '*') {
      out.push({ entry: entries[i], service: '*', name: '*', actions: [], isFullWildcard: true });
      continue;
    }
    out.push({ entry: entries[i], service: split.service, name: split.name, actions: t.actions(iam), isFullWildcard: split.name === '*' });
  }
  refsSlot.set(st, { iam, refs: out });
  return out;
}

/** True when the statement's Effect is exactly "Allow" / "Deny". */
export const isAllow = (st: Statement): boolean => st.effect?.value?.value === 'Allow';
export const isDeny = (st: Statement): boolean => st.effect?.value?.value === 'Deny';

/** An action name to test against lists: lower case, and its service prefix. */
const probeOf = memoByText((action) => {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  return { lower, service: colon > 0 ? lower.slice(0, colon) : undefined };
});

/** True when one of the entry texts matches `action` (case-insensitively, with IAM wildcards). */
function textsMatchAction(texts: readonly ActionText[], action: string): boolean {
  const probe = probeOf(action);
  for (let i = 0; i < texts.length; i++) if (texts[i].matches(action, probe.lower, probe.service)) return true;
  return false;
}

/** True when one of the entries matches `action` (case-insensitively, with IAM wildcards). */
export function entriesMatchAction(entries: readonly ScalarNode[], action: string): boolean {
  return textsMatchAction(entries.map((e) => actionText(e.value)), action);
}

/** `coversAction` answers per statement and action (rules ask about the same few actions). */
const coverSlot = new ObjectSlot<Map<string, boolean>>();

/** Flags of the actions registered with `coverageProbe`. */
const probes = new Map<string, TextFlag>();

/**
 * Registers an action (`service:Name`) that rules ask `coversAction` about for every statement:
 * whether each entry text matches it is then answered once per text, with the other text flags
 * (facts.ts), and `coversAction` reads the statement's flags. Call at module load.
 */
export function coverageProbe(action: string): void {
  if (probes.has(action)) return;
  const probe = probeOf(action);
  probes.set(action, textFlag((t) => t.matches(action, probe.lower, probe.service)));
}

/**
 * True when the statement's Action (or NotAction, by exclusion) covers `action` (`service:Name`,
 * matched case-insensitively with IAM wildcards).
 */
export function coversAction(st: Statement, action: string): boolean {
  if (!st.action && !st.notAction) return false;
  const flag = probes.get(action);
  if (flag) {
    const flags = textFlagsOf(st);
    return st.action ? (flags.action & flag.bit) !== 0 : (flags.notAction & flag.bit) === 0;
  }
  const answers = coverSlot.get(st) ?? coverSlot.set(st, new Map());
  let r = answers.get(action);
  if (r === undefined) {
    const f = statementFacts(st);
    r = st.action ? textsMatchAction(f.action, action) : !textsMatchAction(f.notAction, action);
    answers.set(action, r);
  }
  return r;
}

/** The actions among `candidates` (`service:Name`) that the statement covers. */
export function coveredActions(st: Statement, candidates: readonly string[]): string[] {
  return candidates.filter((a) => coversAction(st, a));
}

/** Every condition key the statement tests, lower-case (memoised per statement: do not modify). */
export const conditionKeysOf: (st: Statement) => ReadonlySet<string> = memoByObject((st: Statement) => {
  const out = new Set<string>();
  for (const op of st.condition?.operators ?? []) for (const k of op.keys) out.add(k.key.name.toLowerCase());
  return out;
});

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
