// Text edits the bedrock/* fixes share: append a statement to the policy, add a condition to a
// statement, append values to a Resource list. Each returns undefined when the document's shape
// does not allow a clean edit (for example a Statement that is a single object).
import type { PolicyEditor } from '../fixes';
import type { ListElement, Policy, Statement } from '../policy/model';
import type { Span, TextEdit } from '../types';

/** True when the element at `span` is the first non-blank thing on its line. */
function startsLine(editor: PolicyEditor, span: Span): boolean {
  const line = editor.lines.positionAt(span.start).line;
  const lineStart = editor.lines.offsetAt({ line, character: 0 });
  return lineStart + editor.indentAt(span.start).length === span.start;
}

/** A Sid based on `base` that no statement of the policy uses yet. */
export function uniqueSid(policy: Policy, base: string): string {
  const used = new Set(policy.statements.map((s) => s.sid?.value?.value).filter((v): v is string => !!v));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}

/** Appends a statement after the last one of a `"Statement": [ … ]` array. */
export function appendStatement(editor: PolicyEditor, policy: Policy, statement: Record<string, unknown>): TextEdit | undefined {
  if (!policy.statementIsArray) return undefined;
  const last = policy.statements[policy.statements.length - 1];
  if (!last) return undefined;
  const indent = editor.indentAt(last.span.start);
  const text = editor.format(statement, indent);
  const at = last.span.end;
  return { span: { start: at, end: at }, newText: startsLine(editor, last.span) ? `,\n${indent}${text}` : `, ${text}` };
}

/**
 * Adds `"<operator>": { "<key>": value }` to a statement's Condition: into an existing operator of
 * that name, as a new operator of an existing Condition, or as a new Condition element.
 */
export function addCondition(editor: PolicyEditor, st: Statement, operator: string, key: string, value: unknown): TextEdit | undefined {
  const cond = st.condition;
  if (!cond) return editor.insertProperty(st.span, st.keys, 'Condition', { [operator]: { [key]: value } });
  if (cond.valueKind !== 'object') return undefined;
  const op = cond.operators.find((o) => o.key.name === operator);
  if (op) {
    if (op.valueKind !== 'object') return undefined;
    return editor.insertProperty(op.valueSpan, op.keys.map((k) => k.key), key, value);
  }
  return editor.insertProperty(cond.valueSpan, cond.operators.map((o) => o.key), operator, { [key]: value });
}

/** Appends string values to a list element (`"Resource": "a"` becomes `["a", …]`). */
export function appendToList(editor: PolicyEditor, list: ListElement, values: readonly string[]): TextEdit | undefined {
  if (values.length === 0) return undefined;
  if (!list.isArray) {
    const only = list.entries[0];
    if (!only || only.computed || list.valueKind !== 'string') return undefined;
    return editor.replaceValue(list.valueSpan, [only.value, ...values]);
  }
  const items = [...list.entries.map((e) => e.span), ...list.invalidEntries].sort((a, b) => a.start - b.start);
  const last = items[items.length - 1];
  if (!last) return editor.replaceValue(list.valueSpan, [...values]);
  const onOwnLine = startsLine(editor, last);
  const indent = editor.indentAt(last.start);
  const sep = onOwnLine ? `,\n${indent}` : ', ';
  return { span: { start: last.end, end: last.end }, newText: values.map((v) => sep + editor.literal(v)).join('') };
}
