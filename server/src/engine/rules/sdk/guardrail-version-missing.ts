// sdk/guardrail-version-missing: a runtime call that names a guardrail identifier but no
// guardrail version; Bedrock rejects the request at run time (a ValidationException).
import { addProperties, GUARDRAIL_VERSION_VARIABLE, guardrailVersionValue } from '../../code/edits';
import { callData, callGuardrail, callOf, operationName } from '../../code/runtime-calls';
import { prop } from '../../code/values';
import { defineCodeRule } from '../rule';

/** The guardrail of a call that has an identifier and, as far as can be known, no version. */
function versionless(g: ReturnType<typeof callGuardrail>) {
  if (!g?.holder || !g.identifier || g.holder.open || prop(g.holder, 'guardrailVersion')) return undefined;
  return g;
}

export default defineCodeRule({
  meta: {
    id: 'sdk/guardrail-version-missing',
    target: 'code',
    severity: 'error',
    description: 'A runtime call names a guardrail identifier without a guardrail version, which Bedrock rejects.',
    fixable: true,
    docs: {
      rationale: [
        'A guardrail is applied as one of its versions: `guardrailIdentifier` and `guardrailVersion` go together. For `InvokeModel` and `InvokeModelWithResponseStream` the API rejects a request that has the identifier without the version (`ValidationException`), so the call fails in production, typically only once the guardrail is switched on. For `Converse` and `ConverseStream`, `guardrailConfig` requires both fields; JavaScript code (or a cast) can still send it without the version and fail the same way.',
        '',
        'Use a numbered version (`"1"`) in production: it is immutable, so the filtering that was reviewed is the filtering that runs. `DRAFT` changes whenever someone edits the guardrail (sdk/draft-guardrail-version).',
      ].join('\n'),
      bad: "import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew InvokeModelCommand({\n  modelId: 'amazon.nova-lite-v1:0',\n  body: JSON.stringify(request),\n  guardrailIdentifier: 'abc123def456',\n});",
      good: "import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew InvokeModelCommand({\n  modelId: 'amazon.nova-lite-v1:0',\n  body: JSON.stringify(request),\n  guardrailIdentifier: 'abc123def456',\n  guardrailVersion: '1',\n});",
      fix: 'Adds `guardrailVersion` next to `guardrailIdentifier`: the `bedrockSecurity.guardrailVersion` setting (or `guardrailVersion` of `.bedrock-security.json`), else `process.env.BEDROCK_GUARDRAIL_VERSION`. Offered when the object is written in the same file.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GuardrailConfiguration.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-versions.html',
      ],
    },
  },
  check(ctx) {
    for (const call of ctx.code.calls) {
      const g = versionless(callGuardrail(call));
      if (!g) continue;
      const where = g.style === 'config' ? 'guardrailConfig has guardrailIdentifier' : 'the input has guardrailIdentifier';
      ctx.report(g.identifier!.keySpan, `${operationName(call.command)}: ${where} but no guardrailVersion; Bedrock rejects the request. Add the version to apply (a number such as "1").`, callData(call));
    }
  },
  fixes(ctx, finding) {
    const call = callOf(ctx.code, finding.data);
    const g = call && versionless(callGuardrail(call));
    if (!g) return [];
    const edit = addProperties(ctx.editor, g.holder!, { guardrailVersion: guardrailVersionValue(ctx.settings) });
    if (!edit) return [];
    const from = ctx.settings.guardrailVersion ? `the configured version "${ctx.settings.guardrailVersion}"` : GUARDRAIL_VERSION_VARIABLE;
    return [{ title: `Add guardrailVersion (${from})`, edits: [edit], isPreferred: true }];
  },
});
