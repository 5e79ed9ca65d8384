// The fast strict JSON reader against jsonc-parser, which it stands in for: on every input it
// accepts, jsonc-parser reports no error and builds the same tree (types, offsets, lengths,
// values, children), and the whitespace-free length equals compactJsonLength; every well-formed
// JSON document is accepted. Its policy reader builds the same policy model, property for
// property, as json-parser.ts builds from jsonc-parser's tree. Inputs: edge cases, the fixtures,
// generated JSON values and generated policy-shaped documents with junk in every element,
// printed with random whitespace, then mutated one character at a time (fixed seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { compactJsonLength, parseJsonPolicy, parseJsonPolicyTolerantly } from '../../server/src/engine/policy/json-parser';
import type { PolicyKind } from '../../server/src/engine/policy/model';
import { parseStrictJson, readStrictPolicy } from '../../server/src/engine/policy/strict-json';

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

/** Asserts that the policy reader, when it accepts `text`, builds jsonc-parser's model; returns whether it accepted. */
function checkPolicy(text: string, kind?: PolicyKind): boolean {
  const fast = readStrictPolicy(text, kind);
  if (fast === null) return false;
  const slow = parseJsonPolicyTolerantly(text, kind);
  assert.deepEqual(fast, slow, `models differ for ${JSON.stringify(text)}`);
  // Same property order too (JSON output, hidden classes).
  assert.equal(JSON.stringify(fast), JSON.stringify(slow), `property order differs for ${JSON.stringify(text)}`);
  return true;
}

test('strict-json policy reader: edge cases build the same model as jsonc-parser', () => {
  const accepted = [
    '{"Statement":[]}',
    '{"Statement":{}}',
    '{"Statement":"x","Statement":[{"Sid":1}],"Statement":{"Effect":null}}',
    '{"\\u0053tatement":[{"Action":"s3:GetObject"}]}',
    '{"Version":["2012-10-17"],"Id":{},"Statement":[1,{"Sid":true,"Effect":"Allow","Action":["a:b",2,[],{"x":1}],"NotAction":7,"Resource":null,"NotResource":{},"Principal":"*","NotPrincipal":{"AWS":[1,"x",null,true,[2]],"Service":{}},"Condition":{"Bool":{"aws:SecureTransport":[true,1.50,"x",null]},"Null":"x","StringEquals":[]}},"x"],"Other":[{"Statement":1}]}',
    '{"Statement":[{"Principal":3,"Condition":"c","Action":{"a":1}}]}',
    '{"Statement":[{"Principal":{"AWS":"*"}},{"NotPrincipal":null}]}',
    ' {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]} \n',
  ];
  for (const t of accepted) for (const kind of [undefined, 'scp', 'identity'] as const) assert.equal(checkPolicy(t, kind), true, `not accepted: ${t}`);
  // Strict JSON that is no policy: undefined, as from jsonc-parser's tree.
  for (const t of ['{}', '{"statement":[]}', '{"Other":{"Statement":[]}}']) assert.equal(readStrictPolicy(t), undefined, t);
  // Not strict, or not an object: left to jsonc-parser.
  for (const t of ['', '[{"Statement":[]}]', '"Statement"', '{"Statement":[],}', '{"Statement":[] // c\n}', '{"Statement":[{"Action":"a\tb"}]}']) assert.equal(readStrictPolicy(t), null, t);
});

test('strict-json policy reader: generated policy-shaped documents, printed and mutated', () => {
  const junk = fc.jsonValue({ maxDepth: 2 });
  const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('*', 's3:GetObject', 'bedrock:Invoke*', 'arn:aws:s3:::b/*', 'Allow', 'Deny', '2012-10-17'));
  const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
  const list = fc.oneof(text, fc.array(fc.oneof(text, junk), { maxLength: 4 }), junk);
  const values = fc.oneof(scalar, fc.array(fc.oneof(scalar, junk), { maxLength: 3 }), junk);
  const principal = fc.oneof(text, fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated', 'x'), values, { maxKeys: 3 }), junk);
  const condition = fc.oneof(fc.dictionary(fc.constantFrom('StringEquals', 'Bool', 'ForAnyValue:StringLike', 'Null'), fc.oneof(fc.dictionary(fc.constantFrom('aws:SourceIp', 'bedrock:GuardrailIdentifier', 'k'), values, { maxKeys: 3 }), junk), { maxKeys: 3 }), junk);
  const statement = fc.record(
    { Sid: scalar, Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), junk), Action: list, NotAction: list, Resource: list, NotResource: list, Principal: principal, NotPrincipal: principal, Condition: condition, Other: junk },
    { requiredKeys: [] },
  );
  const policy = fc.record({ Version: scalar, Id: junk, Statement: fc.oneof(statement, fc.array(fc.oneof(statement, junk), { maxLength: 4 }), junk), Extra: junk }, { requiredKeys: ['Statement'] });
  const doc = fc.tuple(policy, fc.constantFrom<number | string | undefined>(undefined, 0, 2, '\t'), fc.constantFrom('', ' ', '\n')).map(([p, indent, ws]) => ws + JSON.stringify(p, null, indent) + ws);
  const kind = fc.constantFrom<PolicyKind | undefined>(undefined, 'identity', 'resource', 'scp');
  fc.assert(
    fc.property(doc, kind, (t, k) => {
      assert.equal(checkPolicy(t, k), true, `well-formed policy refused: ${t}`);
    }),
    { seed: SEED, numRuns: 500 },
  );
  const mutation = fc.constantFrom(',', ':', '"', '\\', '{', '}', '[', ']', '0', '-', 'e', 't', ' ', '');
  fc.assert(
    fc.property(doc, kind, fc.nat(), mutation, (t, k, at, ch) => {
      const i = at % t.length;
      checkPolicy(t.slice(0, i) + ch + t.slice(i + 1), k);
    }),
    { seed: SEED, numRuns: 2000 },
  );
});
