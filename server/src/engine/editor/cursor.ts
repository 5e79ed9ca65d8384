// Where an offset lies in a policy: on which element, key or value, and in which statement.
// Two views: `nodeAt` finds the model node under an offset (any dialect: JSON or a TypeScript
// object literal), for hovers; `slotAt` finds what may be typed at a cursor, including places
// where nothing is written yet (JSON only, with jsonc-parser's tolerant scanner), for completion.
import { getLocation, parseTree } from 'jsonc-parser';
import type {
  ConditionKeyNode,
  ConditionOperatorNode,
  KeyNode,
  ListElement,
  Policy,
  PrincipalElement,
  PrincipalEntry,
  ScalarNode,
  Statement,
} from '../policy/model';
import type { Span } from '../types';

/** The list elements of a statement. */
export type ListName = 'Action' | 'NotAction' | 'Resource' | 'NotResource';

/** A model node under an offset and its role in the policy. */
export type NodeAt =
  | { role: 'policy-key'; key: KeyNode }
  | { role: 'policy-value'; element: 'Version' | 'Id'; node: ScalarNode }
  | { role: 'statement-key'; statement: Statement; key: KeyNode }
  | { role: 'statement-value'; statement: Statement; element: 'Effect' | 'Sid'; node: ScalarNode }
  | { role: 'list-entry'; statement: Statement; element: ListName; node: ScalarNode }
  | { role: 'principal-type'; statement: Statement; entry: PrincipalEntry }
  | { role: 'principal-value'; statement: Statement; entry?: PrincipalEntry; node: ScalarNode }
  | { role: 'condition-operator'; statement: Statement; operator: ConditionOperatorNode }
  | { role: 'condition-key'; statement: Statement; operator: ConditionOperatorNode; key: ConditionKeyNode }
  | { role: 'condition-value'; statement: Statement; operator: ConditionOperatorNode; key: ConditionKeyNode; node: ScalarNode };

const within = (span: Span, offset: number): boolean => span.start <= offset && offset < span.end;

/** The statement whose object contains `offset` (statements are in source order, not nested). */
export function statementAt(policy: Policy, offset: number): Statement | undefined {
  const list = policy.statements;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid].span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return list[mid];
  }
  return undefined;
}

function inList(statement: Statement, element: ListName, list: ListElement | undefined, offset: number): NodeAt | undefined {
  if (!list || !within(list.key.propertySpan, offset)) return undefined;
  if (within(list.key.span, offset)) return { role: 'statement-key', statement, key: list.key };
  const node = list.entries.find((e) => within(e.span, offset));
  return node ? { role: 'list-entry', statement, element, node } : undefined;
}

function inPrincipal(statement: Statement, p: PrincipalElement | undefined, offset: number): NodeAt | undefined {
  if (!p || !within(p.key.propertySpan, offset)) return undefined;
  if (within(p.key.span, offset)) return { role: 'statement-key', statement, key: p.key };
  if (p.scalar && within(p.scalar.span, offset)) return { role: 'principal-value', statement, node: p.scalar };
  for (const entry of p.entries) {
    if (!within(entry.key.propertySpan, offset)) continue;
    if (within(entry.key.span, offset)) return { role: 'principal-type', statement, entry };
    const node = entry.values.find((v) => within(v.span, offset));
    return node ? { role: 'principal-value', statement, entry, node } : undefined;
  }
  return undefined;
}

function inCondition(statement: Statement, offset: number): NodeAt | undefined {
  const c = statement.condition;
  if (!c || !within(c.key.propertySpan, offset)) return undefined;
  if (within(c.key.span, offset)) return { role: 'statement-key', statement, key: c.key };
  for (const operator of c.operators) {
    if (!within(operator.key.propertySpan, offset)) continue;
    if (within(operator.key.span, offset)) return { role: 'condition-operator', statement, operator };
    for (const key of operator.keys) {
      if (!within(key.key.propertySpan, offset)) continue;
      if (within(key.key.span, offset)) return { role: 'condition-key', statement, operator, key };
      const node = key.values.find((v) => within(v.span, offset));
      return node ? { role: 'condition-value', statement, operator, key, node } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** The model node under `offset` (the character at `offset`), or undefined between nodes. */
export function nodeAt(policy: Policy, offset: number): NodeAt | undefined {
  for (const [element, el] of [['Version', policy.version], ['Id', policy.id]] as const) {
    if (el?.value && within(el.value.span, offset)) return { role: 'policy-value', element, node: el.value };
  }
  const statement = statementAt(policy, offset);
  if (!statement) {
    const key = policy.keys.find((k) => within(k.span, offset));
    return key ? { role: 'policy-key', key } : undefined;
  }
  for (const [element, el] of [['Effect', statement.effect], ['Sid', statement.sid]] as const) {
    if (el?.value && within(el.value.span, offset)) return { role: 'statement-value', statement, element, node: el.value };
  }
  const found =
    inList(statement, 'Action', statement.action, offset) ??
    inList(statement, 'NotAction', statement.notAction, offset) ??
    inList(statement, 'Resource', statement.resource, offset) ??
    inList(statement, 'NotResource', statement.notResource, offset) ??
    inPrincipal(statement, statement.principal, offset) ??
    inPrincipal(statement, statement.notPrincipal, offset) ??
    inCondition(statement, offset);
  if (found) return found;
  const key = statement.keys.find((k) => within(k.span, offset));
  return key ? { role: 'statement-key', statement, key } : undefined;
}

/** A string literal at the cursor (the cursor is between its quotes). */
export interface StringToken {
  /** The literal with its quotes. */
  span: Span;
  /** The text between the quotes (up to the end of the literal when it is not closed). */
  content: Span;
  /** The raw text between the opening quote and the cursor. */
  typed: string;
  /** False when the closing quote is missing (a string being typed at the end of a line). */
  closed: boolean;
}

/** True when the literal `[start, end)` ends with its (unescaped) opening quote character. */
function isClosed(text: string, start: number, end: number): boolean {
  const quote = text[start];
  if (end - start < 2 || text[end - 1] !== quote) return false;
  let backslashes = 0;
  for (let i = end - 2; i > start && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** The string literal at `span` if the cursor at `offset` is between its quotes. */
export function tokenAt(text: string, span: Span, offset: number): StringToken | undefined {
  const quote = text[span.start];
  if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
  const closed = isClosed(text, span.start, span.end);
  const contentEnd = closed ? span.end - 1 : span.end;
  if (offset <= span.start || offset > contentEnd) return undefined;
  return { span, content: { start: span.start + 1, end: contentEnd }, typed: text.slice(span.start + 1, offset), closed };
}

/** What may be typed at a cursor. `token` is the string literal the cursor is in, if any. */
export type Slot =
  | { kind: 'document' }
  | { kind: 'policy-key'; token?: StringToken; present: string[] }
  | { kind: 'policy-value'; element: string; token?: StringToken }
  | { kind: 'statement-key'; statement?: Statement; token?: StringToken }
  | { kind: 'statement-value'; element: string; statement?: Statement; token?: StringToken }
  | { kind: 'principal-type'; statement?: Statement; token?: StringToken }
  | { kind: 'condition-operator'; statement?: Statement; token?: StringToken }
  | { kind: 'condition-key'; statement?: Statement; operator: string; token?: StringToken }
  | { kind: 'condition-value'; statement?: Statement; operator: string; key: string; token?: StringToken };

/** The names of the root object's properties (tolerant parse; text that is not a policy yet). */
function rootKeys(text: string): string[] {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type !== 'object') return [];
  const out: string[] = [];
  for (const p of root.children ?? []) {
    const k = p.children?.[0];
    if (k?.type === 'string') out.push(String(k.value));
  }
  return out;
}

/**
 * The part of the text to scan for a cursor: the value of the statement element around it (an
 * Action array, a Condition object…), else the statement, else everything; with the path of that
 * part in the policy.
 */
function scanWindow(policy: Policy | undefined, offset: number): { span?: Span; prefix: (string | number)[] } {
  const statement = policy ? statementAt(policy, offset) : undefined;
  if (!statement || offset <= statement.span.start) return { prefix: [] };
  const elements = [statement.action, statement.notAction, statement.resource, statement.notResource, statement.condition, statement.principal, statement.notPrincipal];
  for (const el of elements) {
    const v = el?.valueSpan;
    if (el && v && (el.valueKind === 'array' || el.valueKind === 'object') && v.start < offset && offset < v.end) return { span: v, prefix: ['Statement', statement.index, el.key.name] };
  }
  return { span: statement.span, prefix: ['Statement', statement.index] };
}

/**
 * What may be typed at `offset` in JSON text (half-typed text included). `policy` is the model of
 * the same text, when the text is a policy; it tells which statement the cursor is in.
 */
export function jsonSlotAt(text: string, offset: number, policy: Policy | undefined): Slot | undefined {
  if (!/\S/.test(text)) return { kind: 'document' };
  // Only the innermost element or statement around the cursor is scanned (its path prefixed), so
  // that a request stays cheap at the end of a 100 KB policy; outside statements the whole text is.
  const { span: inside, prefix } = scanWindow(policy, offset);
  const base = inside ? inside.start : 0;
  const loc = getLocation(inside ? text.slice(inside.start, inside.end) : text, offset - base);
  const prev = loc.previousNode;
  let token: StringToken | undefined;
  if (prev && (prev.type === 'string' || prev.type === 'property')) {
    token = tokenAt(text, { start: prev.offset + base, end: prev.offset + base + prev.length }, offset);
    // Just after a complete string, or before one: nothing to complete there.
    if (!token) return undefined;
  }
  const path: (string | number)[] = [...prefix, ...loc.path];
  const atKey = loc.isAtPropertyKey;
  if (path.length === 0) return undefined;
  if (path.length === 1) {
    if (atKey) return { kind: 'policy-key', token, present: policy ? policy.keys.map((k) => k.name) : rootKeys(text) };
    return typeof path[0] === 'string' && path[0] !== 'Statement' ? { kind: 'policy-value', element: path[0], token } : undefined;
  }
  if (path[0] !== 'Statement') return undefined;
  const rest = typeof path[1] === 'number' ? path.slice(2) : path.slice(1);
  if (rest.length === 0) return undefined;
  const statement = policy ? statementAt(policy, offset) : undefined;
  const [element] = rest;
  if (rest.length === 1 && atKey) return { kind: 'statement-key', statement, token };
  const isIndex = (i: number) => rest.length === i + 1 && typeof rest[i] === 'number';
  switch (element) {
    case 'Action':
    case 'NotAction':
    case 'Resource':
    case 'NotResource':
    case 'Effect':
    case 'Sid':
      if (!atKey && (rest.length === 1 || isIndex(1))) return { kind: 'statement-value', element, statement, token };
      return undefined;
    case 'Principal':
    case 'NotPrincipal':
      if (atKey && rest.length === 2) return { kind: 'principal-type', statement, token };
      return undefined;
    case 'Condition':
      if (atKey && rest.length === 2) return { kind: 'condition-operator', statement, token };
      if (atKey && rest.length === 3) return { kind: 'condition-key', statement, operator: String(rest[1]), token };
      if (!atKey && (rest.length === 3 || isIndex(3))) return { kind: 'condition-value', statement, operator: String(rest[1]), key: String(rest[2]), token };
      return undefined;
    default:
      return undefined;
  }
}

/**
 * What may be typed at `offset` inside a string of the model (any dialect). Positions outside
 * strings are not found this way: in TypeScript the language's own completion owns them.
 */
export function modelSlotAt(policy: Policy, text: string, offset: number): Slot | undefined {
  // The node under the character before the cursor: a cursor at the end of a word is still in it.
  const at = nodeAt(policy, Math.max(0, offset - 1));
  if (!at) return undefined;
  const span =
    at.role === 'policy-key' || at.role === 'statement-key'
      ? at.key.span
      : at.role === 'principal-type'
        ? at.entry.key.span
        : at.role === 'condition-operator'
          ? at.operator.key.span
          : at.role === 'condition-key'
            ? at.key.key.span
            : at.node.span;
  const token = tokenAt(text, span, offset);
  if (!token) return undefined;
  switch (at.role) {
    case 'policy-key':
      return { kind: 'policy-key', token, present: policy.keys.map((k) => k.name) };
    case 'policy-value':
      return { kind: 'policy-value', element: at.element, token };
    case 'statement-key':
      return { kind: 'statement-key', statement: at.statement, token };
    case 'statement-value':
    case 'list-entry':
      return { kind: 'statement-value', element: at.element, statement: at.statement, token };
    case 'principal-type':
      return { kind: 'principal-type', statement: at.statement, token };
    case 'condition-operator':
      return { kind: 'condition-operator', statement: at.statement, token };
    case 'condition-key':
      return { kind: 'condition-key', statement: at.statement, operator: at.operator.key.name, token };
    case 'condition-value':
      return { kind: 'condition-value', statement: at.statement, operator: at.operator.key.name, key: at.key.key.name, token };
    default:
      return undefined;
  }
}

/**
 * True when `offset` is between the quotes of a string literal that starts on its line (`'…'`,
 * `"…"` or `` `…` ``), read from the start of the line. A cheap test that lets a front end skip
 * analysing code for completion requests made outside strings (a `:` typed in code).
 */
export function isInLineString(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  let quote = '';
  for (; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '/' && text[i + 1] === '/') return false;
  }
  return quote !== '';
}
