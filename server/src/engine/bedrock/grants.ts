// What a statement grants for a given Bedrock action: whether its Action/NotAction covers the
// action, whether its Resource can name a resource of that action, which entry to report on, and
// whether an unconditional Deny of the same policy takes the action away again.
import type { ActionInfo, IamData, ResourceTypeInfo } from '../iam/data';
import { parseArn } from '../iam/arn';
import { globMatcher, patternsIntersect, tokenizeTemplate, tokenizeUserPattern, type Tok } from '../iam/patterns';
import { conditionKeysOf, coversAction, isAllow, isDeny } from '../policy/analysis';
import type { Policy, ScalarNode, Statement } from '../policy/model';
import type { Span } from '../types';

/** `service:Name` of an action. */
export function fullName(a: ActionInfo): string {
  return `${a.service}:${a.name}`;
}

/** True when the statement tests at least one condition key. */
export function hasCondition(st: Statement): boolean {
  return conditionKeysOf(st).size > 0;
}

/** True when the resource pattern matches the literal `"*"` (what wildcard-only actions need). */
function matchesStar(entry: ScalarNode): boolean {
  return globMatcher(entry.value, false).test('*');
}

/** True when the statement's Resource is `"*"` (or holds an entry that matches `*`). */
export function hasStarResource(st: Statement): boolean {
  return !!st.resource?.entries.some(matchesStar);
}

/**
 * True when the statement's Resource (or NotResource) can apply to a request for `action`: a
 * wildcard-only action needs `"*"`; other actions need `"*"` or an ARN that can name one of the
 * action's resource types. A statement without Resource counts as applying (other rules report it).
 */
export function resourceApplies(iam: IamData, st: Statement, action: ActionInfo): boolean {
  let perStatement = appliesCache.get(st);
  if (!perStatement) appliesCache.set(st, (perStatement = new Map()));
  const key = fullName(action);
  let r = perStatement.get(key);
  if (r === undefined) {
    r = computeResourceApplies(iam, st, action);
    perStatement.set(key, r);
  }
  return r;
}

const appliesCache = new WeakMap<Statement, Map<string, boolean>>();

function computeResourceApplies(iam: IamData, st: Statement, action: ActionInfo): boolean {
  if (st.notResource || !st.resource) return true;
  if (action.resourceTypes.length === 0) return st.resource.entries.some(matchesStar);
  return st.resource.entries.some((e) => {
    if (matchesStar(e)) return true;
    const p = parseArn(e.value);
    if (!p || !globMatcher(p.service, true).test(action.service)) return false;
    return action.resourceTypes.some((r) => {
      const rt = iam.resourceType(action.service, r.name);
      return !!rt && arnCanName(e.value, rt);
    });
  });
}

/** True when a policy ARN segment (partition, Region, account) can hold what the template's segment holds. */
function segmentFits(user: string, template: string, mayBeEmpty: boolean): boolean {
  if (user === '') return template === '' || mayBeEmpty;
  if (template.includes('${')) return true;
  return globMatcher(user, false).test(template);
}

/**
 * True when a policy ARN can name a resource of type `rt`, read part by part: a `*` in the
 * partition, Region or account part stays in that part (IAM would let it run past colons, but
 * `arn:aws:bedrock:*::foundation-model/*` does not mean a guardrail whose id holds colons). A
 * foundation-model ARN may be Region-less (what global inference profiles need).
 */
export function arnCanName(arn: string, rt: ResourceTypeInfo): boolean {
  const key = rt.arn + '\n' + arn;
  let r = nameCache.get(key);
  if (r === undefined) {
    r = computeArnCanName(arn, rt);
    if (nameCache.size > 50_000) nameCache.clear();
    nameCache.set(key, r);
  }
  return r;
}

const nameCache = new Map<string, boolean>();

function computeArnCanName(arn: string, rt: ResourceTypeInfo): boolean {
  const u = parseArn(arn);
  const t = parseArn(rt.arn);
  if (!u || !t || !globMatcher(u.service, true).test(t.service)) return false;
  const regionless = rt.service === 'bedrock' && rt.key === 'foundation-model';
  // Fast rejection: the literal starts of the two resource parts must agree.
  const userLiteral = u.resource.slice(0, u.resource.search(/[*?$]|$/));
  const templateLiteral = t.resource.slice(0, t.resource.search(/\$\{|$/));
  const n = Math.min(userLiteral.length, templateLiteral.length);
  if (userLiteral.slice(0, n) !== templateLiteral.slice(0, n)) return false;
  return (
    segmentFits(u.partition, t.partition, false) &&
    segmentFits(u.region, t.region, regionless) &&
    segmentFits(u.account, t.account, false) &&
    patternsIntersect(tokenizeUserPattern(u.resource), templateResource(rt.arn))
  );
}

const resourceTemplates = new Map<string, Tok[]>();

/** The tokens of a template's resource part (after the fifth colon), whose variables may hold colons. */
function templateResource(template: string): Tok[] {
  let toks = resourceTemplates.get(template);
  if (!toks) {
    const all = tokenizeTemplate(template);
    let colons = 0;
    let cut = all.length;
    for (let i = 0; i < all.length; i++) {
      const tok = all[i];
      if (tok.t === 'c' && tok.c === ':' && ++colons === 5) {
        cut = i + 1;
        break;
      }
    }
    toks = all.slice(cut);
    resourceTemplates.set(template, toks);
  }
  return toks;
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
