// Which resource types a policy ARN names, read segment by segment. A policy ARN written with all
// six parts is matched part against part: its `*` in the partition, service, Region or account
// part stays in that part. (IAM lets a `*` that ends a segment run on past colons, which is what
// `resourceTypesForArn` models; that reading makes `arn:aws:bedrock:*:123456789012:foundation-model/*`
// match a foundation model whose id contains ":123456789012:foundation-model/", which no one means.)
// The resource part keeps the full wildcard semantics. An empty Region or account matches a
// `${Region}`/`${Account}` of the ARN format: resources owned by AWS leave them empty although the
// Service Authorization Reference writes the variable (SSM documents `arn:aws:ssm:us-east-1::document/AWS-RunShellScript`,
// public SSM parameters, Region-less foundation models for global cross-Region inference
// https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html).
// Results are cached by ARN text.
import type { IamData, ResourceTypeInfo } from './data';
import { parseArn, type ParsedArn } from './arn';
import { patternsIntersect, tokenizeTemplate, tokenizeUserPattern, type Tok } from './patterns';

interface TemplateParts {
  partition: Tok[];
  service: Tok[];
  region: Tok[];
  account: Tok[];
  resource: Tok[];
  regionEmpty: boolean;
  accountEmpty: boolean;
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
      t = {
        partition: tokenizeTemplate(p.partition),
        service: tokenizeTemplate(p.service),
        region: tokenizeTemplate(p.region),
        account: tokenizeTemplate(p.account),
        resource: all.slice(cut).map((tok) => (tok.t === 'segVar' ? { t: 'var' } : tok)),
        regionEmpty: p.region === '',
        accountEmpty: p.account === '',
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

const users = new Map<string, UserParts | null>();

function userOf(arn: string): UserParts | undefined {
  let u = users.get(arn);
  if (u === undefined) {
    const p = parseArn(arn);
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
    if (users.size > 20_000) users.clear();
    users.set(arn, u);
  }
  return u ?? undefined;
}

/** True when a user's ARN part meets a template part; an empty part meets a template variable. */
function segmentMeets(user: Tok[], template: Tok[]): boolean {
  if (user.length === 0 && template.length > 0 && template.every((t) => t.t === 'segVar' || t.t === 'var')) return true;
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
  /** Treat the user's Region part as `*`. */
  anyRegion?: boolean;
  /** Treat the user's account part as `*`. */
  anyAccount?: boolean;
}

const ANY: Tok[] = [{ t: 'any' }];
const strictCache = new WeakMap<ResourceTypeInfo, Map<string, boolean>>();
const relaxedCache = new WeakMap<ResourceTypeInfo, Map<string, boolean>>();

/** True when the policy ARN (all six parts) can name a resource of type `rt`, part by part (cached). */
export function arnNamesType(arn: string, rt: ResourceTypeInfo, opts: MatchOptions = {}): boolean {
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
  const u = userOf(arn);
  const t = templateOf(rt);
  let r = false;
  if (u && t && literalsAgree(u.resourceLiteral, t.resourcePrefix)) {
    r =
      (segmentMeets(u.service, t.service) || (!!u.alias && segmentMeets(u.alias, t.service))) &&
      (opts.anyRegion || segmentMeets(u.region, t.region)) &&
      segmentMeets(opts.anyAccount ? ANY : u.account, t.account) &&
      segmentMeets(u.partition, t.partition) &&
      segmentMeets(u.resource, t.resource) &&
      !(t.slashFree && hasLiteralSlash(u.arn.resource));
  }
  if (perType.size > 5_000) perType.clear();
  perType.set(key, r);
  return r;
}

const ownCache = new Map<string, ResourceTypeInfo[]>();

/** The resource types of the ARN's own service that it names, part by part (cached). */
export function typesNamedBy(iam: IamData, arn: string): ResourceTypeInfo[] {
  const cached = ownCache.get(arn);
  if (cached) return cached;
  const u = userOf(arn);
  const svc = u && !/[*?$]/.test(u.arn.service) ? iam.service(u.arn.service) : undefined;
  const out = svc ? [...svc.resourceTypes.values()].filter((rt) => arnNamesType(arn, rt)) : [];
  if (ownCache.size > 20_000) ownCache.clear();
  ownCache.set(arn, out);
  return out;
}

/** Facts about a resource type's ARN template that explain a mismatch. */
export function templateFacts(rt: ResourceTypeInfo): { regionEmpty: boolean; accountEmpty: boolean; resourcePrefix: string } | undefined {
  const t = templateOf(rt);
  return t && { regionEmpty: t.regionEmpty, accountEmpty: t.accountEmpty, resourcePrefix: t.resourcePrefix };
}
