// guardrails/sensitive-information: every guardrail has sensitive-information (PII or regex)
// filters that act (BLOCK or ANONYMIZE), so personal data is not passed to or returned by models.
import type { GuardrailPiiEntity, GuardrailRegex } from '@aws-sdk/client-bedrock';
import { defineCheck, plural } from '../../check';
import { DOCS } from '../../aws-links';
import { names } from '../evidence';
import { guardrailCoverage } from './coverage';

/** A filter acts unless both directions are disabled or set to NONE (detect only). */
function acts(f: GuardrailPiiEntity | GuardrailRegex): boolean {
  const input = f.inputEnabled !== false && (f.inputAction ?? f.action) !== 'NONE';
  const output = f.outputEnabled !== false && (f.outputAction ?? f.action) !== 'NONE';
  return input || output;
}

export default defineCheck({
  id: 'guardrails/sensitive-information',
  title: 'Sensitive-information (PII) filters',
  category: 'Guardrails',
  needs: ['guardrails'],
  evaluate({ guardrails }, ctx) {
    return guardrailCoverage(
      guardrails,
      ctx,
      'Sensitive-information filters',
      (g) => {
        const pii = (g.sensitiveInformationPolicy?.piiEntities ?? []).filter((e) => e && acts(e));
        const regexes = (g.sensitiveInformationPolicy?.regexes ?? []).filter((r) => r && acts(r));
        if (pii.length === 0 && regexes.length === 0) return { ok: false, value: 'No sensitive-information filters' };
        const parts = [];
        if (pii.length) parts.push(`${plural(pii.length, 'PII type')} (${names(pii.map((e) => String(e.type)))})`);
        if (regexes.length) parts.push(plural(regexes.length, 'regex', 'regexes'));
        return { ok: true, value: parts.join(', ') };
      },
      {
        title: 'Add sensitive-information filters (PII types or regexes) to each guardrail',
        snippet: JSON.stringify(
          { sensitiveInformationPolicyConfig: { piiEntitiesConfig: [{ type: 'EMAIL', action: 'ANONYMIZE' }, { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' }, { type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'BLOCK' }] } },
          null,
          2,
        ),
        docsUrl: DOCS.sensitiveInformation,
      },
    );
  },
});
