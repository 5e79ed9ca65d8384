// logging/destinations: the invocation log destinations are complete. A CloudWatch Logs
// destination needs a delivery role, and large payloads and binary data are dropped from
// CloudWatch Logs unless a large-data S3 bucket is set (Amazon Bedrock API Reference,
// CloudWatchConfig.largeDataDeliveryS3Config).
import { defineCheck } from '../../check';
import { consoleUrl } from '../../aws-links';
import { loggingEvidence, loggingRemediation } from './shared';

export default defineCheck({
  id: 'logging/destinations',
  title: 'Invocation log destinations set',
  category: 'Logging',
  needs: ['invocationLogging'],
  evaluate({ invocationLogging: config }, ctx) {
    const url = consoleUrl(ctx.region, ctx.partition, 'bedrock/home', '#/settings');
    if (!config) return { state: 'not-applicable', summary: 'Model invocation logging is off', evidence: [], consoleUrl: url };
    const evidence = loggingEvidence(config);
    const cw = config.cloudWatchConfig?.logGroupName ? config.cloudWatchConfig : undefined;
    const s3 = config.s3Config?.bucketName ? config.s3Config : undefined;
    if (!cw && !s3) return { state: 'fail', summary: 'No destination', evidence, consoleUrl: url, remediation: loggingRemediation(ctx.region) };
    if (cw && !cw.roleArn) return { state: 'fail', summary: 'CloudWatch Logs destination without a delivery role', evidence, consoleUrl: url, remediation: loggingRemediation(ctx.region) };
    if (cw && !cw.largeDataDeliveryS3Config?.bucketName && !s3) {
      return { state: 'warning', summary: 'CloudWatch Logs without an S3 bucket for large data', evidence, consoleUrl: url, remediation: loggingRemediation(ctx.region) };
    }
    const parts = [...(cw ? [`CloudWatch Logs ${cw.logGroupName}`] : []), ...(s3 ? [`S3 ${s3.bucketName}`] : [])];
    return { state: 'pass', summary: parts.join(', '), evidence, consoleUrl: url };
  },
});
