// ARN parsing and matching of policy resources against the resource types of the IAM data.
import type { IamData, ResourceTypeInfo } from './data';
import { patternsIntersect, tokenizeTemplate, tokenizeUserPattern } from './patterns';

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const PARTITIONS = /^(\*|aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc|\$\{aws:[A-Za-z]+\})$/;

/** Splits an ARN into its six parts; undefined when it has fewer than six colon-separated parts. */
export function parseArn(arn: string): ParsedArn | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let start = 4;
  // Split on the first five colons that are not inside a ${...} policy variable.
  let depth = 0;
  for (let i = 4; i < arn.length && parts.length < 4; i++) {
    const c = arn[i];
    if (c === '$' && arn[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) {
      parts.push(arn.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length < 4) return undefined;
  return { partition: parts[0], service: parts[1], region: parts[2], account: parts[3], resource: arn.slice(start) };
}

/**
 * True when an account part is a 12-digit id, `aws`, a policy variable, or digits with wildcards.
 * Written as separate linear tests: one regular expression with `[*?\d]*[*?][*?\d]*` backtracks
 * quadratically on a long run of wildcards and digits.
 */
function accountFits(account: string): boolean {
  return /^(\d{12}|aws|\$\{.+\})$/.test(account) || (/^[*?\d]+$/.test(account) && /[*?]/.test(account));
}

/** Why an ARN is malformed, or undefined when it is well-formed. */
export function arnSyntaxProblem(arn: string): string | undefined {
  const p = parseArn(arn);
  if (!p) return 'an ARN has six parts: arn:partition:service:region:account-id:resource';
  if (!PARTITIONS.test(p.partition) && !/[*?]/.test(p.partition)) return `"${p.partition}" is not an AWS partition`;
  if (p.service === '') return 'the service part is empty';
  if (p.resource === '') return 'the resource part is empty';
  if (p.account !== '' && !accountFits(p.account)) return `"${p.account}" is not a 12-digit account id`;
  return undefined;
}

const templateCache = new Map<string, ReturnType<typeof tokenizeTemplate>>();

/** True when the (possibly wildcarded) ARN can name a resource of the given type. */
export function arnMatchesResourceType(arn: string, rt: ResourceTypeInfo): boolean {
  let t = templateCache.get(rt.arn);
  if (!t) {
    t = tokenizeTemplate(rt.arn);
    templateCache.set(rt.arn, t);
  }
  return patternsIntersect(tokenizeUserPattern(arn), t);
}

const matchCache = new Map<string, ResourceTypeInfo[]>();

/**
 * The resource types of the ARN's service that the ARN can name. Empty when the ARN fits none
 * (or its service is unknown). Cached by ARN text.
 */
export function resourceTypesForArn(iam: IamData, arn: string): ResourceTypeInfo[] {
  const cached = matchCache.get(arn);
  if (cached) return cached;
  const p = parseArn(arn);
  let out: ResourceTypeInfo[] = [];
  if (p && !/[*?$]/.test(p.service)) {
    const svc = iam.service(p.service);
    if (svc) out = [...svc.resourceTypes.values()].filter((rt) => arnMatchesResourceType(arn, rt));
  }
  if (matchCache.size > 50_000) matchCache.clear();
  matchCache.set(arn, out);
  return out;
}
