// guardrails/customer-kms-key: guardrails are encrypted with a customer managed KMS key (the
// default is an AWS owned key, which the account cannot audit or revoke).
import { defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { guardrailCoverage } from './coverage';

export default defineCheck({
  id: 'guardrails/customer-kms-key',
  title: 'Guardrails encrypted with a customer managed KMS key',
  category: 'Guardrails',
  needs: ['guardrails'],
  evaluate({ guardrails }, ctx) {
    return guardrailCoverage(
      guardrails,
      ctx,
      'Customer managed KMS key',
      (g) => (typeof g.kmsKeyArn === 'string' && g.kmsKeyArn !== '' ? { ok: true, value: g.kmsKeyArn } : { ok: false, value: 'AWS owned key' }),
      {
        title: 'Encrypt guardrails with a customer managed KMS key (--kms-key-id when creating or updating the guardrail)',
        docsUrl: DOCS.guardrailKms,
      },
    );
  },
});
