// Runs the posture checks: builds the SDK clients (adaptive retries, connect and request
// timeouts, one shared HTTP handler), fetches every dataset at most once per Region (global
// IAM datasets once per run) with bounded concurrency, evaluates the checks, and turns every
// failed call into a "could not check" result of the checks that needed it. Cancelling the
// signal aborts the calls in flight and rejects with an AbortError.
//
// Regions where Amazon Bedrock is not offered: AWS publishes no DNS record for
// bedrock.<region>.amazonaws.com there, so before calling anything the runner looks that name up
// (and ec2.<region>.amazonaws.com as a control, so a machine without DNS is not mistaken for
// it). No record → every regional check is "not applicable" and nothing is called in that
// Region. With a custom endpoint URL the lookup is skipped (the endpoint answers for every
// Region). The same DNS failure seen by a call is classified the same way (errors.ts).
//
// IAM checks are global: they run once, against the partition's IAM endpoint, and appear in the
// report as a last "Region" named `global`.
import { promises as dns } from 'node:dns';
import { setMaxListeners } from 'node:events';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { iamRegion, partitionOf } from './aws-links';
import type { CheckContext, Partition, PostureCheck } from './check';
import { CHECKS } from './checks/index';
import { checkCredentials, effectiveProfile, resolveCredentials } from './credentials';
import { DATASETS, type DatasetKey, type DatasetValues, type FetchContext, type ServiceClients } from './datasets';
import { abortError, bedrockHost, CallFailure, classifyFailure, isAbort, PostureSetupError, requestIdOf } from './errors';
import type { CheckResult, PostureLogger, PostureOptions, PostureReport, PostureSummary, RegionReport } from './types';

/** The pseudo-Region of the global (IAM) checks in a report. */
export const GLOBAL_REGION = 'global';
/** Default per-request timeout (connect + answer), in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Default attempts per call (the first one and adaptive retries). */
export const DEFAULT_MAX_ATTEMPTS = 4;
/** Calls in flight at once, over all Regions. */
export const MAX_CONCURRENCY = 8;

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** What the runner needs from its surroundings (tests replace the DNS probe and the clock). */
export interface RunDeps {
  /** false: Bedrock is not offered in the Region; true or undefined (cannot tell): check it. */
  bedrockOffered(region: string, endpointUrl: string | undefined): Promise<boolean | undefined>;
  now(): Date;
}

async function resolves(host: string): Promise<boolean | undefined> {
  try {
    await dns.lookup(host);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOTFOUND' ? false : undefined;
  }
}

/** The DNS probe described in the module header. */
export async function dnsBedrockOffered(region: string, endpointUrl: string | undefined): Promise<boolean | undefined> {
  if (endpointUrl) return undefined;
  const [bedrock, control] = await Promise.all([resolves(bedrockHost(region)), resolves(bedrockHost(region).replace(/^bedrock\./, 'ec2.'))]);
  if (bedrock === false && control === true) return false;
  return bedrock === true ? true : undefined;
}

const DEFAULT_DEPS: RunDeps = { bedrockOffered: dnsBedrockOffered, now: () => new Date() };

/** A counting semaphore whose waiters leave when the run is cancelled. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw abortError();
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(abortError());
      };
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        this.active++;
        resolve();
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}

/** Rejects with an AbortError as soon as `signal` aborts, whatever `promise` does. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function validate(opts: PostureOptions): { regions: string[]; endpointUrl?: string; timeoutMs: number; maxAttempts: number } {
  const regions = [...new Set((opts.regions ?? []).map((r) => String(r).trim()).filter((r) => r !== ''))];
  if (regions.length === 0) throw new PostureSetupError('options', 'No Region to check: choose at least one Region');
  const bad = regions.find((r) => !REGION_PATTERN.test(r));
  if (bad !== undefined) throw new PostureSetupError('options', `"${bad}" is not an AWS Region name (such as us-east-1)`);
  if (regions.includes(GLOBAL_REGION)) throw new PostureSetupError('options', `"${GLOBAL_REGION}" is not an AWS Region name`);
  let endpointUrl: string | undefined;
  if (opts.endpointUrl !== undefined && opts.endpointUrl !== '') {
    let url: URL;
    try {
      url = new URL(opts.endpointUrl);
    } catch {
      throw new PostureSetupError('options', `The endpoint URL "${opts.endpointUrl}" is not a URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PostureSetupError('options', `The endpoint URL "${opts.endpointUrl}" must start with http:// or https://`);
    endpointUrl = opts.endpointUrl;
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new PostureSetupError('options', 'The timeout must be a positive number of milliseconds');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new PostureSetupError('options', 'The number of attempts must be a positive integer');
  return { regions, endpointUrl, timeoutMs, maxAttempts };
}

/** Counts results per state. */
export function summarize(regions: readonly RegionReport[]): PostureSummary {
  const s: PostureSummary = { pass: 0, warning: 0, fail: 0, notApplicable: 0, error: 0 };
  for (const r of regions) {
    for (const c of r.results) {
      if (c.state === 'not-applicable') s.notApplicable++;
      else s[c.state]++;
    }
  }
  return s;
}

function isGlobal(check: PostureCheck<DatasetKey>): boolean {
  return check.needs.every((k) => DATASETS[k].scope === 'global');
}

type Settled<T> = { ok: true; value: T } | { ok: false; call: string; error: unknown };

/** One scope's datasets (a Region's, or the global ones), each fetched at most once. */
class DatasetCache {
  private readonly cache = new Map<DatasetKey, Promise<Settled<unknown>>>();
  constructor(private readonly ctx: Omit<FetchContext, 'get'>) {}

  /** The dataset's value, or the failed call that prevented it. Rejects only on cancellation. */
  settle<K extends DatasetKey>(key: K): Promise<Settled<DatasetValues[K]>> {
    let p = this.cache.get(key);
    if (!p) {
      const ctx: FetchContext = { ...this.ctx, get: (k) => this.value(k) };
      p = DATASETS[key].fetch(ctx).then(
        (value): Settled<unknown> => ({ ok: true, value }),
        (error): Settled<unknown> => {
          if (isAbort(error)) throw error;
          if (error instanceof CallFailure) return { ok: false, call: error.call, error: error.cause };
          if (error instanceof DatasetDependencyFailure) return error.settled;
          const call = (error as { call?: unknown })?.call;
          return { ok: false, call: typeof call === 'string' ? call : DATASETS[key].calls[0], error };
        },
      );
      this.cache.set(key, p);
    }
    return p as Promise<Settled<DatasetValues[K]>>;
  }

  private async value<K extends DatasetKey>(key: K): Promise<DatasetValues[K]> {
    const s = await this.settle(key);
    if (!s.ok) throw new DatasetDependencyFailure(s);
    return s.value;
  }
}

/** A dataset that another one depends on failed; the dependant fails with the same call. */
class DatasetDependencyFailure extends Error {
  constructor(readonly settled: Settled<never>) {
    super('a dataset this one depends on failed');
  }
}

interface RunContext {
  profile?: string;
  signal: AbortSignal;
  logger?: PostureLogger;
  limiter: Limiter;
  timeoutMs: number;
  now: Date;
}

function callContext(run: RunContext, region: string, partition: Partition, clients: ServiceClients): Omit<FetchContext, 'get'> {
  return {
    region,
    partition,
    clients,
    async call<T>(name: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
      await run.limiter.acquire(run.signal);
      try {
        const out = await send(run.signal);
        const id = (out as { $metadata?: { requestId?: string } })?.$metadata?.requestId;
        run.logger?.info(`${name} ${region}: ok${id ? ` (request id ${id})` : ''}`);
        return out;
      } catch (e) {
        if (run.signal.aborted) throw abortError();
        const id = requestIdOf(e);
        const status = (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
        const name_ = (e as { name?: string })?.name ?? 'Error';
        const code = (e as { code?: string })?.code;
        run.logger?.error(`${name} ${region}: ${name_}${code && code !== name_ ? ` ${code}` : ''}${status ? ` (HTTP ${status})` : ''}${id ? ` (request id ${id})` : ''}`);
        throw new CallFailure(name, e);
      } finally {
        run.limiter.release();
      }
    },
  };
}

async function evaluate(check: PostureCheck<DatasetKey>, cache: DatasetCache, region: string, run: RunContext, ctx: CheckContext): Promise<CheckResult> {
  const base = { checkId: check.id, title: check.title, category: check.category, region };
  const settled = await Promise.all(check.needs.map((k) => cache.settle(k)));
  const failed = settled.find((s): s is Extract<Settled<unknown>, { ok: false }> => !s.ok);
  if (failed) {
    const f = classifyFailure(failed.call, failed.error, { region, profile: run.profile, timeoutMs: run.timeoutMs });
    return { ...base, state: f.state, summary: f.summary, reason: f.reason, evidence: [{ label: 'Call', value: failed.call }] };
  }
  const data = Object.fromEntries(check.needs.map((k, i) => [k, (settled[i] as { value: unknown }).value])) as Pick<DatasetValues, DatasetKey>;
  try {
    const v = check.evaluate(data, ctx);
    return { ...base, state: v.state, summary: v.summary, evidence: v.evidence, ...(v.consoleUrl ? { consoleUrl: v.consoleUrl } : {}), ...(v.remediation ? { remediation: v.remediation } : {}) };
  } catch (e) {
    // A response that is well-formed JSON but of an unexpected shape deep inside.
    return { ...base, state: 'error', summary: 'Malformed response', reason: `The responses of ${check.needs.join(', ')} could not be read (${(e as Error)?.message ?? e}).`, evidence: [] };
  }
}

/** Runs the checks with explicit dependencies; `runPosture` uses the real DNS and clock. */
export async function runPostureWith(opts: PostureOptions, deps: RunDeps): Promise<PostureReport> {
  // An internal signal: many SDK requests listen to it at once (so no listener-count warning
  // on the caller's signal), and it is aborted when the run ends to stop any leftover work.
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const outer = opts.signal;
  const forward = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', forward, { once: true });
  try {
    return await runWithSignal(opts, deps, controller.signal);
  } finally {
    outer?.removeEventListener('abort', forward);
    controller.abort();
  }
}

async function runWithSignal(opts: PostureOptions, deps: RunDeps, signal: AbortSignal): Promise<PostureReport> {
  const { regions, endpointUrl, timeoutMs, maxAttempts } = validate(opts);
  const profile = effectiveProfile(opts.profile);
  const provider: AwsCredentialIdentityProvider = opts.credentials ?? (await raceAbort(resolveCredentials(opts.profile), signal));
  const identity = await raceAbort(checkCredentials(provider, profile), signal);
  const now = deps.now();

  const handler = new NodeHttpHandler({
    connectionTimeout: Math.min(timeoutMs, 5_000),
    requestTimeout: timeoutMs,
    // Without this a request past requestTimeout only logs a warning and keeps waiting.
    throwOnRequestTimeout: true,
    httpAgent: new HttpAgent({ keepAlive: true, maxSockets: MAX_CONCURRENCY }),
    httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: MAX_CONCURRENCY }),
  });
  const run: RunContext = { profile, signal, logger: opts.logger, limiter: new Limiter(MAX_CONCURRENCY), timeoutMs, now };
  const clientConfig = (region: string) => ({
    region,
    credentials: provider,
    requestHandler: handler,
    retryMode: 'adaptive' as const,
    maxAttempts,
    ...(endpointUrl ? { endpoint: endpointUrl } : {}),
  });
  const destroyers: (() => void)[] = [];
  const clientsFor = (region: string, partition: Partition): ServiceClients => {
    let iam: IAMClient | undefined;
    const made: Partial<ServiceClients> = {};
    const lazy = <K extends keyof ServiceClients>(key: K, make: () => ServiceClients[K]) => () => {
      if (!made[key]) {
        made[key] = make();
        destroyers.push(() => made[key]!.destroy());
      }
      return made[key]!;
    };
    const getters = {
      // Bedrock: sign with SigV4 even when AWS_BEARER_TOKEN_BEDROCK is set (an API key would
      // otherwise replace the chosen profile's identity).
      bedrock: lazy('bedrock', () => new BedrockClient({ ...clientConfig(region), authSchemePreference: ['sigv4'] })),
      ec2: lazy('ec2', () => new EC2Client(clientConfig(region))),
      cloudtrail: lazy('cloudtrail', () => new CloudTrailClient(clientConfig(region))),
      logs: lazy('logs', () => new CloudWatchLogsClient(clientConfig(region))),
      cloudwatch: lazy('cloudwatch', () => new CloudWatchClient(clientConfig(region))),
      iam: () => {
        if (!iam) {
          iam = new IAMClient(clientConfig(iamRegion(partition)));
          const made = iam;
          destroyers.push(() => made.destroy());
        }
        return iam;
      },
    };
    return Object.defineProperties({} as ServiceClients, Object.fromEntries(Object.entries(getters).map(([k, get]) => [k, { get, enumerable: true }])));
  };

  const regional = CHECKS.filter((c) => !isGlobal(c));
  const global = CHECKS.filter(isGlobal);
  const partition = partitionOf(regions[0]);

  const regionReport = async (region: string): Promise<RegionReport> => {
    const ctx: CheckContext = { region, partition: partitionOf(region), now };
    const offered = await raceAbort(deps.bedrockOffered(region, endpointUrl), signal);
    if (offered === false) {
      opts.logger?.info(`${region}: Amazon Bedrock is not offered (no DNS record for ${bedrockHost(region)}); nothing called`);
      return {
        region,
        results: regional.map((c) => ({
          checkId: c.id,
          title: c.title,
          category: c.category,
          region,
          state: 'not-applicable',
          summary: `Amazon Bedrock is not offered in ${region}`,
          reason: `${bedrockHost(region)} has no DNS record.`,
          evidence: [{ label: 'Endpoint', value: `${bedrockHost(region)} (no DNS record)` }],
        })),
      };
    }
    const cache = new DatasetCache(callContext(run, region, ctx.partition, clientsFor(region, ctx.partition)));
    return { region, results: await Promise.all(regional.map((c) => evaluate(c, cache, region, run, ctx))) };
  };

  const globalReport = async (): Promise<RegionReport> => {
    const ctx: CheckContext = { region: iamRegion(partition), partition, now };
    const cache = new DatasetCache(callContext(run, iamRegion(partition), partition, clientsFor(iamRegion(partition), partition)));
    return { region: GLOBAL_REGION, results: await Promise.all(global.map((c) => evaluate(c, cache, GLOBAL_REGION, run, ctx))) };
  };

  try {
    const reports = await raceAbort(Promise.all([...regions.map(regionReport), ...(global.length ? [globalReport()] : [])]), signal);
    return {
      ...(profile ? { profile } : {}),
      ...(identity.accountId ? { accountId: identity.accountId } : {}),
      generatedAt: now.toISOString(),
      regions: reports,
      summary: summarize(reports),
    };
  } finally {
    for (const destroy of destroyers) destroy();
    handler.destroy();
  }
}

/**
 * Runs every posture check in `opts.regions` (plus the global IAM checks once) and returns the
 * report. Rejects only with a `PostureSetupError` (no credentials, expired SSO session, unknown
 * profile, bad options) or an AbortError (cancelled); every other failure is a result.
 */
export function runPosture(opts: PostureOptions): Promise<PostureReport> {
  return runPostureWith(opts, DEFAULT_DEPS);
}
