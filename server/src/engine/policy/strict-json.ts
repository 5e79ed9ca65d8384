// A fast reader for the common case of a well-formed JSON document: it builds the same syntax
// tree as jsonc-parser's `parseTree` (types, offsets, lengths, values, children) in one tight
// pass, and gives up (`undefined`) at the first thing that is not plain RFC 8259 JSON: comments,
// trailing commas, control characters in strings, bad escapes or numbers, nesting deeper than
// MAX_DEPTH, empty content. json-parser.ts then falls back to jsonc-parser, whose tolerant parse
// reports the errors; whatever this module accepts, jsonc-parser parses without an error into the
// same tree (test/engine/strict-json.test.ts compares both).
import type { Node } from 'jsonc-parser';
import type { Span } from '../types';
import type {
  ConditionElement,
  ConditionKeyNode,
  ConditionOperatorNode,
  KeyNode,
  ListElement,
  Policy,
  PolicyKind,
  PrincipalElement,
  PrincipalEntry,
  ScalarElement,
  ScalarNode,
  Statement,
  ValueKind,
} from './model';

/** Deeper documents are left to jsonc-parser (and the call stack stays small). */
const MAX_DEPTH = 200;

/** The document being read, the position, and the whitespace seen outside strings. */
let text = '';
let pos = 0;
let whitespace = 0;

/** Thrown (as a constant, never constructed per use) when the text is not strict JSON. */
const NOT_STRICT = { notStrict: true };

function skipWhitespace(): number {
  const len = text.length;
  const start = pos;
  let c = 0;
  while (pos < len && ((c = text.charCodeAt(pos)) === 32 || c === 10 || c === 13 || c === 9)) pos++;
  whitespace += pos - start;
  return pos < len ? text.charCodeAt(pos) : -1;
}

/** Reads a string literal at `pos` (on its opening quote); returns its value. */
function readString(): string {
  const start = ++pos;
  const len = text.length;
  let escaped = false;
  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (c === 34) break;
    if (c < 32) throw NOT_STRICT;
    if (c === 92) {
      escaped = true;
      pos += 2;
      continue;
    }
    pos++;
  }
  if (pos >= len) throw NOT_STRICT;
  pos++;
  if (!escaped) return text.slice(start, pos - 1);
  // Escapes are rare in policies: JSON.parse decodes (and validates) them as jsonc-parser does.
  try {
    return JSON.parse(text.slice(start - 1, pos)) as string;
  } catch {
    throw NOT_STRICT;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Reads a number with JSON's grammar; returns its node. */
function readNumber(): Node {
  const start = pos;
  scanNumber();
  return { type: 'number', offset: start, length: pos - start, value: Number(text.slice(start, pos)) } as Node;
}

/** Moves past a number with JSON's grammar. */
function scanNumber(): void {
  let c = text.charCodeAt(pos);
  if (c === 45) c = text.charCodeAt(++pos);
  if (c === 48) c = text.charCodeAt(++pos);
  else if (isDigit(c)) {
    while (isDigit((c = text.charCodeAt(++pos))));
  } else throw NOT_STRICT;
  if (c === 46) {
    if (!isDigit(text.charCodeAt(++pos))) throw NOT_STRICT;
    while (isDigit((c = text.charCodeAt(++pos))));
  }
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++pos);
    if (c === 43 || c === 45) c = text.charCodeAt(++pos);
    if (!isDigit(c)) throw NOT_STRICT;
    while (isDigit(text.charCodeAt(++pos)));
  }
}

/** Reads `word` (true, false, null) at `pos`; the character after it must end the value. */
function readWord(word: string, type: 'boolean' | 'null', value: boolean | null): Node {
  const start = pos;
  scanWord(word);
  return { type, offset: start, length: word.length, value } as Node;
}

/** Moves past `word` (true, false, null); the character after it must end the value. */
function scanWord(word: string): void {
  if (!text.startsWith(word, pos)) throw NOT_STRICT;
  pos += word.length;
  const next = text.charCodeAt(pos);
  // jsonc-parser reads `truex` as one unknown word; stop where it would.
  if (pos < text.length && !(next === 32 || next === 10 || next === 13 || next === 9 || next === 44 || next === 93 || next === 125)) throw NOT_STRICT;
}

function readValue(depth: number): Node {
  const c = skipWhitespace();
  switch (c) {
    case 123:
      return readObject(depth + 1);
    case 91:
      return readArray(depth + 1);
    case 34: {
      const start = pos;
      const value = readString();
      return { type: 'string', offset: start, length: pos - start, value } as Node;
    }
    case 116:
      return readWord('true', 'boolean', true);
    case 102:
      return readWord('false', 'boolean', false);
    case 110:
      return readWord('null', 'null', null);
    default:
      if (c === 45 || isDigit(c)) return readNumber();
      throw NOT_STRICT;
  }
}

/** An object or array node, made once its closing bracket has been read. */
function container(type: 'object' | 'array', start: number, children: Node[]): Node {
  return { type, offset: start, length: pos - start, children } as Node;
}

function readObject(depth: number): Node {
  if (depth > MAX_DEPTH) throw NOT_STRICT;
  const start = pos++;
  const children: Node[] = [];
  let c = skipWhitespace();
  if (c === 125) {
    pos++;
    return container('object', start, children);
  }
  for (;;) {
    if (c !== 34) throw NOT_STRICT;
    const keyStart = pos;
    const name = readString();
    const key = { type: 'string', offset: keyStart, length: pos - keyStart, value: name } as Node;
    if (skipWhitespace() !== 58) throw NOT_STRICT;
    pos++;
    const value = readValue(depth);
    children.push({ type: 'property', offset: keyStart, length: value.offset + value.length - keyStart, children: [key, value] } as Node);
    c = skipWhitespace();
    if (c === 44) {
      pos++;
      c = skipWhitespace();
      continue;
    }
    if (c !== 125) throw NOT_STRICT;
    pos++;
    return container('object', start, children);
  }
}

function readArray(depth: number): Node {
  if (depth > MAX_DEPTH) throw NOT_STRICT;
  const start = pos++;
  const children: Node[] = [];
  if (skipWhitespace() === 93) {
    pos++;
    return container('array', start, children);
  }
  for (;;) {
    children.push(readValue(depth));
    const c = skipWhitespace();
    if (c === 44) {
      pos++;
      continue;
    }
    if (c !== 93) throw NOT_STRICT;
    pos++;
    return container('array', start, children);
  }
}

/** A strict JSON document's tree and its length without whitespace outside strings. */
export interface StrictTree {
  root: Node;
  /** What `compactJsonLength` counts: the length less whitespace outside strings. */
  compactLength: number;
}

/**
 * The syntax tree of `source` as jsonc-parser's `parseTree` would build it (nodes without `parent`
 * links), when `source` is well-formed JSON with a value; undefined otherwise.
 */
export function parseStrictJson(source: string): StrictTree | undefined {
  text = source;
  pos = 0;
  whitespace = 0;
  try {
    const root = readValue(0);
    if (skipWhitespace() !== -1) return undefined;
    return { root, compactLength: source.length - whitespace };
  } catch (e) {
    if (e === NOT_STRICT) return undefined;
    throw e;
  } finally {
    text = '';
  }
}

// --- The policy model, read directly ---------------------------------------------------------
// The same model json-parser.ts builds from jsonc-parser's tree (same objects, same property
// order, a fresh span object everywhere it makes one), read in the same pass that checks the
// text, without a tree in between. Values the model does not describe are skipped (and checked).

/** The kind and start of the value read last (`pos` is at its end). */
let valueKind: ValueKind = 'unknown';
let valueStart = 0;
/** The span of the key read last. */
let keyStart = 0;
let keyEnd = 0;

/** Moves past any value, checking it; sets `valueKind` and `valueStart`. */
function skipValue(depth: number): void {
  const c = skipWhitespace();
  const start = pos;
  let kind: ValueKind;
  switch (c) {
    case 123:
      skipObject(depth + 1);
      kind = 'object';
      break;
    case 91:
      skipArray(depth + 1);
      kind = 'array';
      break;
    case 34:
      readString();
      kind = 'string';
      break;
    case 116:
      scanWord('true');
      kind = 'boolean';
      break;
    case 102:
      scanWord('false');
      kind = 'boolean';
      break;
    case 110:
      scanWord('null');
      kind = 'null';
      break;
    default:
      if (c !== 45 && !isDigit(c)) throw NOT_STRICT;
      scanNumber();
      kind = 'number';
  }
  valueKind = kind;
  valueStart = start;
}

function skipObject(depth: number): void {
  if (!openObject(depth)) return;
  do {
    readKey();
    skipValue(depth);
  } while (nextProperty());
}

function skipArray(depth: number): void {
  if (!openArray(depth)) return;
  do skipValue(depth);
  while (nextItem());
}

/** At `{`: moves past it; false (and past the `}`) for an empty object. */
function openObject(depth: number): boolean {
  if (depth > MAX_DEPTH) throw NOT_STRICT;
  pos++;
  if (skipWhitespace() !== 125) return true;
  pos++;
  return false;
}

/** At `[`: moves past it; false (and past the `]`) for an empty array. */
function openArray(depth: number): boolean {
  if (depth > MAX_DEPTH) throw NOT_STRICT;
  pos++;
  if (skipWhitespace() !== 93) return true;
  pos++;
  return false;
}

/**
 * The keys of policies, by length: a key that is one of them is returned as this constant instead
 * of a new string (no allocation, and the statement's `switch` compares it by reference).
 */
const KNOWN_KEYS: readonly (readonly string[])[] = (() => {
  const keys = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'AWS', 'Service', 'Federated', 'CanonicalUser'];
  const byLength: string[][] = [];
  for (const k of keys) (byLength[k.length] ??= []).push(k);
  return byLength;
})();

/** Reads `"name":` (a property's key and colon); sets `keyStart` and `keyEnd`. */
function readKey(): string {
  if (skipWhitespace() !== 34) throw NOT_STRICT;
  keyStart = pos;
  const close = text.indexOf('"', pos + 1);
  const known = close > 0 ? KNOWN_KEYS[close - pos - 1] : undefined;
  let name: string | undefined;
  if (known) {
    for (const k of known) {
      if (text.startsWith(k, pos + 1)) {
        name = k;
        pos = close + 1;
        break;
      }
    }
  }
  name ??= readString();
  keyEnd = pos;
  if (skipWhitespace() !== 58) throw NOT_STRICT;
  pos++;
  return name;
}

/** After a property: true and past the `,` when another follows; false and past the `}` at the end. */
function nextProperty(): boolean {
  const c = skipWhitespace();
  pos++;
  if (c === 44) return true;
  if (c === 125) return false;
  throw NOT_STRICT;
}

/** After an array item: true and past the `,` when another follows; false and past the `]` at the end. */
function nextItem(): boolean {
  const c = skipWhitespace();
  pos++;
  if (c === 44) return true;
  if (c === 93) return false;
  throw NOT_STRICT;
}

/** The key just read, as the model has it; its property ends where `pos` is (after the value). */
function keyNode(name: string, start: number, end: number): KeyNode {
  return { name, span: { start, end }, propertySpan: { start, end: pos } };
}

/** Reads any value; returns it as a scalar node when it is a string, number or boolean (json-parser's `scalar`). */
function readScalar(depth: number): ScalarNode | undefined {
  const c = skipWhitespace();
  const start = pos;
  if (c === 34) {
    const value = readString();
    valueKind = 'string';
    valueStart = start;
    return { value, kind: 'string', span: { start, end: pos } };
  }
  if (c === 45 || isDigit(c)) {
    scanNumber();
    valueKind = 'number';
    valueStart = start;
    return { value: String(Number(text.slice(start, pos))), kind: 'number', span: { start, end: pos } };
  }
  if (c === 116 || c === 102) {
    scanWord(c === 116 ? 'true' : 'false');
    valueKind = 'boolean';
    valueStart = start;
    return { value: c === 116 ? 'true' : 'false', kind: 'boolean', span: { start, end: pos } };
  }
  skipValue(depth);
  return undefined;
}

/** Reads a value as a list of scalars (json-parser's `scalarsOf`); `valueKind`/`valueStart` describe the whole value. */
function readScalars(depth: number): ScalarNode[] {
  const out: ScalarNode[] = [];
  if (skipWhitespace() !== 91) {
    const s = readScalar(depth);
    if (s) out.push(s);
    return out;
  }
  const start = pos;
  if (openArray(depth + 1)) {
    do {
      const s = readScalar(depth + 1);
      if (s) out.push(s);
    } while (nextItem());
  }
  valueKind = 'array';
  valueStart = start;
  return out;
}

/** Reads a scalar element's value (json-parser's `scalarElement`). */
function readScalarElement(name: string, depth: number): ScalarElement {
  const ks = keyStart;
  const ke = keyEnd;
  const value = readScalar(depth);
  return { key: keyNode(name, ks, ke), valueSpan: { start: valueStart, end: pos }, valueKind, value };
}

/** Reads a list element's value (json-parser's `listElement`). */
function readListElement(name: string, depth: number): ListElement {
  const ks = keyStart;
  const ke = keyEnd;
  const entries: ScalarNode[] = [];
  const invalidEntries: Span[] = [];
  const c = skipWhitespace();
  const start = pos;
  let kind: ValueKind;
  if (c === 91) {
    if (openArray(depth + 1)) {
      do {
        if (skipWhitespace() === 34) {
          const s = pos;
          const value = readString();
          entries.push({ value, kind: 'string', span: { start: s, end: pos } });
        } else {
          skipValue(depth + 1);
          invalidEntries.push({ start: valueStart, end: pos });
        }
      } while (nextItem());
    }
    kind = 'array';
  } else if (c === 34) {
    const value = readString();
    entries.push({ value, kind: 'string', span: { start, end: pos } });
    kind = 'string';
  } else {
    skipValue(depth);
    invalidEntries.push({ start, end: pos });
    kind = valueKind;
  }
  return { key: keyNode(name, ks, ke), valueSpan: { start, end: pos }, valueKind: kind, isArray: kind === 'array', entries, invalidEntries };
}

/** Reads a Principal/NotPrincipal value (json-parser's `principalElement`). */
function readPrincipalElement(name: string, depth: number): PrincipalElement {
  const ks = keyStart;
  const ke = keyEnd;
  const c = skipWhitespace();
  const start = pos;
  if (c !== 123) {
    const scalar = readScalar(depth);
    return { key: keyNode(name, ks, ke), valueSpan: { start, end: pos }, valueKind, entries: [], scalar };
  }
  const entries: PrincipalEntry[] = [];
  if (openObject(depth + 1)) {
    do {
      const entryName = readKey();
      const eks = keyStart;
      const eke = keyEnd;
      const values = readScalars(depth + 1);
      entries.push({ key: keyNode(entryName, eks, eke), values });
    } while (nextProperty());
  }
  return { key: keyNode(name, ks, ke), valueSpan: { start, end: pos }, valueKind: 'object', entries };
}

/** Reads a Condition value (json-parser's `conditionElement`). */
function readConditionElement(name: string, depth: number): ConditionElement {
  const ks = keyStart;
  const ke = keyEnd;
  const c = skipWhitespace();
  const start = pos;
  const operators: ConditionOperatorNode[] = [];
  if (c !== 123) {
    skipValue(depth);
    return { key: keyNode(name, ks, ke), valueSpan: { start, end: pos }, valueKind, operators };
  }
  if (openObject(depth + 1)) {
    do {
      const opName = readKey();
      const oks = keyStart;
      const oke = keyEnd;
      const oc = skipWhitespace();
      const opStart = pos;
      const keys: ConditionKeyNode[] = [];
      let opKind: ValueKind = 'object';
      if (oc === 123) {
        if (openObject(depth + 2)) {
          do {
            const keyName = readKey();
            const kks = keyStart;
            const kke = keyEnd;
            const values = readScalars(depth + 2);
            keys.push({ key: keyNode(keyName, kks, kke), valueSpan: { start: valueStart, end: pos }, valueKind, values });
          } while (nextProperty());
        }
      } else {
        skipValue(depth + 1);
        opKind = valueKind;
      }
      operators.push({ key: keyNode(opName, oks, oke), valueSpan: { start: opStart, end: pos }, valueKind: opKind, keys });
    } while (nextProperty());
  }
  return { key: keyNode(name, ks, ke), valueSpan: { start, end: pos }, valueKind: 'object', operators };
}

/** Reads a statement object at `pos` (json-parser's `statementOf`). */
function readStatement(index: number, depth: number): Statement {
  const span = { start: pos, end: pos };
  const st: Statement = { index, span, keys: [] };
  if (openObject(depth)) {
    do {
      const name = readKey();
      switch (name) {
        case 'Sid':
          st.sid = readScalarElement(name, depth);
          st.keys.push(st.sid.key);
          break;
        case 'Effect':
          st.effect = readScalarElement(name, depth);
          st.keys.push(st.effect.key);
          break;
        case 'Action':
          st.action = readListElement(name, depth);
          st.keys.push(st.action.key);
          break;
        case 'NotAction':
          st.notAction = readListElement(name, depth);
          st.keys.push(st.notAction.key);
          break;
        case 'Resource':
          st.resource = readListElement(name, depth);
          st.keys.push(st.resource.key);
          break;
        case 'NotResource':
          st.notResource = readListElement(name, depth);
          st.keys.push(st.notResource.key);
          break;
        case 'Principal':
          st.principal = readPrincipalElement(name, depth);
          st.keys.push(st.principal.key);
          break;
        case 'NotPrincipal':
          st.notPrincipal = readPrincipalElement(name, depth);
          st.keys.push(st.notPrincipal.key);
          break;
        case 'Condition':
          st.condition = readConditionElement(name, depth);
          st.keys.push(st.condition.key);
          break;
        default: {
          const ks = keyStart;
          const ke = keyEnd;
          skipValue(depth);
          st.keys.push(keyNode(name, ks, ke));
        }
      }
    } while (nextProperty());
  }
  span.end = pos;
  return st;
}

/** Reads the top-level object (json-parser's `parseJsonPolicy` on the tree); undefined when it has no `Statement`. */
function readPolicy(kind: PolicyKind | undefined): Policy | undefined {
  const span = { start: pos, end: pos };
  const policy: Policy = { dialect: 'json', kind: kind ?? 'identity', span, keys: [], statementIsArray: false, statements: [], invalidStatements: [], syntaxProblems: [], compactLength: 0 };
  let isPolicy = false;
  if (openObject(1)) {
    do {
      const name = readKey();
      if (name === 'Version') {
        policy.version = readScalarElement(name, 1);
        policy.keys.push(policy.version.key);
      } else if (name === 'Id') {
        policy.id = readScalarElement(name, 1);
        policy.keys.push(policy.id.key);
      } else if (name === 'Statement') {
        isPolicy = true;
        const ks = keyStart;
        const ke = keyEnd;
        const c = skipWhitespace();
        const start = pos;
        if (c === 91) {
          policy.statementIsArray = true;
          if (openArray(2)) {
            do {
              if (skipWhitespace() === 123) policy.statements.push(readStatement(policy.statements.length, 3));
              else {
                skipValue(2);
                policy.invalidStatements.push({ start: valueStart, end: pos });
              }
            } while (nextItem());
          }
        } else if (c === 123) policy.statements.push(readStatement(0, 2));
        else skipValue(1);
        policy.statementKey = keyNode(name, ks, ke);
        policy.statementValueSpan = { start, end: pos };
        policy.keys.push(policy.statementKey);
      } else {
        const ks = keyStart;
        const ke = keyEnd;
        skipValue(1);
        policy.keys.push(keyNode(name, ks, ke));
      }
    } while (nextProperty());
  }
  span.end = pos;
  return isPolicy ? policy : undefined;
}

/**
 * The policy model of `source` as json-parser.ts builds it from jsonc-parser's tree, when
 * `source` is well-formed JSON whose value is an object: the policy, or undefined when the object
 * has no `Statement`. `null` when `source` is anything else (json-parser.ts then asks jsonc-parser).
 */
export function readStrictPolicy(source: string, kind?: PolicyKind): Policy | undefined | null {
  text = source;
  pos = 0;
  whitespace = 0;
  try {
    if (skipWhitespace() !== 123) return null;
    const policy = readPolicy(kind);
    if (skipWhitespace() !== -1) return null;
    if (!policy) return undefined;
    policy.compactLength = source.length - whitespace;
    if (!kind && policy.statements.some((s) => s.principal || s.notPrincipal)) policy.kind = 'resource';
    return policy;
  } catch (e) {
    if (e === NOT_STRICT) return null;
    throw e;
  } finally {
    text = '';
  }
}
