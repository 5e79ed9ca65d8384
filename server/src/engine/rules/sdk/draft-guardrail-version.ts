// sdk/draft-guardrail-version: a runtime call that applies the DRAFT version of a guardrail, the
// working copy that changes whenever someone edits the guardrail.
import { GUARDRAIL_VERSION_VARIABLE, replaceLiteral } from '../../code/edits';
import { callData, callGuardrail, callOf, operationName } from '../../code/runtime-calls';
import { prop, type StringValue } from '../../code/values';
import { CodeExpression } from '../../fixes';
import type { Fix } from '../../types';
import { defineCodeRule } from '../rule';
import type { RuntimeCall } from '../../code/model';

/** The `guardrailVersion` value of a call when it is the string "DRAFT". */
function draftVersion(call: RuntimeCall): StringValue | undefined {
  const holder = callGuardrail(call)?.holder;
  const v = holder && prop(holder, 'guardrailVersion')?.value;
  return v?.kind === 'string' && v.complete && v.value === 'DRAFT' ? v : undefined;
}

export default defineCodeRule({
  meta: {
    id: 'sdk/draft-guardrail-version',
    target: 'code',
    severity: 'warning',
    description: 'A runtime call applies the DRAFT version of a guardrail instead of a numbered, immutable version.',
    fixable: true,
    docs: {
      rationale: [
        '`DRAFT` is the working copy of a guardrail: every edit in the console or through `UpdateGuardrail` changes it at once, for every caller that uses it, without review or a way back. A numbered version (created with `CreateGuardrailVersion`) is an immutable snapshot: the filters that were tested are the filters that run, and rolling back is changing one number.',
        '',
        'The rule reads `guardrailVersion` where it is a string literal or a constant; a version read from the environment or from configuration is not reported.',
      ].join('\n'),
      bad: "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseCommand({\n  modelId,\n  messages,\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: 'DRAFT' },\n});",
      good: "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseCommand({\n  modelId,\n  messages,\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '2' },\n});",
      fix: 'Replaces `"DRAFT"` (where it is written, also in a constant of the same file) with the `bedrockSecurity.guardrailVersion` setting when that is a number (preferred), or else with `process.env.BEDROCK_GUARDRAIL_VERSION` (not preferred: the variable must be set where the code runs).',
      references: ['https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-versions.html', 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-deploy.html'],
    },
  },
  check(ctx) {
    // A constant shared by several calls is reported once, where it is used first.
    const seen = new Set<string>();
    for (const call of ctx.code.calls) {
      const v = draftVersion(call);
      if (!v || seen.has(`${v.span.start}:${v.span.end}`)) continue;
      seen.add(`${v.span.start}:${v.span.end}`);
      ctx.report(v.span, `${operationName(call.command)} applies guardrail version "DRAFT", which changes with every edit of the guardrail: use a numbered version.`, callData(call));
    }
  },
  fixes(ctx, finding) {
    const call = callOf(ctx.code, finding.data);
    const v = call && draftVersion(call);
    if (!v) return [];
    const configured = ctx.settings.guardrailVersion;
    const fixes: Fix[] = [];
    if (configured && configured !== 'DRAFT') {
      const edit = replaceLiteral(ctx.editor, v, configured);
      if (edit) fixes.push({ title: `Use the configured guardrail version "${configured}"`, edits: [edit], isPreferred: true });
    }
    const env = replaceLiteral(ctx.editor, v, new CodeExpression(`process.env.${GUARDRAIL_VERSION_VARIABLE}`));
    if (env) fixes.push({ title: `Read the version from ${GUARDRAIL_VERSION_VARIABLE}`, edits: [env] });
    return fixes;
  },
});
