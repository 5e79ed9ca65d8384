// Text edits for fixes, written in the policy's own syntax (JSON, or TypeScript/JavaScript object
// literals with the file's quotes and, for CDK statements, CDK's key names), and application of
// edits to a text. Fixes must leave a document that still parses.
import { LineIndex } from './text';
import type { CodeSyntax, KeyNode, PolicyDialect } from './policy/model';
import type { Fix, Span, TextEdit } from './types';

/** The indentation unit a document uses (two spaces when it cannot tell). */
export function detectIndentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '  ';
  if (m[1][0] === '\t') return '\t';
  return m[1].length >= 2 && m[1].length <= 8 ? ' '.repeat(Math.min(m[1].length, 4)) : '  ';
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** A TypeScript/JavaScript expression that `PolicyEditor.format` writes as is (`process.env.X`). */
export class CodeExpression {
  constructor(readonly text: string) {}
}

/** Builds edits for one document. */
export class PolicyEditor {
  readonly lines: LineIndex;
  readonly unit: string;

  /**
   * @param syntax for code: the quote character, and how the policy spells element keys (fixes
   *   pass AWS element names to `keyText`; a CDK statement writes `Condition` as `conditions`).
   */
  constructor(
    readonly text: string,
    readonly dialect: PolicyDialect,
    readonly syntax?: CodeSyntax,
  ) {
    this.lines = new LineIndex(text);
    this.unit = detectIndentUnit(text);
  }

  /** A string literal in the document's syntax. */
  literal(value: string): string {
    if (this.dialect === 'json') return JSON.stringify(value);
    const q = this.syntax?.quote ?? "'";
    const escaped = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped.replace(/"/g, '\\"')) + q;
  }

  /** A property key in the document's syntax (an element name as the policy's source spells it). */
  keyText(name: string): string {
    const written = this.syntax?.elementNames?.[name] ?? name;
    if (this.dialect === 'typescript' && IDENT.test(written)) return written;
    return this.literal(written);
  }

  /** Formats a JSON-like value; nested lines are indented relative to `indent`. */
  format(value: unknown, indent: string): string {
    if (value instanceof CodeExpression) return value.text;
    if (typeof value === 'string') return this.literal(value);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
    const inner = indent + this.unit;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      if (value.length === 1 && typeof value[0] === 'string') return `[${this.literal(value[0])}]`;
      return '[\n' + value.map((v) => inner + this.format(v, inner)).join(',\n') + '\n' + indent + ']';
    }
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    return '{\n' + entries.map(([k, v]) => `${inner}${this.keyText(k)}: ${this.format(v, inner)}`).join(',\n') + '\n' + indent + '}';
  }

  /** Indentation of the line on which `offset` lies. */
  indentAt(offset: number): string {
    return this.lines.indentAt(offset);
  }

  replace(span: Span, newText: string): TextEdit {
    return { span, newText };
  }

  /** Replaces a value with `value`, formatted at the indentation of its line. */
  replaceValue(span: Span, value: unknown): TextEdit {
    return { span, newText: this.format(value, this.indentAt(span.start)) };
  }

  renameKey(key: KeyNode, name: string): TextEdit {
    return { span: key.span, newText: this.keyText(name) };
  }

  /** Indentation for a new property of the object at `objSpan` whose properties are `props`. */
  private propertyIndent(objSpan: Span, props: readonly KeyNode[]): string {
    for (const p of props) {
      const lineIndent = this.indentAt(p.span.start);
      const lineStart = this.lines.offsetAt({ line: this.lines.positionAt(p.span.start).line, character: 0 });
      if (lineStart + lineIndent.length === p.span.start) return lineIndent;
    }
    return this.indentAt(objSpan.start) + this.unit;
  }

  /** Inserts `name: value` as the first or last property of an object. */
  insertProperty(objSpan: Span, props: readonly KeyNode[], name: string, value: unknown, where: 'first' | 'last' = 'last'): TextEdit {
    const indent = this.propertyIndent(objSpan, props);
    const prop = `${this.keyText(name)}: ${this.format(value, indent)}`;
    if (props.length === 0) {
      const at = objSpan.start + 1;
      return { span: { start: at, end: at }, newText: `\n${indent}${prop}\n${this.indentAt(objSpan.start)}` };
    }
    if (where === 'first') {
      const at = objSpan.start + 1;
      return { span: { start: at, end: at }, newText: `\n${indent}${prop},` };
    }
    const last = props[props.length - 1];
    const at = last.propertySpan.end;
    return { span: { start: at, end: at }, newText: `,\n${indent}${prop}` };
  }

  /** Removes a property together with the comma that separates it from its neighbours. */
  removeProperty(prop: KeyNode, props: readonly KeyNode[]): TextEdit {
    const i = props.findIndex((p) => p.propertySpan.start === prop.propertySpan.start);
    if (i >= 0 && i < props.length - 1) return { span: { start: prop.propertySpan.start, end: props[i + 1].propertySpan.start }, newText: '' };
    if (i > 0) return { span: { start: props[i - 1].propertySpan.end, end: prop.propertySpan.end }, newText: '' };
    return { span: prop.propertySpan, newText: '' };
  }
}

/**
 * The fix that "fix all" (and fix-on-save) may apply without asking: only one marked
 * `isPreferred`, the one right answer. Fixes that write a choice for the user (a narrower
 * resource, a new Deny statement, a placeholder) are offered one by one, never applied in bulk.
 */
export function autoFix(fixes: readonly Fix[]): Fix | undefined {
  return fixes.find((f) => f.isPreferred);
}

/** Applies non-overlapping edits; throws on overlap (a bug in a fix, never user input). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.span.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.span.start) + e.newText;
    pos = e.span.end;
  }
  return out + text.slice(pos);
}

/** True when two sets of edits touch overlapping (or the same insertion) positions. */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) for (const y of b) if (x.span.start < y.span.end && y.span.start < x.span.end) return true;
  for (const x of a) for (const y of b) if (x.span.start === y.span.start || x.span.end === y.span.end) return true;
  return false;
}
