// The fast strict JSON reader against jsonc-parser's parseTree, which it stands in for: on every
// input it accepts, jsonc-parser reports no error and builds the same tree (types, offsets,
// lengths, values, children), and the whitespace-free length equals compactJsonLength; every
// well-formed JSON document is accepted. Inputs: edge cases, the fixtures, and generated JSON
// values printed with random whitespace, then mutated one character at a time (fixed seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { compactJsonLength, parseJsonPolicy } from '../../server/src/engine/policy/json-parser';
import { parseStrictJson } from '../../server/src/engine/policy/strict-json';

const SEED = 20261130;
const fixturesDir = join(__dirname, '..', '..', '..', 'test', 'engine', 'fixtures');

/** The parts of a node that the policy model reads, without parent links. */
function shape(n: Node | undefined): unknown {
  if (!n) return undefined;
  return { type: n.type, offset: n.offset, length: n.length, value: n.value, children: n.children?.map(shape) };
}

function jsonc(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  return { root, errors };
}

/** Asserts the contract on one input; returns whether the strict reader accepted it. */
function check(text: string): boolean {
  const strict = parseStrictJson(text);
  if (!strict) return false;
  const { root, errors } = jsonc(text);
  assert.deepEqual(errors, [], `jsonc-parser reports errors on accepted input ${JSON.stringify(text)}`);
  assert.deepEqual(shape(strict.root), shape(root), `trees differ for ${JSON.stringify(text)}`);
  assert.equal(strict.compactLength, compactJsonLength(text), `compact length differs for ${JSON.stringify(text)}`);
  return true;
}

test('strict-json: accepts well-formed JSON and builds the same tree as jsonc-parser', () => {
  const accepted = [
    '{}',
    '[]',
    ' \t\r\n{ "a" : [ 1 , -0 , 0.5 , -12.25e+3 , 1E400 , 2e-5 ] , "b" : { "c" : null } }\n',
    '{"Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}',
    '"just a string"',
    '42',
    'true',
    '{"esc":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00","k\\u0041":"v"}',
    '{"dup":1,"dup":2}',
    '{"u2028":"\u2028\u2029"}',
  ];
  for (const t of accepted) assert.equal(check(t), true, `not accepted: ${JSON.stringify(t)}`);
});

test('strict-json: leaves everything else to jsonc-parser', () => {
  const refused = [
    '',
    '   ',
    '{"a":1,}',
    '[1,]',
    '{"a":1 // comment\n}',
    '/* c */ {}',
    '{"a":01}',
    '{"a":-}',
    '{"a":1.}',
    '{"a":1e}',
    '{"a":.5}',
    '{"a":truex}',
    '{"a":nul}',
    '{"a":"tab\tinside"}',
    '{"a":"line\nbreak"}',
    '{"a":"bad \\x escape"}',
    '{"a":"\\u12"}',
    '{"a":"unterminated',
    '{"a" 1}',
    '{a:1}',
    "{'a':1}",
    '{"a":1}{}',
    '{"a":1} x',
    '\ufeff{}',
    '{"a":\u00a01}',
    '['.repeat(300) + ']'.repeat(300),
  ];
  for (const t of refused) assert.equal(parseStrictJson(t), undefined, `accepted: ${JSON.stringify(t)}`);
});

test('strict-json: a policy parses to the same model either way', () => {
  for (const f of readdirSync(fixturesDir).filter((x) => x.endsWith('.json'))) {
    const text = readFileSync(join(fixturesDir, f), 'utf8');
    const fast = parseJsonPolicy(text);
    // A comment after the document makes it invalid for the strict reader only: same model, one syntax problem more.
    const slow = parseJsonPolicy(text + '//');
    if (!fast || !slow) {
      assert.equal(fast, slow, f);
      continue;
    }
    assert.equal(slow.syntaxProblems.length, fast.syntaxProblems.length + 1, f);
    assert.deepEqual({ ...slow, syntaxProblems: fast.syntaxProblems, compactLength: fast.compactLength }, fast, f);
    assert.equal(fast.compactLength, compactJsonLength(text), f);
  }
});

test('strict-json: generated JSON, printed with random whitespace, and single-character mutations of it', () => {
  const whitespace = fc.constantFrom('', ' ', '\n', '\t', '\r\n', '  ');
  const doc = fc.tuple(fc.jsonValue({ maxDepth: 4 }), whitespace, fc.constantFrom<number | string | undefined>(undefined, 0, 2, '\t')).map(([v, ws, indent]) => ws + JSON.stringify(v, null, indent) + ws);
  fc.assert(
    fc.property(doc, (text) => {
      assert.equal(check(text), true, `well-formed JSON refused: ${JSON.stringify(text)}`);
    }),
    { seed: SEED, numRuns: 400 },
  );
  const mutation = fc.constantFrom(',', ':', '"', '\\', '/', '{', '}', '[', ']', '0', '-', '.', 'e', 't', ' ', '\u0001', '');
  fc.assert(
    fc.property(doc, fc.nat(), mutation, (text, at, ch) => {
      const i = text.length === 0 ? 0 : at % text.length;
      check(text.slice(0, i) + ch + text.slice(i + 1));
    }),
    { seed: SEED, numRuns: 2000 },
  );
});
