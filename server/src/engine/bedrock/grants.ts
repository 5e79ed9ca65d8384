// What a statement grants for a given Bedrock action: whether its Action/NotAction covers the
// action, whether its Resource can name a resource of that action, which entry to report on, and
// whether an unconditional Deny of the same policy takes the action away again.
import type { ActionInfo, IamData } from '../iam/data';
import { globMatcher } from '../iam/patterns';
import { memoByObject, ObjectSlot } from '../memo';
import { ResourceText, statementFacts, textFact } from '../policy/facts';
import { conditionKeysOf, coverageProbe, coversAction, isAllow, isDeny } from '../policy/analysis';
import type { Policy, ScalarNode, Statement } from '../policy/model';
import type { Span } from '../types';

// The Bedrock actions whose grants the bedrock/* rules check in every statement (the guardrail
// actions, API keys, guardrail use): answered from per-text flags (see coverageProbe).
for (const a of ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:CallWithBearerToken', 'bedrock:ApplyGuardrail']) coverageProbe(a);

/** `service:Name` of an action (memoised per action: the same string object every time). */
export const fullName: (a: ActionInfo) => string = memoByObject((a: ActionInfo) => `${a.service}:${a.name}`);

/** True when the statement tests at least one condition key. */
export function hasCondition(st: Statement): boolean {
  return conditionKeysOf(st).size > 0;
}

/** True when the resource pattern matches the literal `"*"` (what wildcard-only actions need). */
const matchesStar = textFact(ResourceText, (t) => globMatcher(t.text, false).test('*'));

/** True when the statement's Resource is `"*"` (or holds an entry that matches `*`). */
export function hasStarResource(st: Statement): boolean {
  return !!st.resource && statementFacts(st).resource.some(matchesStar);
}

/**
 * True when the statement's Resource (or NotResource) can apply to a request for `action`: a
 * wildcard-only action needs `"*"`; other actions need `"*"` or an ARN that can name one of the
 * action's resource types. A statement without Resource counts as applying (other rules report it).
 */
export function resourceApplies(iam: IamData, st: Statement, action: ActionInfo): boolean {
  const perStatement = appliesSlot.get(st) ?? appliesSlot.set(st, new Map());
  const key = fullName(action);
  let r = perStatement.get(key);
  if (r === undefined) {
    r = computeResourceApplies(iam, st, action);
    perStatement.set(key, r);
  }
  return r;
}

const appliesSlot = new ObjectSlot<Map<string, boolean>>();

function computeResourceApplies(iam: IamData, st: Statement, action: ActionInfo): boolean {
  if (st.notResource || !st.resource) return true;
  const texts = statementFacts(st).resource;
  if (action.resourceTypes.length === 0) return texts.some(matchesStar);
  return texts.some((t) => {
    if (matchesStar(t)) return true;
    return action.resourceTypes.some((r) => {
      const rt = iam.resourceType(action.service, r.name);
      return !!rt && t.matchesType(rt);
    });
  });
}

/** True when the statement is an Allow whose Action/NotAction and Resource grant `action`. */
export function allowsAction(iam: IamData, st: Statement, action: ActionInfo): boolean {
  return isAllow(st) && coversAction(st, fullName(action)) && resourceApplies(iam, st, action);
}

/**
 * True when a Deny statement of the policy without any condition, on `"Resource": "*"`, covers
 * `action`: an explicit deny always wins, so Allow statements no longer grant it.
 */
export function unconditionallyDenied(policy: Policy, action: ActionInfo): boolean {
  return policy.statements.some((st) => isDeny(st) && !hasCondition(st) && hasStarResource(st) && coversAction(st, fullName(action)));
}

/** The Action entries of a statement that match `action` (`service:Name`). */
export function entriesCovering(st: Statement, action: string): ScalarNode[] {
  return (st.action?.entries ?? []).filter((e) => globMatcher(e.value, true).test(action));
}

/**
 * Where to report that a statement grants some of `actions`: the first Action entry that covers
 * one of them, else the NotAction key. Undefined when neither exists.
 */
export function reportSpan(st: Statement, actions: readonly string[]): Span | undefined {
  if (st.action) {
    const entry = st.action.entries.find((e) => actions.some((a) => globMatcher(e.value, true).test(a)));
    return entry?.span;
  }
  return st.notAction?.key.span;
}

/** True when the statement's Resource (or NotResource, by exclusion) covers the ARN `arn`. */
export function resourceCovers(st: Statement, arn: string): boolean {
  if (st.resource) return st.resource.entries.some((e) => globMatcher(e.value, false).test(arn));
  if (st.notResource) return !st.notResource.entries.some((e) => globMatcher(e.value, false).test(arn));
  return false;
}

/** Formats `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
}
