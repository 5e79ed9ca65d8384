// sdk/guardrail-with-tools: a Converse/ConverseStream call with a guardrail and a toolConfig:
// the guardrail does not evaluate tool specifications, tool-use inputs or tool results.
import { callData, callGuardrail, operationName } from '../../code/runtime-calls';
import { prop } from '../../code/values';
import { defineCodeRule } from '../rule';

export default defineCodeRule({
  meta: {
    id: 'sdk/guardrail-with-tools',
    target: 'code',
    severity: 'information',
    description: 'A Converse call with a guardrail also uses tools: tool specs, tool inputs and tool results are not evaluated by the guardrail.',
    fixable: false,
    docs: {
      rationale: [
        'With the Converse API, a guardrail evaluates the messages and the model\'s text output, not the tool traffic: the tool specifications in `toolConfig`, the `toolUse` inputs the model generates, and the `toolResult` content your code sends back. Content that enters through a tool result (a web page, a document, a database row) reaches the model unfiltered, which is where indirect prompt injection comes from; and tool inputs the model writes are not checked before your code acts on them.',
        '',
        'Validate tool inputs before executing them, check tool results yourself (for example with `ApplyGuardrail` on the result text, or guard content blocks with `guardContent`), and give tools the least privilege they need.',
      ].join('\n'),
      bad: "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseCommand({\n  modelId,\n  messages,\n  toolConfig: { tools: [searchTool] },\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '1' },\n});",
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-converse-api.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/tool-use.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ApplyGuardrail.html',
      ],
    },
  },
  check(ctx) {
    for (const call of ctx.code.calls) {
      const g = callGuardrail(call);
      if (g?.style !== 'config' || !g.input || !g.config) continue;
      const tools = prop(g.input, 'toolConfig');
      if (!tools) continue;
      ctx.report(tools.keySpan, `${operationName(call.command)} uses tools with a guardrail, but the guardrail does not evaluate tool specs, tool inputs or tool results: validate them in code.`, callData(call));
    }
  },
});
