// The Regions a set of SCPs leaves open: AWS's documented Region restriction is a Deny of every
// action outside a list, `"Condition": {"StringNotEquals": {"aws:RequestedRegion": [...]}}`
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region).
// Front ends compute this from the workspace's SCP files and hand it to the engine as data
// (EngineSettings.scpRegions) for sdk/region-not-allowed.
import { globMatcher } from '../iam/patterns';
import { coversAction, isDeny, splitOperator } from './analysis';
import type { Policy, Statement } from './model';

const REQUESTED_REGION = 'aws:requestedregion';

/** Negated string operators: the statement applies when the Region is none of the values. */
const NOT_IN = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike']);

const matchesAny = (patterns: readonly string[], region: string): boolean => patterns.some((p) => globMatcher(p, true).test(region));

/** The Regions a Deny statement leaves open for Bedrock, or undefined when it restricts none. */
function openRegions(st: Statement): string[] | undefined {
  if (!isDeny(st) || !coversAction(st, 'bedrock:InvokeModel')) return undefined;
  if (!st.resource?.entries.some((e) => e.value === '*')) return undefined;
  for (const op of st.condition?.operators ?? []) {
    const { setOperator, base, ifExists } = splitOperator(op.key.name);
    if (setOperator || ifExists || !NOT_IN.has(base)) continue;
    const key = op.keys.find((k) => k.key.name.toLowerCase() === REQUESTED_REGION);
    if (key && key.values.length > 0) return key.values.map((v) => v.value);
  }
  return undefined;
}

/**
 * The Regions (or Region patterns such as `eu-*`) that every Region-restricting Deny of the SCPs
 * allows; undefined when no SCP restricts Regions.
 */
export function scpAllowedRegions(policies: readonly Policy[]): string[] | undefined {
  let allowed: string[] | undefined;
  for (const policy of policies) {
    if (policy.kind !== 'scp') continue;
    for (const st of policy.statements) {
      const open = openRegions(st);
      if (!open) continue;
      // A Region stays allowed only when every restricting statement allows it: the entries of
      // each list that the other list's patterns match (`eu-*` and `eu-west-1` give `eu-west-1`).
      const before: string[] = allowed ?? open;
      allowed = allowed === undefined ? open : [...before.filter((r) => matchesAny(open, r)), ...open.filter((r) => matchesAny(before, r))];
    }
  }
  return allowed && [...new Set(allowed)].sort();
}
