// Shared by iam/invalid-arn and iam/arn-matches-no-resource: reads each Resource/NotResource entry
// of a statement once and decides which of the two rules speaks. iam/invalid-arn (an error) gets
// what IAM itself rejects and every Amazon Bedrock ARN that names no Bedrock resource (the product's
// subject, whose resource types are checked against the Bedrock documentation);
// iam/arn-matches-no-resource (a warning) gets the ARNs IAM accepts that name no resource type of
// another service, where the IAM data may lag AWS.
import type { IamData, ResourceTypeInfo } from '../../iam/data';
import { EMPTY_RESOURCE, arnMatchesResourceType, arnSyntaxProblem, iamArnRejection, readPolicyArn, resourceTypesForArn, templateFacts, type ParsedArn } from '../../iam/arn';
import { closest, editDistance, isDeny } from '../../policy/analysis';
import { ObjectSlot } from '../../memo';
import { ResourceText, statementFacts, textAnswer } from '../../policy/facts';
import type { Statement } from '../../policy/model';
import type { Finding, Fix } from '../../types';
import type { FixContext } from '../rule';
import { entriesOf, replaceEntry, resolveEntry, type EntryRef, type ListEntry } from './entries';
import { RETIRED_SERVICES } from './reference-gaps';

/** Which rule reports an entry: `invalid` is iam/invalid-arn, `no-match` is iam/arn-matches-no-resource. */
export type ArnVerdict = 'invalid' | 'no-match';

/** A Resource/NotResource entry that names no resource, and why. */
export interface ArnProblem {
  entry: ListEntry;
  verdict: ArnVerdict;
  message: string;
  /** The entry as it was probably meant, when one repair makes it name a resource. */
  suggestion?: string;
  /** The repair is certain (a Bedrock type, a change of case, an IAM rule): offered as the preferred fix. */
  certain: boolean;
}

/** A finding's `data`: where the entry is, and the repair (a type alias, so that it is assignable to FindingData). */
export type ArnFixData = { ref: EntryRef; suggestion?: string; preferred?: boolean };

/**
 * The service whose resource types this project checks against AWS documentation itself. An ARN
 * of it that names no resource is an error; for other services a mismatch may be a gap in the data
 * (AWS WAF Classic `changetoken/…`, CloudFormation `transform/…`, path-style ARNs such as
 * `arn:aws:aps:*:*:/workspaces`), so only a near miss of a known type is reported, as a warning.
 */
const VERIFIED_SERVICE = 'bedrock';

const format = (p: ParsedArn): string => `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`;
const isWild = (s: string): boolean => /[*?$]/.test(s);
const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * `arn:aws:iam::123456789012:root`, the account's root user: a principal ARN that AWS also uses as
 * a resource (AWS managed policies for root-user tasks: `"NotResource": "arn:aws:iam::*:root"`),
 * though the reference lists no resource type for it.
 */
const isRootUser = (p: ParsedArn): boolean => p.service === 'iam' && p.resource === 'root';

/** The resource types an ARN may name: its own service's, and those of the statement's action services with the same ARN namespace. */
function candidateTypes(iam: IamData, st: Statement, p: ParsedArn): ResourceTypeInfo[] {
  const out = new Set<ResourceTypeInfo>(iam.service(p.service)?.resourceTypes.values() ?? []);
  for (const { action } of entriesOf(st, ['Action', 'NotAction'])) {
    const a = action!;
    if (a.kind !== 'action' || a.service === p.service) continue;
    for (const rt of iam.service(a.service)?.resourceTypes.values() ?? []) if (rt.arn.includes(`:${p.service}:`)) out.add(rt);
  }
  return [...out];
}

/** Why a well-formed ARN names none of the candidate types, in the words of each rule. */
interface Mismatch {
  /** iam/invalid-arn's message (a Bedrock ARN). */
  message: string;
  /** iam/arn-matches-no-resource's explanation, completing "… matches no <service> resource type in the IAM data: ". */
  reason: string;
  suggestion?: string;
  /** Only the case of a word differs: certain even where the data may lag. */
  caseOnly?: boolean;
}

/**
 * Why a well-formed ARN of a known service names none of its resource types, and a repair when
 * one makes it name a type; undefined when the ARN may name a resource type the data lacks.
 */
function diagnose(arn: string, p: ParsedArn, types: ResourceTypeInfo[]): Mismatch | undefined {
  const shown = JSON.stringify(arn);
  const loose = types.filter((rt) => arnMatchesResourceType(arn, rt, { anyRegion: true, anyAccount: true }));
  if (loose.length > 0) {
    const rt = loose[0];
    const f = templateFacts(rt)!;
    const fixed: ParsedArn = { ...p };
    const problems: string[] = [];
    if (f.accountEmpty && p.account !== '' && !isWild(p.account)) {
      problems.push('have no account ID');
      fixed.account = '';
    } else if (!f.accountEmpty && !f.accountMayBeEmpty && p.account === '') {
      problems.push('have an account ID');
    }
    if (f.regionEmpty && p.region !== '' && !isWild(p.region)) {
      problems.push('have no Region');
      fixed.region = '';
    } else if (!f.regionEmpty && !f.regionMayBeEmpty && p.region === '') {
      problems.push('have a Region');
    }
    const candidate = format(fixed);
    const suggestion = candidate !== arn && types.some((t) => arnMatchesResourceType(candidate, t)) ? candidate : undefined;
    const meant = suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : '';
    if (rt.service === 'bedrock' && rt.key === 'foundation-model' && fixed.account !== p.account) {
      return {
        message: `Foundation-model ARNs have no account ID: foundation models are owned by AWS, so the account field must be empty${suggestion ? ` (${JSON.stringify(suggestion)})` : ''}. ${shown} matches no foundation model.`,
        reason: '',
        suggestion,
      };
    }
    if (problems.length > 0) {
      const what = `${rt.service} ${rt.key} ARNs ${problems.join(' and ')}`;
      return { message: `${what}, so ${shown} names no resource.${meant}`, reason: `${what}.${meant}`, suggestion };
    }
  }
  // Compare the resource part's leading word with the types' own (`guardrail`, `stateMachine`…).
  const word = /^[^/:]*/.exec(p.resource)![0];
  const byWord = new Map<string, ResourceTypeInfo>();
  for (const rt of types) {
    const w = /^[^/:$]*/.exec(templateFacts(rt)?.resourcePrefix ?? '')![0];
    if (w && !byWord.has(w)) byWord.set(w, rt);
  }
  const same = byWord.get(word);
  if (same) {
    return {
      message: `${shown} does not have the form of ${article(p.service)} ${p.service} ${same.key} ARN (${same.arn}), so it names no resource.`,
      reason: `${article(same.key)} ${same.key} ARN has the form ${same.arn}.`,
    };
  }
  if (word && !isWild(word)) {
    const lower = word.toLowerCase();
    const near = [...byWord.keys()].find((w) => w.toLowerCase() === lower) ?? closest(word, byWord.keys());
    const candidate = near && format({ ...p, resource: near + p.resource.slice(word.length) });
    if (near && candidate && types.some((t) => arnMatchesResourceType(candidate, t))) {
      const caseOnly = near.toLowerCase() === lower;
      const meant = ` Did you mean ${JSON.stringify(candidate)}?`;
      return {
        message: `${shown} names no resource: ${caseOnly ? 'ARNs are case-sensitive' : `no ${p.service} resource type is called "${word}"`}.${meant}`,
        reason: `${caseOnly ? 'ARNs are case-sensitive' : `none is called "${word}"`}.${meant}`,
        suggestion: candidate,
        caseOnly,
      };
    }
  }
  return p.service === VERIFIED_SERVICE ? { message: `${shown} names no resource type of ${p.service}.`, reason: '' } : undefined;
}

/** For an ARN whose service is no IAM prefix: the same ARN with the closest service whose types it then names. */
function suggestService(iam: IamData, p: ParsedArn): { arn: string; service: string } | undefined {
  const limit = Math.max(2, Math.floor(p.service.length / 3));
  let best: { arn: string; service: string } | undefined;
  let bestD = Infinity;
  for (const s of iam.allServices()) {
    if (Math.abs(s.length - p.service.length) > limit) continue;
    const d = editDistance(p.service, s);
    if (d > limit || d >= bestD) continue;
    const candidate = format({ ...p, service: s });
    if (resourceTypesForArn(iam, candidate).length > 0) {
      best = { arn: candidate, service: s };
      bestD = d;
    }
  }
  return best;
}

/** What an entry that names nothing does to its statement, for iam/arn-matches-no-resource's messages. */
function consequence(le: ListEntry): string {
  if (le.element === 'NotResource') return 'excludes nothing';
  return isDeny(le.statement) ? 'denies nothing' : 'grants nothing';
}

/** The service part of an ARN that `readPolicyArn` cannot read (fewer than six parts). */
const serviceOf = (value: string): string => /^arn:[^:]*:([^:]*)/.exec(value)?.[1] ?? '';

/**
 * What the text of a Resource/NotResource entry alone says: nothing to report (`undefined`), a
 * problem (its message before the statement-dependent part), or that the statement's action
 * services must be consulted (`types`).
 */
type TextDiagnosis =
  | { kind: 'invalid'; message: string; suggestion?: string }
  | { kind: 'no-match'; message: string; suggestion: string | undefined; certain: boolean; mayLag: boolean }
  | { kind: 'types'; p: ParsedArn; verified: boolean };

/** The part of the diagnosis that depends on the entry text and the IAM data only (once per text). */
const diagnoseText = textAnswer(ResourceText, (iam: IamData, t): TextDiagnosis | undefined => {
  const v = t.text;
  if (v === '*' || /^\$\{[^}]+\}$/.test(v)) return undefined;
  const shown = JSON.stringify(v);
  const invalid = (message: string, suggestion?: string): TextDiagnosis => ({ kind: 'invalid', message, suggestion });
  const noMatch = (message: string, suggestion: string | undefined, certain: boolean, mayLag: boolean): TextDiagnosis => ({ kind: 'no-match', message, suggestion, certain, mayLag });

  const p = readPolicyArn(v);
  const rejection = iamArnRejection(v);
  if (rejection) {
    const global = p && p.service === 'iam' && p.region !== '' ? format({ ...p, region: '' }) : undefined;
    const suggestion = global && !iamArnRejection(global) && resourceTypesForArn(iam, global).length > 0 ? global : undefined;
    return invalid(`${shown} is not a valid ARN: ${rejection}.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''}`, suggestion);
  }
  // IAM accepts the entry from here on; arnSyntaxProblem answers whenever readPolicyArn cannot read it.
  const problem = arnSyntaxProblem(v);
  const service = p?.service ?? serviceOf(v);
  const verified = service.toLowerCase() === VERIFIED_SERVICE;
  if (problem) {
    if (verified) return invalid(`${shown} is not a valid ARN: ${problem}.`);
    if (problem === EMPTY_RESOURCE) return noMatch(`${shown} matches no ${service} resource type in the IAM data: its resource part is empty.`, undefined, false, true);
    return noMatch(`${shown} names no resource: ${problem}.`, undefined, false, false);
  }
  if (!p) return undefined;
  if (isWild(p.service) || RETIRED_SERVICES.has(p.service.toLowerCase())) return undefined;
  const lower = p.service.toLowerCase();
  if (lower !== p.service && iam.hasService(lower)) {
    const suggestion = format({ ...p, service: lower });
    const message = `ARN service names are lower-case: ${shown} matches no resource. Did you mean ${JSON.stringify(suggestion)}?`;
    return verified ? invalid(message, suggestion) : noMatch(message, suggestion, true, false);
  }
  const svc = iam.service(p.service);
  if (!svc) {
    const near = suggestService(iam, p);
    if (!near) return undefined;
    const message = `"${p.service}" is not an AWS service, so ${shown} names no resource. Did you mean ${JSON.stringify(near.arn)}?`;
    return near.service === VERIFIED_SERVICE ? invalid(message, near.arn) : noMatch(message, near.arn, false, true);
  }
  if (svc.resourceTypes.size === 0 || resourceTypesForArn(iam, v).length > 0 || isRootUser(p)) return undefined;
  return { kind: 'types', p, verified };
});

function diagnoseEntry(iam: IamData, st: Statement, le: ListEntry, t: ResourceText): ArnProblem | undefined {
  const d = diagnoseText(iam, t);
  if (!d) return undefined;
  switch (d.kind) {
    case 'invalid':
      return { entry: le, verdict: 'invalid', message: d.message, suggestion: d.suggestion, certain: true };
    case 'no-match':
      return {
        entry: le,
        verdict: 'no-match',
        message: `${d.message} As written, this entry ${consequence(le)}${d.mayLag ? ', unless the IAM data lags AWS' : ''}.`,
        suggestion: d.suggestion,
        certain: d.certain,
      };
  }
  const v = le.entry.value;
  const { p, verified } = d;
  const types = candidateTypes(iam, st, p);
  if (types.some((rt) => arnMatchesResourceType(v, rt))) return undefined;
  const m = diagnose(v, p, types);
  if (!m) return undefined;
  if (verified) return { entry: le, verdict: 'invalid', message: m.message, suggestion: m.suggestion, certain: true };
  return {
    entry: le,
    verdict: 'no-match',
    message: `${JSON.stringify(v)} matches no ${p.service} resource type in the IAM data: ${m.reason} As written, this entry ${consequence(le)}, unless the IAM data lags AWS.`,
    suggestion: m.suggestion,
    certain: !!m.caseOnly,
  };
}

const problemSlot = new ObjectSlot<{ iam: IamData; problems: ArnProblem[] }>();

/** The Resource/NotResource entries of a statement that name no resource (memoised per statement). */
export function arnProblems(iam: IamData, st: Statement): ArnProblem[] {
  const cached = problemSlot.get(st);
  let out = cached && cached.iam === iam ? cached.problems : undefined;
  if (!out) {
    out = [];
    const facts = statementFacts(st);
    // Most entries are fine: the statement's entry objects are built only when one is not.
    if (facts.resource.some((t) => diagnoseText(iam, t)) || facts.notResource.some((t) => diagnoseText(iam, t))) {
      const texts = [...facts.resource, ...facts.notResource];
      let i = 0;
      for (const le of entriesOf(st, ['Resource', 'NotResource'])) {
        const t = texts[i++];
        if (!diagnoseText(iam, t)) continue;
        const d = diagnoseEntry(iam, st, le, t);
        if (d) out.push(d);
      }
    }
    problemSlot.set(st, { iam, problems: out });
  }
  return out;
}

/** The finding data of a problem: all that the fix needs. */
export function fixData(d: ArnProblem): ArnFixData {
  return d.suggestion ? { ref: d.entry.ref, suggestion: d.suggestion, preferred: d.certain } : { ref: d.entry.ref };
}

/** The repair of an entry, rebuilt from a finding's data: preferred when it is certain. */
export function arnFixes(ctx: FixContext, finding: Finding): Fix[] {
  const data = finding.data as Partial<ArnFixData> | undefined;
  const found = resolveEntry(ctx.policy, data?.ref);
  if (!found || typeof data?.suggestion !== 'string') return [];
  return [{ title: `Change to ${JSON.stringify(data.suggestion)}`, edits: [replaceEntry(ctx.editor, found.entry, data.suggestion)], isPreferred: data.preferred === true }];
}
