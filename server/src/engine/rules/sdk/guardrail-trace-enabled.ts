// sdk/guardrail-trace-enabled: a runtime call that asks for the guardrail trace, which returns
// the guardrail's assessment (what was filtered and why) with every response.
import { replaceLiteral } from '../../code/edits';
import { callData, callGuardrail, callOf, operationName, type GuardrailStyle } from '../../code/runtime-calls';
import { prop, type StringValue } from '../../code/values';
import type { RuntimeCall } from '../../code/model';
import { defineCodeRule } from '../rule';

/**
 * Trace values that turn the trace on: Converse* take `enabled`/`enabled_full`, InvokeModel*
 * `ENABLED`/`ENABLED_FULL` (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GuardrailConfiguration.html,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html).
 */
const ON: Record<GuardrailStyle, readonly string[]> = { config: ['enabled', 'enabled_full'], fields: ['ENABLED', 'ENABLED_FULL'] };
const OFF: Record<GuardrailStyle, string> = { config: 'disabled', fields: 'DISABLED' };

function traceOn(call: RuntimeCall): { value: StringValue; style: GuardrailStyle } | undefined {
  const g = callGuardrail(call);
  const v = g?.holder && prop(g.holder, 'trace')?.value;
  return g && v?.kind === 'string' && v.complete && ON[g.style].includes(v.value) ? { value: v, style: g.style } : undefined;
}

export default defineCodeRule({
  meta: {
    id: 'sdk/guardrail-trace-enabled',
    target: 'code',
    severity: 'hint',
    description: 'A runtime call turns on the guardrail trace, which returns the guardrail assessment with every response.',
    fixable: true,
    docs: {
      rationale: [
        'With the trace on, every response carries the guardrail\'s assessment: which filters matched, with what confidence, which words, topics and personal data were found, and (with `enabled_full`) the assessment of content that was not blocked. That is useful while tuning a guardrail; in production it hands a caller a map of the filters to get around, and copies personal data the guardrail detected into responses and logs.',
        '',
        'A hint: turn the trace off (or leave it out: off is the default) unless the responses stay inside a trusted back end.',
      ].join('\n'),
      bad: "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseCommand({\n  modelId,\n  messages,\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '1', trace: 'enabled' },\n});",
      good: "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseCommand({\n  modelId,\n  messages,\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '1' },\n});",
      fix: 'Sets the trace to `disabled` (`DISABLED` for InvokeModel and InvokeModelWithResponseStream) where the value is written; not preferred, since the trace may be wanted in development.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-converse-api.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GuardrailConfiguration.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html',
      ],
    },
  },
  check(ctx) {
    // A constant shared by several calls is reported once, where it is used first.
    const seen = new Set<string>();
    for (const call of ctx.code.calls) {
      const t = traceOn(call);
      if (!t || seen.has(`${t.value.span.start}:${t.value.span.end}`)) continue;
      seen.add(`${t.value.span.start}:${t.value.span.end}`);
      ctx.report(t.value.span, `${operationName(call.command)} returns the guardrail trace ("${t.value.value}") with every response: the filters' findings reach the caller.`, callData(call));
    }
  },
  fixes(ctx, finding) {
    const call = callOf(ctx.code, finding.data);
    const t = call && traceOn(call);
    const edit = t && replaceLiteral(ctx.editor, t.value, OFF[t.style]);
    return edit ? [{ title: `Set the trace to "${OFF[t.style]}"`, edits: [edit] }] : [];
  },
});
