// Where each Bedrock runtime operation takes its guardrail, and the questions the sdk/* rules ask
// about a call: does it name a guardrail, which object holds the guardrail fields, which finding
// data identify the call again when its fixes are rebuilt.
// Converse and ConverseStream take `guardrailConfig: { guardrailIdentifier, guardrailVersion,
// trace }` (trace "enabled" | "disabled" | "enabled_full"); InvokeModel and
// InvokeModelWithResponseStream take `guardrailIdentifier`, `guardrailVersion` and `trace`
// ("ENABLED" | "DISABLED" | "ENABLED_FULL") in the input itself.
// https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-use-converse-api.html
// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html
import type { CodeModel, RuntimeCall } from './model';
import { prop, type ObjectValue, type PropertyValue } from './values';

/** How an operation takes its guardrail: a `guardrailConfig` object, or fields of the input. */
export type GuardrailStyle = 'config' | 'fields';

/** The operations that apply a guardrail to model inference. */
export const GUARDRAIL_STYLE: Readonly<Record<string, GuardrailStyle>> = {
  ConverseCommand: 'config',
  ConverseStreamCommand: 'config',
  InvokeModelCommand: 'fields',
  InvokeModelWithResponseStreamCommand: 'fields',
};

/** The operation's name without `Command` (as messages say it). */
export function operationName(command: string): string {
  return command.replace(/Command$/, '');
}

/** The guardrail of a call: its presence, and the object that holds its fields. */
export interface CallGuardrail {
  style: GuardrailStyle;
  /** The input object (when it is one). */
  input?: ObjectValue;
  /** `guardrailConfig` of Converse*, when present. */
  config?: PropertyValue;
  /** The object holding guardrailIdentifier/guardrailVersion/trace: `guardrailConfig`'s value, or the input. */
  holder?: ObjectValue;
  /** The guardrail identifier property, when present. */
  identifier?: PropertyValue;
}

/** The guardrail facts of a call of an operation that takes a guardrail; undefined for other calls. */
export function callGuardrail(call: RuntimeCall): CallGuardrail | undefined {
  const style = GUARDRAIL_STYLE[call.command];
  if (!style) return undefined;
  const input = call.input?.kind === 'object' ? call.input : undefined;
  if (!input) return { style };
  if (style === 'fields') return { style, input, holder: input, identifier: prop(input, 'guardrailIdentifier') };
  const config = prop(input, 'guardrailConfig');
  const holder = config?.value.kind === 'object' ? config.value : undefined;
  return { style, input, config, holder, identifier: holder && prop(holder, 'guardrailIdentifier') };
}

/** The finding data that identifies a call: its index and command (a stale index finds another command). */
export function callData(call: RuntimeCall): { call: number; command: string } {
  return { call: call.index, command: call.command };
}

/** The call a finding's data identifies, if the code still has it. */
export function callOf(code: CodeModel, data: Record<string, unknown> | undefined): RuntimeCall | undefined {
  const call = typeof data?.call === 'number' ? code.calls[data.call] : undefined;
  return call && call.command === data?.command ? call : undefined;
}
