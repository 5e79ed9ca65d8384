// The JSON shape of the policies the builders write, and the one way they are printed, so that
// every generated policy looks the same (two-space indentation, a final newline, one-element
// lists written as a single string).

/** A condition block: operator → condition key → value(s). */
export type ConditionBlock = Record<string, Record<string, string | string[]>>;

/** One statement of a generated policy. Keys are written in this order. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: ConditionBlock;
}

/** A generated policy document. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** A list with duplicates removed, written as a single string when it has one element. */
export function oneOrMany(values: readonly string[]): string | string[] {
  const unique = [...new Set(values)];
  return unique.length === 1 ? unique[0] : unique;
}

/** A statement with its keys in the canonical order and without an empty condition. */
export function statement(s: PolicyStatement): PolicyStatement {
  const out: PolicyStatement = { Sid: s.Sid, Effect: s.Effect, Action: s.Action, Resource: s.Resource };
  if (s.Condition && Object.keys(s.Condition).length > 0) out.Condition = s.Condition;
  return out;
}

/** Merges condition blocks (keys of the same operator are combined). */
export function mergeConditions(...blocks: (ConditionBlock | undefined)[]): ConditionBlock | undefined {
  const out: ConditionBlock = {};
  for (const b of blocks) {
    if (!b) continue;
    for (const [op, keys] of Object.entries(b)) out[op] = { ...out[op], ...keys };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The text of a generated policy: two-space indentation and a final newline. */
export function policyText(policy: PolicyDocument): string {
  return `${JSON.stringify(policy, null, 2)}\n`;
}
