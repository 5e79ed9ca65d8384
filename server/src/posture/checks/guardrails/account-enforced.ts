// guardrails/account-enforced: an account-level enforced guardrail configuration applies a
// guardrail to every model invocation in the Region, whatever the caller passes
// (Amazon Bedrock API Reference, PutEnforcedGuardrailConfiguration). Only a warning when missing:
// IAM or SCP conditions on bedrock:GuardrailIdentifier may enforce a guardrail instead, and
// those are not visible from here.
import { defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { capped } from '../evidence';
import { guardrailsConsole } from './coverage';

export default defineCheck({
  id: 'guardrails/account-enforced',
  title: 'Account-enforced guardrail configuration',
  category: 'Guardrails',
  needs: ['enforcedGuardrails'],
  evaluate({ enforcedGuardrails }, ctx) {
    const consoleUrl = guardrailsConsole(ctx);
    const configs = enforcedGuardrails.filter((c) => c && (c.guardrailArn || c.guardrailId));
    if (configs.length === 0) {
      return {
        state: 'warning',
        summary: 'No account-enforced guardrail',
        evidence: [{ label: 'Note', value: 'IAM or SCP conditions on bedrock:GuardrailIdentifier are not visible to this check' }],
        consoleUrl,
        remediation: {
          title: 'Enforce a guardrail version for every invocation in the Region',
          cliCommand: `aws bedrock put-enforced-guardrail-configuration --region ${ctx.region} --guardrail-inference-config '{"guardrailIdentifier":"<guardrail-arn>","guardrailVersion":"1"}'`,
          docsUrl: DOCS.enforcedGuardrail,
        },
      };
    }
    const label = (c: (typeof configs)[number]) => `${c.guardrailId ?? c.guardrailArn} version ${c.guardrailVersion ?? '?'}`;
    return {
      state: 'pass',
      summary: configs.length === 1 ? `Enforced: ${label(configs[0])}` : `${configs.length} enforced guardrail configurations`,
      evidence: capped(configs.map((c) => ({ label: `Configuration ${c.configId ?? '?'}`, value: `${c.guardrailArn ?? c.guardrailId} version ${c.guardrailVersion ?? '?'}${c.owner ? ` (owner ${c.owner})` : ''}` }))),
      consoleUrl,
    };
  },
});
