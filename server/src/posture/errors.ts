// Failures of a posture run. Problems that stop the whole run (no credentials, an expired SSO
// session, an unknown profile, bad options) are a `PostureSetupError` with a one-line message.
// Everything else — a denied, throttled, timed-out, unreachable or malformed call — becomes the
// "could not check" result of the checks that needed the call, classified here. Reasons name
// the call and the IAM action, never a secret: raw AWS messages of authentication errors are not
// repeated (a SignatureDoesNotMatch message can quote the session token in its canonical request).
import { MalformedResponseError } from './datasets';

/** Why a run could not start. */
export type SetupProblem = 'no-credentials' | 'expired-sso' | 'unknown-profile' | 'credentials' | 'options';

/** A problem that stops the whole run; `message` is one line, fit for a CLI or a notification. */
export class PostureSetupError extends Error {
  constructor(
    readonly kind: SetupProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PostureSetupError';
  }
}

/** A call that failed; `cause` is the SDK's error. */
export class CallFailure extends Error {
  constructor(
    readonly call: string,
    override readonly cause: unknown,
  ) {
    super(`${call} failed`);
    this.name = 'CallFailure';
  }
}

/** The error a cancelled run rejects with (as `fetch` does). */
export function abortError(): Error {
  const e = new Error('The posture run was cancelled');
  e.name = 'AbortError';
  return e;
}

/** Whether `e` is a cancellation (ours or the SDK's). */
export function isAbort(e: unknown): boolean {
  return (e as { name?: unknown })?.name === 'AbortError';
}

/** What a failed call means for the checks that needed it. */
export interface ClassifiedFailure {
  state: 'error' | 'not-applicable';
  /** Short, shown next to the check. */
  summary: string;
  /** Why, naming the call and what to do. */
  reason: string;
}

/** Context of a classification. */
export interface FailureContext {
  region: string;
  profile?: string;
  timeoutMs: number;
}

const ACCESS_DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedAccess', 'AuthorizationError', 'NotAuthorized']);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired']);
const REJECTED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthFailure',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'OptInRequired',
]);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);
const NETWORK = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND', 'EADDRNOTAVAIL']);

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  hostname?: string;
  address?: string;
  port?: number;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string };
  $response?: unknown;
}

/** The host name of Amazon Bedrock's control plane in a Region, e.g. `bedrock.us-east-1.amazonaws.com`. */
export function bedrockHost(region: string): string {
  return `bedrock.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

function attempts(e: SdkErrorLike): string {
  const n = e.$metadata?.attempts;
  return typeof n === 'number' && n > 1 ? ` after ${n} attempts` : '';
}

function firstLine(text: string, max = 200): string {
  const line = text.split('\n')[0].trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Classifies the failure of `call` for the checks that needed it. */
export function classifyFailure(call: string, error: unknown, ctx: FailureContext): ClassifiedFailure {
  const e = (error ?? {}) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const code = typeof e.code === 'string' ? e.code : undefined;
  const status = e.$metadata?.httpStatusCode;
  // Every call is authorised by the IAM action of the same name (see datasets.ts).
  const action = call;
  const where = ctx.region === 'global' ? '' : ` in ${ctx.region}`;
  if (error instanceof MalformedResponseError) {
    return { state: 'error', summary: 'Malformed response', reason: `${error.message}; the result cannot be trusted, so the check was not run.` };
  }
  // DNS has no record for Bedrock's regional endpoint: the service is not offered there. With a
  // custom --endpoint-url the host is someone else's, so a failed lookup is "unreachable" instead.
  if (code === 'ENOTFOUND' && e.hostname === bedrockHost(ctx.region)) {
    return { state: 'not-applicable', summary: `Amazon Bedrock is not offered in ${ctx.region}`, reason: `${e.hostname} has no DNS record.` };
  }
  if (ACCESS_DENIED.has(name) || (status === 403 && !REJECTED.has(name) && !EXPIRED.has(name))) {
    return {
      state: 'error',
      summary: `Access denied: ${action}`,
      reason: `Access denied to ${action}${where} (${name}). Allow ${action} for these credentials (the read-only policy of the posture checks lists every action they need), or use a profile that has it.`,
    };
  }
  if (EXPIRED.has(name) || (name === 'CredentialsProviderError' && /expired|sso/i.test(e.message ?? ''))) {
    const fix = ctx.profile ? `run \`aws sso login --profile ${ctx.profile}\` (SSO) or refresh the credentials of profile ${ctx.profile}` : 'refresh the credentials (for an SSO profile: `aws sso login --profile <name>`)';
    return { state: 'error', summary: 'Credentials expired', reason: `The credentials expired during ${call} (${name}): ${fix}, then refresh.` };
  }
  if (REJECTED.has(name)) {
    return {
      state: 'error',
      summary: 'Credentials rejected',
      reason: `${call}${where} rejected the credentials (${name}): the keys may be invalid, or the Region is not enabled for this account.`,
    };
  }
  if (THROTTLED.has(name) || status === 429) {
    return { state: 'error', summary: 'Throttled', reason: `AWS throttled ${call}${where} (${name})${attempts(e)}. Refresh later.` };
  }
  // Network codes first: the SDK names a dropped connection ("socket hang up") TimeoutError too.
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return { state: 'error', summary: 'Connection dropped', reason: `The connection for ${call}${where} was closed before an answer (${code})${attempts(e)}.` };
  }
  if (code && NETWORK.has(code)) {
    const host = e.hostname ?? (e.address ? `${e.address}${e.port ? `:${e.port}` : ''}` : undefined);
    return { state: 'error', summary: 'Endpoint unreachable', reason: `Could not reach ${host ? host : 'the endpoint'} for ${call}${where} (${code})${attempts(e)}.` };
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || name === 'RequestTimeout' || name === 'RequestTimeoutException') {
    return { state: 'error', summary: 'Timed out', reason: `${call}${where} got no answer within ${Math.round(ctx.timeoutMs / 100) / 10} s${attempts(e)}.` };
  }
  if (name === 'SyntaxError' || /deserializ|unexpected token|not valid json|xml/i.test(e.message ?? '')) {
    return { state: 'error', summary: 'Malformed response', reason: `${call}${where} returned a response that could not be read (${firstLine(e.message ?? name)}).` };
  }
  if (e.$fault !== undefined || status !== undefined) {
    const http = status ? `HTTP ${status}, ` : '';
    return { state: 'error', summary: `${name}`, reason: `${call}${where} failed (${http}${name}): ${firstLine(e.message ?? '')}` };
  }
  return { state: 'error', summary: 'Could not check', reason: `${call}${where} failed: ${firstLine(e.message ?? String(error))}` };
}

/** The request id of a failed call, when AWS sent one. */
export function requestIdOf(error: unknown): string | undefined {
  const id = (error as SdkErrorLike)?.$metadata?.requestId;
  return typeof id === 'string' ? id : undefined;
}
