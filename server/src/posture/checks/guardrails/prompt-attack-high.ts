// guardrails/prompt-attack-high: every guardrail's prompt-attack filter blocks input at HIGH
// strength. Lower strengths let more jailbreaks and prompt injections through; an input action
// of NONE only detects (Amazon Bedrock User Guide, "Detect prompt attacks").
import { defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { guardrailCoverage } from './coverage';

export default defineCheck({
  id: 'guardrails/prompt-attack-high',
  title: 'Prompt-attack filter at HIGH',
  category: 'Guardrails',
  needs: ['guardrails'],
  evaluate({ guardrails }, ctx) {
    return guardrailCoverage(
      guardrails,
      ctx,
      'Prompt-attack filter at HIGH',
      (g) => {
        const filter = (g.contentPolicy?.filters ?? []).find((f) => f?.type === 'PROMPT_ATTACK');
        if (!filter) return { ok: false, value: 'No prompt-attack filter' };
        const strength = filter.inputStrength ?? 'NONE';
        const disabled = filter.inputEnabled === false;
        const detectOnly = filter.inputAction === 'NONE';
        const notes = [`input strength ${strength}`, ...(disabled ? ['input disabled'] : []), ...(detectOnly ? ['detect only (input action NONE)'] : [])];
        return { ok: strength === 'HIGH' && !disabled && !detectOnly, value: notes.join(', ') };
      },
      {
        title: 'Set the prompt-attack filter of each guardrail to HIGH for input',
        snippet: JSON.stringify({ contentPolicyConfig: { filtersConfig: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' }] } }, null, 2),
        docsUrl: DOCS.promptAttack,
      },
    );
  },
});
