// sdk/missing-guardrail: a Converse, ConverseStream, InvokeModel or InvokeModelWithResponseStream
// call (command object or aggregated-client method) whose input names no guardrail.
import { addProperties, guardrailIdentifierValue, guardrailSource, guardrailVersionValue } from '../../code/edits';
import { callData, callGuardrail, callOf, operationName } from '../../code/runtime-calls';
import { defineCodeRule } from '../rule';

export default defineCodeRule({
  meta: {
    id: 'sdk/missing-guardrail',
    target: 'code',
    severity: 'warning',
    description: 'A Converse/ConverseStream/InvokeModel/InvokeModelWithResponseStream call without a guardrail (guardrailConfig, or guardrailIdentifier and guardrailVersion).',
    fixable: true,
    docs: {
      rationale: [
        'A guardrail filters what goes into a model and what comes out of it: harmful content, denied topics, prompt attacks, personal data. Amazon Bedrock applies a guardrail to an inference call only when the call names one — `guardrailConfig` for `Converse` and `ConverseStream`, `guardrailIdentifier` and `guardrailVersion` for `InvokeModel` and `InvokeModelWithResponseStream` — unless the account or organization enforces one. A call without it sends the prompt to the model unfiltered.',
        '',
        'The rule follows the input to the call: an object literal, a `const` bound to one, spreads and shorthand properties, and a helper function (in the file, or exported by a module the file imports relatively) whose result is an object literal. Calls through `new ConverseCommand(input)` and through the aggregated client (`new BedrockRuntime({}).converse({...})`) are found whatever the import style (named, renamed, namespace, `require`). A guardrail key that is present passes, even when its value is computed or it sits in a conditional spread; an input that cannot be resolved is not reported. Pair this rule with an IAM or SCP condition on `bedrock:GuardrailIdentifier` (bedrock/guardrail-not-enforced) so that a call without a guardrail is also denied.',
      ].join('\n'),
      bad: "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });\nawait client.send(new ConverseCommand({\n  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',\n  messages: [{ role: 'user', content: [{ text: prompt }] }],\n}));",
      good: "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });\nawait client.send(new ConverseCommand({\n  modelId: 'anthropic.claude-3-haiku-20240307-v1:0',\n  messages: [{ role: 'user', content: [{ text: prompt }] }],\n  guardrailConfig: {\n    guardrailIdentifier: process.env.BEDROCK_GUARDRAIL_ID,\n    guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION,\n  },\n}));",
      fix: 'Adds `guardrailConfig: { guardrailIdentifier, guardrailVersion }` (Converse, ConverseStream) or `guardrailIdentifier` and `guardrailVersion` (InvokeModel, InvokeModelWithResponseStream) to the input object. The values are the `bedrockSecurity.guardrailArn` and `bedrockSecurity.guardrailVersion` settings (or `guardrailArn`/`guardrailVersion` of `.bedrock-security.json`); without them, `process.env.BEDROCK_GUARDRAIL_ID` and `process.env.BEDROCK_GUARDRAIL_VERSION`. The fix is offered only when the input is an object literal in the same file (also the one a local helper returns).',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-converse-api.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-invoke-model.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html',
      ],
    },
  },
  check(ctx) {
    for (const call of ctx.code.calls) {
      const g = callGuardrail(call);
      // No input, or one whose properties cannot all be known: nothing to say.
      if (!g?.input || g.input.open) continue;
      if (g.style === 'config' ? g.config : g.identifier) continue;
      const where = g.style === 'config' ? 'guardrailConfig' : 'guardrailIdentifier and guardrailVersion';
      ctx.report(call.span, `${operationName(call.command)} without a guardrail: prompts and responses are not filtered. Add ${where}.`, callData(call));
    }
  },
  fixes(ctx, finding) {
    const call = callOf(ctx.code, finding.data);
    const g = call && callGuardrail(call);
    if (!g?.input || g.input.open || (g.style === 'config' ? g.config : g.identifier)) return [];
    const id = guardrailIdentifierValue(ctx.settings);
    const version = guardrailVersionValue(ctx.settings);
    const props = g.style === 'config' ? { guardrailConfig: { guardrailIdentifier: id, guardrailVersion: version } } : { guardrailIdentifier: id, guardrailVersion: version };
    const edit = addProperties(ctx.editor, g.input, props);
    if (!edit) return [];
    const what = g.style === 'config' ? 'guardrailConfig' : 'guardrailIdentifier and guardrailVersion';
    return [{ title: `Add ${what} (${guardrailSource(ctx.settings)})`, edits: [edit], isPreferred: true }];
  },
});
