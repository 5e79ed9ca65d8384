// logging/text-delivery: invocation logging delivers text (prompts and responses). Without it
// the logs hold metadata only, which is not enough to investigate misuse.
import { defineCheck } from '../../check';
import { consoleUrl } from '../../aws-links';
import { loggingEvidence, loggingRemediation } from './shared';

export default defineCheck({
  id: 'logging/text-delivery',
  title: 'Invocation logging delivers text',
  category: 'Logging',
  needs: ['invocationLogging'],
  evaluate({ invocationLogging }, ctx) {
    const url = consoleUrl(ctx.region, ctx.partition, 'bedrock/home', '#/settings');
    if (!invocationLogging) return { state: 'not-applicable', summary: 'Model invocation logging is off', evidence: [], consoleUrl: url };
    if (invocationLogging.textDataDeliveryEnabled === true) return { state: 'pass', summary: 'Text delivery on', evidence: loggingEvidence(invocationLogging), consoleUrl: url };
    return { state: 'fail', summary: 'Text delivery off: prompts and responses are not logged', evidence: loggingEvidence(invocationLogging), consoleUrl: url, remediation: loggingRemediation(ctx.region) };
  },
});
