// Text edits of the code rules' fixes: add properties to an object literal of the analysed file
// (on its own line, or on the object's one line when it is written on one), replace a literal,
// rename a key. Values are written by PolicyEditor in the file's quotes; `CodeExpression`s
// (`process.env.BEDROCK_GUARDRAIL_ID`) are written as they are. Only values with a `home` (a
// literal written in this file) are ever edited.
import { CodeExpression, type PolicyEditor } from '../fixes';
import type { KeyNode } from '../policy/model';
import type { EngineSettings } from '../settings';
import type { Span, TextEdit } from '../types';
import type { ObjectValue, Value } from './values';

/** Environment variables the fixes read the guardrail from when no guardrail is configured. */
export const GUARDRAIL_ID_VARIABLE = 'BEDROCK_GUARDRAIL_ID';
export const GUARDRAIL_VERSION_VARIABLE = 'BEDROCK_GUARDRAIL_VERSION';

/** The guardrail identifier fixes write: the configured ARN, else a read of `BEDROCK_GUARDRAIL_ID`. */
export function guardrailIdentifierValue(settings: EngineSettings): string | CodeExpression {
  return settings.guardrailArn ?? new CodeExpression(`process.env.${GUARDRAIL_ID_VARIABLE}`);
}

/** The guardrail version fixes write: the configured version, else a read of `BEDROCK_GUARDRAIL_VERSION`. */
export function guardrailVersionValue(settings: EngineSettings): string | CodeExpression {
  return settings.guardrailVersion ?? new CodeExpression(`process.env.${GUARDRAIL_VERSION_VARIABLE}`);
}

/** Where a fix's values come from, for its title. */
export function guardrailSource(settings: EngineSettings): string {
  if (settings.guardrailArn && settings.guardrailVersion) return 'the configured guardrail';
  if (settings.guardrailArn) return `the configured guardrail, version from ${GUARDRAIL_VERSION_VARIABLE}`;
  return `${GUARDRAIL_ID_VARIABLE} and ${GUARDRAIL_VERSION_VARIABLE}`;
}

/** The members of an object literal as key nodes (what PolicyEditor inserts after). */
function memberKeys(obj: ObjectValue): KeyNode[] {
  return obj.members.map((m) => ({ name: m.name, span: m.keySpan, propertySpan: m.span }));
}

function oneLine(editor: PolicyEditor, span: Span): boolean {
  return !/[\r\n]/.test(editor.text.slice(span.start, span.end));
}

/** A value on one line: `{ guardrailIdentifier: 'arn…', guardrailVersion: '1' }`. */
function compact(editor: PolicyEditor, value: unknown): string {
  if (value instanceof CodeExpression) return value.text;
  if (typeof value === 'string') return editor.literal(value);
  if (Array.isArray(value)) return '[' + value.map((v) => compact(editor, v)).join(', ') + ']';
  if (value && typeof value === 'object') return '{ ' + Object.entries(value as Record<string, unknown>).map(([k, v]) => `${editor.keyText(k)}: ${compact(editor, v)}`).join(', ') + ' }';
  return String(value);
}

/**
 * Adds properties after the last member of an object literal written in this file; undefined
 * when the object is not one (fixes offer nothing then).
 */
export function addProperties(editor: PolicyEditor, obj: ObjectValue, props: Record<string, unknown>): TextEdit | undefined {
  if (!obj.home) return undefined;
  const entries = Object.entries(props);
  const members = memberKeys(obj);
  const home = obj.home;
  if (oneLine(editor, home)) {
    const text = entries.map(([k, v]) => `${editor.keyText(k)}: ${compact(editor, v)}`).join(', ');
    if (members.length === 0) return editor.replace({ start: home.start + 1, end: home.end - 1 }, ` ${text} `);
    const at = members[members.length - 1].propertySpan.end;
    return editor.replace({ start: at, end: at }, `, ${text}`);
  }
  const [first, ...rest] = entries;
  const edit = editor.insertProperty(home, members, first[0], first[1]);
  if (rest.length === 0) return edit;
  const indent = members.length ? editor.indentAt(members[0].propertySpan.start) : editor.indentAt(home.start) + editor.unit;
  const more = rest.map(([k, v]) => `,\n${indent}${editor.keyText(k)}: ${editor.format(v, indent)}`).join('');
  if (members.length === 0) return { span: edit.span, newText: edit.newText.replace(/\n([^\n]*)$/, `${more}\n$1`) };
  return { span: edit.span, newText: edit.newText + more };
}

/** Replaces the literal a value is written as in this file; undefined when it has none. */
export function replaceLiteral(editor: PolicyEditor, v: Value | undefined, value: string | CodeExpression): TextEdit | undefined {
  if (!v?.home) return undefined;
  return editor.replace(v.home, value instanceof CodeExpression ? value.text : editor.literal(value));
}
