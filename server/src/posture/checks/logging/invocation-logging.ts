// logging/invocation-logging: model invocation logging is on, with a destination. It is off by
// default; without it there is no record of prompts and responses (Amazon Bedrock User Guide,
// "Monitor model invocation using CloudWatch Logs and Amazon S3").
import { defineCheck } from '../../check';
import { consoleUrl } from '../../aws-links';
import { loggingDestinations, loggingEvidence, loggingRemediation } from './shared';

export default defineCheck({
  id: 'logging/invocation-logging',
  title: 'Model invocation logging on',
  category: 'Logging',
  needs: ['invocationLogging'],
  evaluate({ invocationLogging }, ctx) {
    const url = consoleUrl(ctx.region, ctx.partition, 'bedrock/home', '#/settings');
    const destinations = loggingDestinations(invocationLogging);
    if (!invocationLogging) return { state: 'fail', summary: 'Model invocation logging is off', evidence: [], consoleUrl: url, remediation: loggingRemediation(ctx.region) };
    if (destinations.length === 0) {
      return { state: 'fail', summary: 'Logging configured without a destination', evidence: loggingEvidence(invocationLogging), consoleUrl: url, remediation: loggingRemediation(ctx.region) };
    }
    return { state: 'pass', summary: `On: ${destinations.join(' and ')}`, evidence: loggingEvidence(invocationLogging), consoleUrl: url };
  },
});
