// A fast reader for the common case of a well-formed JSON document: it builds the same syntax
// tree as jsonc-parser's `parseTree` (types, offsets, lengths, values, children) in one tight
// pass, and gives up (`undefined`) at the first thing that is not plain RFC 8259 JSON: comments,
// trailing commas, control characters in strings, bad escapes or numbers, nesting deeper than
// MAX_DEPTH, empty content. json-parser.ts then falls back to jsonc-parser, whose tolerant parse
// reports the errors; whatever this module accepts, jsonc-parser parses without an error into the
// same tree (test/engine/strict-json.test.ts compares both).
import type { Node } from 'jsonc-parser';

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
  return { type: 'number', offset: start, length: pos - start, value: Number(text.slice(start, pos)) } as Node;
}

/** Reads `word` (true, false, null) at `pos`; the character after it must end the value. */
function readWord(word: string, type: 'boolean' | 'null', value: boolean | null): Node {
  if (!text.startsWith(word, pos)) throw NOT_STRICT;
  const start = pos;
  pos += word.length;
  const next = text.charCodeAt(pos);
  // jsonc-parser reads `truex` as one unknown word; stop where it would.
  if (pos < text.length && !(next === 32 || next === 10 || next === 13 || next === 9 || next === 44 || next === 93 || next === 125)) throw NOT_STRICT;
  return { type, offset: start, length: word.length, value } as Node;
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
