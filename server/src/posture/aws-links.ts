// Partitions, AWS console links and AWS documentation links used by the posture checks. Console
// hosts per partition: console.aws.amazon.com, console.amazonaws.cn, console.amazonaws-us-gov.com.
import type { Partition } from './check';

/** The partition a Region belongs to (`cn-*`: aws-cn, `us-gov-*`: aws-us-gov, else aws). */
export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The Region that signs calls to IAM's global endpoint in a partition. */
export function iamRegion(partition: Partition): string {
  if (partition === 'aws-cn') return 'cn-north-1';
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  return 'us-east-1';
}

function consoleHost(partition: Partition): string {
  if (partition === 'aws-cn') return 'console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'console.amazonaws-us-gov.com';
  return 'console.aws.amazon.com';
}

/** A Region's console page, e.g. `consoleUrl('us-east-1', 'aws', 'bedrock/home', '#/guardrails')`. */
export function consoleUrl(region: string, partition: Partition, path: string, fragment = ''): string {
  const host = partition === 'aws' ? `${region}.${consoleHost(partition)}` : consoleHost(partition);
  return `https://${host}/${path}?region=${region}${fragment}`;
}

/** The IAM console (global). */
export function iamConsoleUrl(partition: Partition, fragment: string): string {
  return `https://${consoleHost(partition)}/iam/home${fragment}`;
}

/** AWS documentation pages the remediations point to. */
export const DOCS = {
  guardrails: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html',
  promptAttack: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-prompt-attack.html',
  sensitiveInformation: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-sensitive-filters.html',
  contextualGrounding: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-contextual-grounding-check.html',
  guardrailKms: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html',
  enforcedGuardrail: 'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutEnforcedGuardrailConfiguration.html',
  invocationLogging: 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
  logGroupKms: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  trailValidation: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
  trailDataEvents: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html',
  bedrockCloudTrail: 'https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html',
  vpcEndpoints: 'https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html',
  modelEncryption: 'https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html',
  monitoring: 'https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring.html',
  managedPolicies: 'https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam-awsmanpol.html',
  apiKeys: 'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
} as const;
