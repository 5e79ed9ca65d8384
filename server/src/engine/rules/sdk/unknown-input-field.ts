// sdk/unknown-input-field: a property of a Bedrock runtime command's input (or of a structure it
// nests, such as guardrailConfig) that the command does not have. The SDK serializes only the
// fields it knows, so the property is dropped without an error: a `guardrailStreamConfig` next
// to `guardrailConfig` configures nothing. Field lists come from the installed SDK's types.
import { COMMANDS, SDK_VERSION, STRUCTURES } from '../../code/bedrock-runtime-fields.generated';
import type { RuntimeCall } from '../../code/model';
import { callData, callOf, operationName } from '../../code/runtime-calls';
import type { ObjectValue, PropertyValue } from '../../code/values';
import { closest } from '../../policy/analysis';
import { defineCodeRule } from '../rule';

/** One property the command does not know, in the object it was written in. */
interface Unknown {
  prop: PropertyValue;
  /** The object holding it (the input, or a nested structure). */
  obj: ObjectValue;
  /** Where it is: `the input`, or `guardrailConfig`. */
  where: string;
  /** The field list of that object. */
  fields: readonly string[];
}

/** Properties of the input (and of its known nested structures) that the SDK does not have. */
function unknownFields(call: RuntimeCall): Unknown[] {
  const shape = COMMANDS[call.command];
  const input = call.input;
  if (!shape || input?.kind !== 'object' || !input.home) return [];
  const out: Unknown[] = [];
  const check = (obj: ObjectValue, fields: Readonly<Record<string, string | null>>, where: string) => {
    const names = Object.keys(fields);
    for (const p of obj.props) {
      if (!p.own) continue;
      if (!(p.name in fields)) {
        out.push({ prop: p, obj, where, fields: names });
        continue;
      }
      const nested = fields[p.name];
      const v = p.value;
      if (nested && STRUCTURES[nested] && v.kind === 'object' && v.home) check(v, STRUCTURES[nested], p.name);
    }
  };
  check(input, shape.fields, 'the input');
  return out;
}

/** A known field the property most likely meant, unless the object already has it. */
function suggestion(u: Unknown): string | undefined {
  const lower = u.prop.name.toLowerCase();
  // The stream settings sit in guardrailConfig, whose ConverseStream type has streamProcessingMode.
  const stream = u.prop.name === 'guardrailStreamConfig' && u.fields.includes('guardrailConfig') ? 'guardrailConfig' : undefined;
  // An abbreviation of exactly one field (`guardrailId` for `guardrailIdentifier`).
  const extended = u.prop.name.length >= 6 ? u.fields.filter((f) => f.toLowerCase().startsWith(lower)) : [];
  const meant = stream ?? u.fields.find((f) => f.toLowerCase() === lower) ?? closest(u.prop.name, u.fields) ?? (extended.length === 1 ? extended[0] : undefined);
  if (meant && !u.obj.props.some((p) => p.name === meant)) return meant;
  return undefined;
}

function message(call: RuntimeCall, u: Unknown): string {
  const op = operationName(call.command);
  const base = `"${u.prop.name}" is not a field of ${u.where === 'the input' ? `${op}'s input` : `${u.where} (${op})`}: the SDK drops it without an error.`;
  if (u.prop.name === 'guardrailStreamConfig' && u.where === 'the input') {
    return `${base} The stream settings of a guardrail belong inside guardrailConfig (streamProcessingMode).`;
  }
  // guardrailIdentifier/guardrailVersion/trace at the top of a Converse input: they go in guardrailConfig.
  const config = u.where === 'the input' ? COMMANDS[call.command]?.fields.guardrailConfig : undefined;
  const inConfig = config && STRUCTURES[config] ? Object.keys(STRUCTURES[config]).find((f) => f.toLowerCase().startsWith(u.prop.name.toLowerCase())) : undefined;
  if (inConfig && /^guardrail/i.test(u.prop.name)) return `${base} ${inConfig} belongs inside guardrailConfig.`;
  const meant = suggestion(u);
  return meant ? `${base} Did you mean "${meant}"?` : base;
}

export default defineCodeRule({
  meta: {
    id: 'sdk/unknown-input-field',
    target: 'code',
    severity: 'warning',
    description: "A property in a Bedrock runtime command's input that the command does not have, which the SDK silently drops.",
    fixable: true,
    docs: {
      rationale: [
        `The AWS SDK for JavaScript serializes only the fields a command defines and drops every other property without an error. A misspelled or invented field is therefore not a failure but a setting that silently does nothing: \`guardrailStreamConfig\` next to \`guardrailConfig\` does not configure stream processing (it is \`guardrailConfig.streamProcessingMode\`), a \`guardrailId\` applies no guardrail, a \`inferenceConfiguration\` leaves the defaults in place. TypeScript reports excess properties only in object literals written directly at the call; inputs built in variables, helpers or JavaScript get no such check.`,
        '',
        `The field lists are generated when the extension is built from the type declarations of the installed \`@aws-sdk/client-bedrock-runtime\` (${SDK_VERSION}), for every command and for the structures their inputs hold one level down (\`guardrailConfig\`, \`inferenceConfig\`, \`toolConfig\`, …). Properties brought in by spreads, and inputs from other modules, are not checked.`,
      ].join('\n'),
      bad: "import { ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseStreamCommand({\n  modelId,\n  messages,\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '1' },\n  guardrailStreamConfig: { streamProcessingMode: 'async' },\n});",
      good: "import { ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';\n\nnew ConverseStreamCommand({\n  modelId,\n  messages,\n  guardrailConfig: { guardrailIdentifier: GUARDRAIL_ID, guardrailVersion: '1', streamProcessingMode: 'async' },\n});",
      fix: 'Renames the property to the field it most likely stands for (the same name in another letter case, else the closest field name), unless the object already has that field. `guardrailStreamConfig` becomes `guardrailConfig` when the input has no `guardrailConfig`; when it has one, move `streamProcessingMode` into it by hand.',
      references: [
        'https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/client/bedrock-runtime/',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GuardrailStreamConfiguration.html',
      ],
    },
  },
  check(ctx) {
    for (const call of ctx.code.calls) {
      for (const u of unknownFields(call)) ctx.report(u.prop.keySpan, message(call, u), { ...callData(call), name: u.prop.name, offset: u.prop.keySpan.start });
    }
  },
  fixes(ctx, finding) {
    const call = callOf(ctx.code, finding.data);
    if (!call) return [];
    const u = unknownFields(call).find((x) => x.prop.name === finding.data?.name && x.prop.keySpan.start === finding.data?.offset);
    const meant = u && suggestion(u);
    if (!u || !meant) return [];
    // A shorthand property (`{ guardrailId }`) keeps its value: `guardrailIdentifier: guardrailId`.
    const shorthand = u.prop.value.span.start === u.prop.keySpan.start && u.prop.value.span.end === u.prop.keySpan.end;
    const text = shorthand ? `${ctx.editor.keyText(meant)}: ${u.prop.name}` : ctx.editor.keyText(meant);
    return [{ title: `Rename "${u.prop.name}" to "${meant}"`, edits: [ctx.editor.replace(u.prop.keySpan, text)], isPreferred: true }];
  },
});
