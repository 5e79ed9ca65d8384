// guardrails/exists: the Region has at least one guardrail that is ready to use. Without one,
// nothing filters prompts or responses (Amazon Bedrock User Guide, "Guardrails").
import { defineCheck, plural } from '../../check';
import { DOCS } from '../../aws-links';
import { capped } from '../evidence';
import { guardrailsConsole } from './coverage';

export default defineCheck({
  id: 'guardrails/exists',
  title: 'At least one guardrail exists',
  category: 'Guardrails',
  needs: ['guardrailList'],
  evaluate({ guardrailList }, ctx) {
    const all = guardrailList;
    const ready = all.filter((g) => g?.status === 'READY');
    const evidence = capped(all.map((g) => ({ label: g?.name ?? g?.id ?? 'guardrail', value: `${g?.arn ?? g?.id ?? 'no ARN'} (${g?.status ?? 'no status'})` })));
    const consoleUrl = guardrailsConsole(ctx);
    if (ready.length > 0) {
      const notReady = all.length - ready.length;
      return { state: 'pass', summary: `${plural(ready.length, 'guardrail')} ready${notReady ? `, ${notReady} not ready` : ''}`, evidence, consoleUrl };
    }
    return {
      state: 'fail',
      summary: all.length === 0 ? 'No guardrails' : `No ready guardrail (${all.length} not ready)`,
      evidence,
      consoleUrl,
      remediation: {
        title: 'Create a guardrail that blocks prompt attacks',
        cliCommand:
          `aws bedrock create-guardrail --region ${ctx.region} --name baseline` +
          ` --blocked-input-messaging "Sorry, I can't help with that." --blocked-outputs-messaging "Sorry, I can't help with that."` +
          ` --content-policy-config '{"filtersConfig":[{"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"}]}'`,
        docsUrl: DOCS.guardrails,
      },
    };
  },
});
