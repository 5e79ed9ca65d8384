// The models of an AWS account that the policy wizard offers: on-demand text foundation models
// (ListFoundationModels) and system-defined cross-Region inference profiles
// (ListInferenceProfiles), read-only, with short timeouts and no retries, so that a wizard waits
// seconds at most. Bundled apart from the extension (dist/models.js) and loaded on first use, so
// that the AWS SDK never slows activation. No `vscode` import.
//
// APIs: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html and
// API_ListInferenceProfiles.html; IAM: bedrock:ListFoundationModels, bedrock:ListInferenceProfiles.
import { BedrockClient, ListFoundationModelsCommand, ListInferenceProfilesCommand, type InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

/** A model the wizard can offer. */
export interface AccountModel {
  /** What goes into the policy: a foundation model id or an inference profile id. */
  id: string;
  kind: 'foundation-model' | 'inference-profile';
  /** A readable name ("Claude 3 Haiku", "US Anthropic Claude Sonnet 4.5"). */
  name: string;
  /** Provider, or the Regions a profile routes to. */
  detail: string;
  /** The account of an inference profile's ARN. */
  account?: string;
}

export interface ListModelsOptions {
  region: string;
  /** A named profile of the shared AWS files; the SDK's default chain when absent. */
  profile?: string;
  /** For tests: a local endpoint and fixed credentials. */
  endpoint?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Stops the calls (the wizard's Cancel). */
  signal?: AbortSignal;
  /** Per-request timeout; 10 s by default. */
  timeoutMs?: number;
}

/** Pages of ListInferenceProfiles read at most (1,000 profiles each). */
const MAX_PAGES = 5;

/**
 * Lists the on-demand text models and the active system-defined inference profiles of a Region.
 * Throws the SDK's error (no credentials, AccessDeniedException, a timeout) for the wizard to show.
 */
export async function listAccountModels(o: ListModelsOptions): Promise<AccountModel[]> {
  const client = new BedrockClient({
    region: o.region,
    endpoint: o.endpoint,
    credentials: o.credentials ?? fromNodeProviderChain(o.profile ? { profile: o.profile } : {}),
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 3000, requestTimeout: o.timeoutMs ?? 10_000, throwOnRequestTimeout: true }),
  });
  try {
    const opts = { abortSignal: o.signal };
    const fm = await client.send(new ListFoundationModelsCommand({ byInferenceType: 'ON_DEMAND', byOutputModality: 'TEXT' }), opts);
    const profiles: InferenceProfileSummary[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await client.send(new ListInferenceProfilesCommand({ typeEquals: 'SYSTEM_DEFINED', maxResults: 1000, nextToken }), opts);
      profiles.push(...(r.inferenceProfileSummaries ?? []));
      nextToken = r.nextToken;
      if (!nextToken) break;
    }
    return accountModels(fm.modelSummaries ?? [], profiles);
  } finally {
    client.destroy();
  }
}

/** The offered models from the API answers: active ones only, profiles first, each group by name. */
export function accountModels(
  models: readonly { modelId?: string; modelName?: string; providerName?: string; modelLifecycle?: { status?: string } }[],
  profiles: readonly InferenceProfileSummary[],
): AccountModel[] {
  const out: AccountModel[] = [];
  for (const p of profiles) {
    if (!p.inferenceProfileId || (p.status && p.status !== 'ACTIVE')) continue;
    const regions = [...new Set((p.models ?? []).map((m) => m.modelArn?.split(':')[3]).filter((r): r is string => !!r))];
    const account = /^arn:[^:]+:bedrock:[^:]*:(\d{12}):/.exec(p.inferenceProfileArn ?? '')?.[1];
    out.push({ id: p.inferenceProfileId, kind: 'inference-profile', name: p.inferenceProfileName ?? p.inferenceProfileId, detail: regions.length ? `routes to ${regions.join(', ')}` : 'inference profile', account });
  }
  const fms: AccountModel[] = [];
  for (const m of models) {
    if (!m.modelId || (m.modelLifecycle?.status && m.modelLifecycle.status !== 'ACTIVE')) continue;
    fms.push({ id: m.modelId, kind: 'foundation-model', name: m.modelName ?? m.modelId, detail: m.providerName ?? '' });
  }
  const byName = (a: AccountModel, b: AccountModel) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...out.sort(byName), ...fms.sort(byName)];
}
