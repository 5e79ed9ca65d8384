// Shared questions of the iam/* least-privilege rules: does a condition really narrow a key, which
// Action entries name an action explicitly (not through the bare "*"), what a fix may reuse from
// the rest of the policy (its partition, its account), and the edit that adds a condition.
import { splitOperator } from '../../policy/analysis';
import { parseArn } from '../../iam/arn';
import { actionFlag, statementFacts, type ActionFlag, type ActionText } from '../../policy/facts';
import type { PolicyEditor } from '../../fixes';
import type { KeyNode, Policy, ScalarNode, Statement } from '../../policy/model';
import type { Span, TextEdit } from '../../types';

/** Base operators that match when the value differs, so they never require a particular value. */
const NEGATED = /^(StringNot|NumericNotEquals|DateNotEquals|ArnNot|NotIpAddress)/;

export interface RestrictOptions {
  /**
   * Whether `…IfExists` operators count. They pass when the key is absent from the request, so
   * they narrow only requests that carry the key (default true).
   */
  ifExists?: boolean;
}

/**
 * True when the statement's Condition requires the request to carry a specific value for a key
 * accepted by `isKey` (given the key in lower case). Operators that cannot narrow are ignored:
 * negated ones (`StringNotEquals`, `ArnNotLike`, …), `Null`, `ForAllValues:` (true when the key is
 * missing, https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html),
 * and values that are nothing but `*`.
 */
export function conditionRestricts(st: Statement, isKey: (lowerKey: string) => boolean, opts: RestrictOptions = {}): boolean {
  for (const op of st.condition?.operators ?? []) {
    const { setOperator, base, ifExists } = splitOperator(op.key.name);
    if (setOperator === 'ForAllValues' || base === 'Null' || NEGATED.test(base)) continue;
    if (ifExists && opts.ifExists === false) continue;
    for (const k of op.keys) {
      if (!isKey(k.key.name.toLowerCase())) continue;
      if (k.values.length > 0 && k.values.some((v) => !/^\*+$/.test(v.value))) return true;
    }
  }
  return false;
}

/** True for the Action entries that name every action of every service: `*` and `*:*`. */
export function isEveryAction(value: string): boolean {
  return /^\*+(:\*+)?$/.test(value);
}

/**
 * The Action entries that cover `action` (`service:Name`) by name or by a pattern, leaving out the
 * bare `*` (iam/wildcard-action reports that one, and every rule repeating it would be noise).
 */
export function entriesNaming(st: Statement, action: string): ScalarNode[] {
  if (!st.action) return [];
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  const service = colon > 0 ? lower.slice(0, colon) : undefined;
  const texts = statementFacts(st).action;
  const out: ScalarNode[] = [];
  for (let i = 0; i < texts.length; i++) if (textNames(texts[i], action, lower, service)) out.push(st.action.entries[i]);
  return out;
}

/** The test of `entriesNaming` for one entry text. */
function textNames(t: ActionText, action: string, lower: string, service: string | undefined): boolean {
  return t.matches(action, lower, service) && (!t.hasWildcard || !isEveryAction(t.text));
}

/**
 * A flag (see facts.ts) for the Action entries that `entriesNaming` returns for `action`, so that
 * a rule about one action skips the statements that do not name it without reading their entries.
 */
export function namingFlag(action: string): ActionFlag {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  const service = colon > 0 ? lower.slice(0, colon) : undefined;
  return actionFlag((_, t) => textNames(t, action, lower, service));
}

/**
 * True when the statement's Resource (or NotResource, by exclusion) reaches `probe`. ARNs match
 * case-sensitively with IAM wildcards.
 */
export function resourceReaches(st: Statement, probe: (entry: string) => boolean): boolean {
  if (st.resource) return st.resource.entries.some((e) => probe(e.value));
  if (st.notResource) return !st.notResource.entries.some((e) => probe(e.value));
  return false;
}

/** The partition the policy's ARNs use (`aws-cn`, `aws-us-gov`, …), `aws` when none names one. */
export function policyPartition(policy: Policy): string {
  for (const st of policy.statements) {
    for (const e of [...(st.resource?.entries ?? []), ...(st.notResource?.entries ?? [])]) {
      const p = parseArn(e.value)?.partition;
      if (p && /^aws(-[a-z]+)*$/.test(p)) return p;
    }
  }
  return 'aws';
}

/**
 * The 12-digit account id of the statement's own Resource ARNs, else of any Resource ARN of the
 * policy; undefined when no ARN names one.
 */
export function policyAccount(policy: Policy, st: Statement): string | undefined {
  const fromEntries = (s: Statement) => {
    for (const e of [...(s.resource?.entries ?? []), ...(s.notResource?.entries ?? [])]) {
      const a = parseArn(e.value)?.account;
      if (a && /^\d{12}$/.test(a)) return a;
    }
    return undefined;
  };
  return fromEntries(st) ?? policy.statements.map(fromEntries).find((a) => a !== undefined);
}

/** True when the text of `span` fits on one line (fixes then write their values on one line too). */
export function isOneLine(editor: PolicyEditor, span: Span): boolean {
  return !/[\r\n]/.test(editor.text.slice(span.start, span.end));
}

/** A value written on one line in the document's syntax: `{"a": ["b", "c"]}`. */
export function compactFormat(editor: PolicyEditor, value: unknown): string {
  if (Array.isArray(value)) return '[' + value.map((v) => compactFormat(editor, v)).join(', ') + ']';
  if (value && typeof value === 'object') {
    return '{' + Object.entries(value as Record<string, unknown>).map(([k, v]) => `${editor.keyText(k)}: ${compactFormat(editor, v)}`).join(', ') + '}';
  }
  return typeof value === 'string' ? editor.literal(value) : String(value);
}

/** Adds `name: value` as the last property of an object, on the same line when the object is. */
export function appendProperty(editor: PolicyEditor, objSpan: Span, props: readonly KeyNode[], name: string, value: unknown): TextEdit {
  if (props.length > 0 && isOneLine(editor, objSpan)) {
    const at = props[props.length - 1].propertySpan.end;
    return editor.replace({ start: at, end: at }, `, ${editor.keyText(name)}: ${compactFormat(editor, value)}`);
  }
  return editor.insertProperty(objSpan, props, name, value);
}

/** Replaces a value, on one line when `container` (the statement) is written on one line. */
export function replaceValueIn(editor: PolicyEditor, container: Span, span: Span, value: unknown): TextEdit {
  return isOneLine(editor, container) ? editor.replace(span, compactFormat(editor, value)) : editor.replaceValue(span, value);
}

/**
 * The edit that makes the statement's Condition test `key` with `operator`: into an existing
 * operator block of that name, else as a new operator of the existing Condition, else as a new
 * Condition element; a key already in that operator block gets the new value. Undefined when
 * Condition or that operator is not an object (nothing safe to merge into).
 */
export function addConditionEdit(editor: PolicyEditor, st: Statement, operator: string, key: string, value: unknown): TextEdit | undefined {
  const cond = st.condition;
  if (!cond) return appendProperty(editor, st.span, st.keys, 'Condition', { [operator]: { [key]: value } });
  if (cond.valueKind !== 'object') return undefined;
  const op = cond.operators.find((o) => o.key.name === operator);
  if (!op) return appendProperty(editor, cond.valueSpan, cond.operators.map((o) => o.key), operator, { [key]: value });
  if (op.valueKind !== 'object') return undefined;
  // A key that is there but cannot narrow (its value is "*") gets the new value, never a twin.
  const existing = op.keys.find((k) => k.key.name.toLowerCase() === key.toLowerCase());
  if (existing) return replaceValueIn(editor, op.valueSpan, existing.valueSpan, value);
  return appendProperty(editor, op.valueSpan, op.keys.map((k) => k.key), key, value);
}

/** The string literal of a statement's Sid, when it has one. */
export function sidOf(st: Statement): string | undefined {
  const v = st.sid?.value;
  return v && v.kind === 'string' ? v.value : undefined;
}
