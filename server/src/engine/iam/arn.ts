// ARNs in policies: parsing, the checks IAM itself applies before it accepts a policy, and the one
// matcher of policy ARNs against the resource types of the IAM data.
//
// Matching reads a policy ARN part by part: a `*` in the partition, service, Region or account part
// stays in that part. (IAM lets a `*` that ends a segment run on past colons; read that way,
// `arn:aws:bedrock:*:123456789012:foundation-model/*` would match a foundation model whose id
// contains ":123456789012:foundation-model/", which no one means.) The resource part keeps the full
// wildcard semantics. An ARN with fewer than six parts whose last part ends with `*` reads as if
// the missing parts were `*` (`arn:aws:bedrock:*` is every Bedrock resource): there the `*` does
// run on, as IAM evaluates it. An empty Region or account matches a `${Region}`/`${Account}` of the
// ARN format only for the resource types whose AWS-owned resources leave it empty (see
// EMPTY_REGION_TYPES and EMPTY_ACCOUNT_TYPES). Results are cached by ARN text.
import { detach, textCacheLimit } from '../memo';
import type { IamData, ResourceTypeInfo } from './data';
import { patternsIntersect, tokenizeTemplate, tokenizeUserPattern, type Tok } from './patterns';

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

const PARTITIONS = /^(\*|aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]|aws-eusc|\$\{aws:[A-Za-z]+\})$/;

const SIX_PARTS = 'an ARN has six parts: arn:partition:service:region:account-id:resource';

/** `arnSyntaxProblem`'s answer for an ARN whose resource part is empty. */
export const EMPTY_RESOURCE = 'the resource part is empty';

const isWild = (s: string): boolean => /[*?$]/.test(s);

/**
 * The parts of an ARN after `arn:`: up to four colon-separated parts, then the rest (the resource
 * part, which may hold colons). Colons inside `${...}` policy variables do not separate parts.
 */
function splitArn(arn: string): string[] {
  const parts: string[] = [];
  let start = 4;
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
  parts.push(arn.slice(start));
  return parts;
}

/** Splits an ARN into its six parts; undefined when it has fewer than six colon-separated parts. */
export function parseArn(arn: string): ParsedArn | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = splitArn(arn);
  if (parts.length < 5) return undefined;
  return { partition: parts[0], service: parts[1], region: parts[2], account: parts[3], resource: parts[4] };
}

/**
 * Reads a policy ARN as IAM matches it: like `parseArn`, and an ARN with fewer than six parts
 * whose last part ends with `*` has `*` for each missing part ("If the * wildcard is the last
 * character of a resource ARN segment, it can expand to match beyond the colon boundaries",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
export function readPolicyArn(arn: string): ParsedArn | undefined {
  const p = parseArn(arn);
  if (p || !arn.startsWith('arn:') || !arn.endsWith('*')) return p;
  const parts = splitArn(arn);
  while (parts.length < 5) parts.push('*');
  return { partition: parts[0], service: parts[1], region: parts[2], account: parts[3], resource: parts[4] };
}

/**
 * True when an account part is a 12-digit id, `aws`, a policy variable, or digits with wildcards.
 * Written as separate linear tests: one regular expression with `[*?\d]*[*?][*?\d]*` backtracks
 * quadratically on a long run of wildcards and digits.
 */
function accountFits(account: string): boolean {
  return /^(\d{12}|aws|\$\{.+\})$/.test(account) || (/^[*?\d]+$/.test(account) && /[*?]/.test(account));
}

/**
 * Why a policy ARN is malformed, or undefined when it is well-formed. An ARN of fewer than six
 * parts that ends with `*` is well-formed (see `readPolicyArn`).
 */
export function arnSyntaxProblem(arn: string): string | undefined {
  const p = readPolicyArn(arn);
  if (!p) return SIX_PARTS;
  if (!PARTITIONS.test(p.partition) && !/[*?]/.test(p.partition)) return `"${p.partition}" is not an AWS partition`;
  if (p.service === '') return 'the service part is empty';
  if (p.resource === '') return EMPTY_RESOURCE;
  if (p.account !== '' && !accountFits(p.account)) return `"${p.account}" is not a 12-digit account id`;
  return undefined;
}

/**
 * Why IAM refuses a policy with this Resource/NotResource entry (MalformedPolicyDocument), or
 * undefined when IAM accepts it. Others, such as an account part that is not an account id or an
 * empty resource part, IAM accepts although the entry then matches nothing (`arnSyntaxProblem`).
 * What IAM answers: "Resource x must be in ARN format or "*"" for a value without colons;
 * `Partition "aws2" is not valid for resource …`; "Resource vendor must be fully qualified" for
 * `arn:aws`; "The policy failed legacy parsing" for an empty service part and for fewer than six
 * parts with an empty one (`arn:aws:s3::bucket`), while `arn:aws:x` is accepted (IAM's answers as
 * reproduced by moto's IAM policy validation, getmoto/moto moto/iam/policy_validation.py and its
 * tests); "IAM resource arn:aws:iam:us-east-1:…:role/* cannot contain region information"
 * (aws/aws-cdk#13104).
 */
export function iamArnRejection(value: string): string | undefined {
  if (!value.startsWith('arn:')) return SIX_PARTS;
  const parts = splitArn(value);
  if (!PARTITIONS.test(parts[0]) && !/[*?]/.test(parts[0])) return `"${parts[0]}" is not an AWS partition`;
  if (parts.length < 2 || parts[1] === '') return 'the service part is empty';
  if (parts.length < 5 && value.includes('::')) return SIX_PARTS;
  if (parts[1] === 'iam' && parts.length > 2 && parts[2] !== '' && !isWild(parts[2])) return 'IAM resources are global, so their ARNs have no Region';
  return undefined;
}

/**
 * Resource types whose AWS-owned resources have no Region although the ARN format has `${Region}`:
 * foundation models called through global cross-Region inference profiles
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html).
 */
const EMPTY_REGION_TYPES: ReadonlySet<string> = new Set(['bedrock:foundation-model']);

/**
 * Resource types whose AWS-owned resources have no account although the ARN format has
 * `${Account}`: SSM documents and Automation runbooks owned by AWS
 * (`arn:aws:ssm:us-east-1::document/AWS-RunShellScript`,
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html), public
 * SSM parameters (`arn:aws:ssm:*::parameter/aws/service/*`), and the AWS service views of Resource
 * Explorer (AWS managed policy CloudWatchApplicationSignalsReadOnlyAccess:
 * `arn:aws:resource-explorer-2:*::view/AWSServiceViewForApplicationSignals/service-view`), and the
 * resource snapshots of AWS Partner Central engagements, which live in AWS's catalog like the
 * engagements themselves (AWS managed policy AWSPartnerCentralSellingResourceSnapshotJobExecutionRolePolicy:
 * `arn:aws:partnercentral:*::catalog/AWS/engagement/*` with `partnercentral:CreateResourceSnapshot`).
 */
const EMPTY_ACCOUNT_TYPES: ReadonlySet<string> = new Set([
  'ssm:document',
  'ssm:automation-definition',
  'ssm:parameter',
  'resource-explorer-2:view',
  'partnercentral:ResourceSnapshot',
]);

interface TemplateParts {
  partition: Tok[];
  service: Tok[];
  region: Tok[];
  account: Tok[];
  resource: Tok[];
  regionEmpty: boolean;
  accountEmpty: boolean;
  /** An empty Region in a policy ARN matches this type's `${Region}` (an AWS-owned resource). */
  regionMayBeEmpty: boolean;
  /** An empty account in a policy ARN matches this type's `${Account}` (an AWS-owned resource). */
  accountMayBeEmpty: boolean;
  /** Text of the resource part before its first variable, e.g. `foundation-model/`. */
  resourcePrefix: string;
  /** The resource part is one variable that never holds a `/` (an S3 bucket name). */
  slashFree: boolean;
}

/**
 * Variables that never hold a `/`: S3 bucket names are letters, digits, dots and hyphens
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html), so
 * `arn:aws:s3:::bucket/*` names objects only, never the bucket.
 */
const SLASH_FREE_VARIABLES: ReadonlySet<string> = new Set(['${BucketName}']);

const templates = new WeakMap<ResourceTypeInfo, TemplateParts | null>();

function templateOf(rt: ResourceTypeInfo): TemplateParts | undefined {
  let t = templates.get(rt);
  if (t === undefined) {
    const p = parseArn(rt.arn);
    if (!p) t = null;
    else {
      // The resource part's variables may hold colons (`function:${FunctionName}:${Qualifier}`),
      // so it is tokenized as a whole template and cut after the fifth colon.
      const all = tokenizeTemplate(rt.arn);
      let colons = 0;
      let cut = all.length;
      for (let i = 0; i < all.length; i++) {
        const tok = all[i];
        if (tok.t === 'c' && tok.c === ':' && ++colons === 5) {
          cut = i + 1;
          break;
        }
      }
      const varAt = p.resource.indexOf('${');
      const id = `${rt.service}:${rt.key}`;
      t = {
        partition: tokenizeTemplate(p.partition),
        service: tokenizeTemplate(p.service),
        region: tokenizeTemplate(p.region),
        account: tokenizeTemplate(p.account),
        resource: all.slice(cut).map((tok) => (tok.t === 'segVar' ? { t: 'var' } : tok)),
        regionEmpty: p.region === '',
        accountEmpty: p.account === '',
        regionMayBeEmpty: EMPTY_REGION_TYPES.has(id),
        accountMayBeEmpty: EMPTY_ACCOUNT_TYPES.has(id),
        resourcePrefix: varAt < 0 ? p.resource : p.resource.slice(0, varAt),
        slashFree: SLASH_FREE_VARIABLES.has(p.resource),
      };
    }
    templates.set(rt, t);
  }
  return t ?? undefined;
}

/**
 * ARN namespaces of a renamed service that AWS treats as one: connections created before July 2024
 * have `codestar-connections` ARNs, newer ones `codeconnections`, and both prefixes' actions remain
 * (https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html); AWS managed policies list
 * either kind of ARN with either prefix's actions.
 */
const NAMESPACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['codestar-connections', 'codeconnections'],
  ['codeconnections', 'codestar-connections'],
]);

/** The other ARN namespace of a renamed service (see NAMESPACE_ALIASES), if any. */
export function serviceAlias(service: string): string | undefined {
  return NAMESPACE_ALIASES.get(service);
}

interface UserParts {
  arn: ParsedArn;
  /** Literal text at the start of the resource part, before any wildcard or policy variable. */
  resourceLiteral: string;
  partition: Tok[];
  service: Tok[];
  /** The other namespace of a renamed service, if any. */
  alias?: Tok[];
  region: Tok[];
  account: Tok[];
  resource: Tok[];
}

const users = new Map<string, UserParts | null>();

function userOf(text: string): UserParts | undefined {
  let u = users.get(text);
  if (u === undefined) {
    // A copy: the parts below are slices of it, and the cache must not keep the document alive.
    const arn = detach(text);
    const p = readPolicyArn(arn);
    const alias = p && NAMESPACE_ALIASES.get(p.service);
    u = p
      ? {
          arn: p,
          resourceLiteral: /^[^*?$]*/.exec(p.resource)![0],
          partition: tokenizeUserPattern(p.partition),
          service: tokenizeUserPattern(p.service),
          alias: alias ? tokenizeUserPattern(alias) : undefined,
          region: tokenizeUserPattern(p.region),
          account: tokenizeUserPattern(p.account),
          resource: tokenizeUserPattern(p.resource),
        }
      : null;
    if (users.size >= textCacheLimit.entries) users.clear();
    users.set(arn, u);
  }
  return u ?? undefined;
}

/** True when a policy ARN's part meets a template part; an empty part meets a variable only where `mayBeEmpty`. */
function segmentMeets(user: Tok[], template: Tok[], mayBeEmpty = false): boolean {
  if (user.length === 0) return template.length === 0 || mayBeEmpty;
  return patternsIntersect(user, template);
}

/** True when two literal starts of resource parts can belong to one ARN (a cheap filter before matching). */
function literalsAgree(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** True when a policy ARN's resource part has a `/` outside policy variables. */
function hasLiteralSlash(resource: string): boolean {
  return resource.replace(/\$\{[^}]*\}/g, '').includes('/');
}

/** Options that relax the match, used to explain why an ARN fits no type. */
export interface MatchOptions {
  /** Treat the policy ARN's Region part as `*`. */
  anyRegion?: boolean;
  /** Treat the policy ARN's account part as `*`. */
  anyAccount?: boolean;
}

const ANY: Tok[] = [{ t: 'any' }];
const strictCache = new WeakMap<ResourceTypeInfo, Map<string, boolean>>();
const relaxedCache = new WeakMap<ResourceTypeInfo, Map<string, boolean>>();

/**
 * True when the (possibly wildcarded) policy ARN can name a resource of type `rt`, read part by
 * part (cached per type and ARN).
 */
export function arnMatchesResourceType(arn: string, rt: ResourceTypeInfo, opts: MatchOptions = {}): boolean {
  const relaxed = !!(opts.anyRegion || opts.anyAccount);
  const caches = relaxed ? relaxedCache : strictCache;
  let perType = caches.get(rt);
  if (!perType) {
    perType = new Map();
    caches.set(rt, perType);
  }
  const key = relaxed ? (opts.anyRegion ? 'r' : '-') + (opts.anyAccount ? 'a' : '-') + arn : arn;
  const cached = perType.get(key);
  if (cached !== undefined) return cached;
  const r = arnFitsResourceType(arn, rt, opts);
  if (perType.size > 5_000) perType.clear();
  perType.set(detach(key), r);
  return r;
}

/**
 * `arnMatchesResourceType` without its per-type cache, for callers that cache the answers
 * themselves (policy/facts.ts keeps them per ARN text).
 */
export function arnFitsResourceType(arn: string, rt: ResourceTypeInfo, opts: MatchOptions = {}): boolean {
  const u = userOf(arn);
  const t = templateOf(rt);
  if (!u || !t || !literalsAgree(u.resourceLiteral, t.resourcePrefix)) return false;
  return (
    (segmentMeets(u.service, t.service) || (!!u.alias && segmentMeets(u.alias, t.service))) &&
    (opts.anyRegion || segmentMeets(u.region, t.region, t.regionMayBeEmpty)) &&
    (opts.anyAccount ? segmentMeets(ANY, t.account) : segmentMeets(u.account, t.account, t.accountMayBeEmpty)) &&
    segmentMeets(u.partition, t.partition) &&
    segmentMeets(u.resource, t.resource) &&
    !(t.slashFree && hasLiteralSlash(u.arn.resource))
  );
}

const typesCache = new Map<string, ResourceTypeInfo[]>();

/**
 * The resource types of the ARN's own service that the policy ARN can name, part by part. Empty
 * when it names none, when its service is unknown or a wildcard, or when it cannot be read as an
 * ARN. Cached by ARN text (the same array for the same ARN).
 */
export function resourceTypesForArn(iam: IamData, arn: string): ResourceTypeInfo[] {
  const cached = typesCache.get(arn);
  if (cached) return cached;
  const u = userOf(arn);
  const svc = u && !isWild(u.arn.service) ? iam.service(u.arn.service) : undefined;
  // The answer is cached whole, so the per-type caches of arnMatchesResourceType are not filled
  // (they would keep a copy of the ARN for every type of its service).
  const out = svc ? [...svc.resourceTypes.values()].filter((rt) => arnFitsResourceType(arn, rt)) : [];
  if (typesCache.size >= textCacheLimit.entries) typesCache.clear();
  typesCache.set(detach(arn), out);
  return out;
}

/** Facts about a resource type's ARN format that explain a mismatch. */
export function templateFacts(
  rt: ResourceTypeInfo,
): { regionEmpty: boolean; accountEmpty: boolean; regionMayBeEmpty: boolean; accountMayBeEmpty: boolean; resourcePrefix: string } | undefined {
  const t = templateOf(rt);
  return t && { regionEmpty: t.regionEmpty, accountEmpty: t.accountEmpty, regionMayBeEmpty: t.regionMayBeEmpty, accountMayBeEmpty: t.accountMayBeEmpty, resourcePrefix: t.resourcePrefix };
}
