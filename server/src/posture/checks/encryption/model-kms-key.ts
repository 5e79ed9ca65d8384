// encryption/model-kms-key: custom (fine-tuned, distilled, …) and imported models are encrypted
// with a customer managed KMS key (modelKmsKeyArn of GetCustomModel / GetImportedModel), so the
// account controls and audits access to the weights trained on its data. Any model without one
// fails.
import { coverage, defineCheck } from '../../check';
import { consoleUrl, DOCS } from '../../aws-links';
import { capped } from '../evidence';

export default defineCheck({
  id: 'encryption/model-kms-key',
  title: 'Custom and imported models use a customer managed KMS key',
  category: 'Encryption',
  needs: ['models'],
  evaluate({ models }, ctx) {
    const all = [...models.custom.map((m) => ({ kind: 'custom', m })), ...models.imported.map((m) => ({ kind: 'imported', m }))].filter((x) => x.m);
    const url = consoleUrl(ctx.region, ctx.partition, 'bedrock/home', '#/custom-models');
    if (all.length === 0) return { state: 'not-applicable', summary: 'No custom or imported models', evidence: [], consoleUrl: url };
    const key = (x: (typeof all)[number]) => (typeof x.m.modelKmsKeyArn === 'string' && x.m.modelKmsKeyArn !== '' ? x.m.modelKmsKeyArn : undefined);
    const ok = all.filter((x) => key(x)).length;
    // Every model counts: one without a customer managed key is a fail, not a partial pass.
    const verdict = { ...coverage('Customer managed KMS key', ok, all.length, 'model'), state: ok === all.length ? ('pass' as const) : ('fail' as const) };
    const evidence = capped(all.map((x) => ({ label: `${x.m.modelName ?? 'model'} (${x.kind}, ${x.m.modelArn ?? 'no ARN'})`, value: key(x) ?? 'AWS owned key' })));
    if (models.truncated) evidence.push({ label: 'Not inspected', value: 'more models than the first 100 of each list' });
    return {
      ...verdict,
      evidence,
      consoleUrl: url,
      remediation:
        verdict.state === 'pass'
          ? undefined
          : {
              title: 'Re-create the models with a customer managed KMS key (copy custom models; re-import imported models with --imported-model-kms-key-id)',
              cliCommand: `aws bedrock create-model-copy --region ${ctx.region} --source-model-arn <model-arn> --target-model-name <model-name>-cmk --model-kms-key-id <kms-key-arn>`,
              docsUrl: DOCS.modelEncryption,
            },
    };
  },
});
