// Shared by the logging checks: what the invocation logging configuration says, as evidence,
// and the AWS CLI command that turns logging on.
import type { LoggingConfig } from '@aws-sdk/client-bedrock';
import { DOCS } from '../../aws-links';
import type { Evidence, Remediation } from '../../types';

/** The destinations a logging configuration names ("CloudWatch Logs", "S3"). */
export function loggingDestinations(config: LoggingConfig | undefined): string[] {
  const out: string[] = [];
  if (config?.cloudWatchConfig?.logGroupName) out.push('CloudWatch Logs');
  if (config?.s3Config?.bucketName) out.push('S3');
  return out;
}

/** The settings of a logging configuration that the checks look at. */
export function loggingEvidence(config: LoggingConfig): Evidence[] {
  const out: Evidence[] = [];
  const cw = config.cloudWatchConfig;
  if (cw?.logGroupName) out.push({ label: 'CloudWatch log group', value: cw.logGroupName });
  if (cw?.logGroupName) out.push({ label: 'Delivery role', value: cw.roleArn || 'none' });
  if (cw?.largeDataDeliveryS3Config?.bucketName) out.push({ label: 'Large data bucket', value: s3Location(cw.largeDataDeliveryS3Config) });
  if (config.s3Config?.bucketName) out.push({ label: 'S3 bucket', value: s3Location(config.s3Config) });
  out.push({ label: 'Text data delivery', value: config.textDataDeliveryEnabled === true ? 'on' : 'off' });
  return out;
}

function s3Location(s3: { bucketName?: string; keyPrefix?: string }): string {
  return `s3://${s3.bucketName}/${s3.keyPrefix ?? ''}`;
}

/** Turning logging on to CloudWatch Logs with large data in S3 (placeholders in angle brackets). */
export function loggingRemediation(region: string): Remediation {
  const config = {
    cloudWatchConfig: {
      logGroupName: '/aws/bedrock/model-invocations',
      roleArn: 'arn:aws:iam::<account-id>:role/<bedrock-logging-role>',
      largeDataDeliveryS3Config: { bucketName: '<log-bucket>', keyPrefix: 'bedrock/large-data/' },
    },
    textDataDeliveryEnabled: true,
  };
  return {
    title: 'Turn on model invocation logging with text delivery to CloudWatch Logs (large data to S3)',
    cliCommand: `aws bedrock put-model-invocation-logging-configuration --region ${region} --logging-config '${JSON.stringify(config)}'`,
    docsUrl: DOCS.invocationLogging,
  };
}
