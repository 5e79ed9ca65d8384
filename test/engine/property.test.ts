// Property tests of the whole engine (every registered rule) over mutated and random policies:
// it never throws, every finding lies inside the document and carries JSON data, and every fix
// applies cleanly, adds no syntax problem, and on valid JSON keeps it valid and makes its
// finding go away.
// Inputs: a deterministic sample of the AWS managed policies (../shared/corpora/managed-policies,
// when present) plus the fixtures next to this file, mutated; and generated JSON-ish text.
// Fixed seed: a failure prints the counterexample and replays identically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { applyEdits } from '../../server/src/engine/fixes';
import type { LintOptions } from '../../server/src/engine/linter';
import type { PolicyKind } from '../../server/src/engine/policy/model';
import { defaultSettings, type EngineSettings } from '../../server/src/engine/settings';
import { allRules } from '../../server/src/engine/rules';
import type { Finding } from '../../server/src/engine/types';
import { linter } from '../helpers';

const SEED = 20260926;
const root = join(__dirname, '..', '..', '..');
const corpusDir = join(root, '..', 'shared', 'corpora', 'managed-policies');
const fixturesDir = join(root, 'test', 'engine', 'fixtures');

/**
 * Our fixtures; the "bad" example of every rule's docs that is a JSON policy (so each rule's
 * finding and fix are exercised, and mutated around); and every 40th managed policy under 12 KB
 * (about 30 files), in name order.
 */
function samplePolicies(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const f of readdirSync(fixturesDir).filter((x) => x.endsWith('.json')).sort()) out.push({ name: `fixtures/${f}`, text: readFileSync(join(fixturesDir, f), 'utf8') });
  for (const rule of allRules) {
    const bad = rule.meta.docs.bad;
    if (bad && parsesAsJson(bad) && linter.lintJson(bad, { settings: defaultSettings() }).isPolicy) out.push({ name: `docs of ${rule.meta.id}`, text: bad });
  }
  if (existsSync(corpusDir)) {
    const files = readdirSync(corpusDir)
      .filter((x) => x.endsWith('.json'))
      .sort()
      .filter((f) => statSync(join(corpusDir, f)).size < 12_000);
    for (let i = 0; i < files.length; i += 40) out.push({ name: files[i], text: readFileSync(join(corpusDir, files[i]), 'utf8') });
  }
  return out;
}

const samples = samplePolicies();

const configured: EngineSettings = {
  ...defaultSettings(),
  guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456',
  guardrailVersion: '1',
  allowedRegions: ['us-east-1', 'eu-west-1'],
};

interface Variant {
  kind?: PolicyKind;
  settings: EngineSettings;
}

const variantArb: fc.Arbitrary<Variant> = fc.record({
  kind: fc.constantFrom<PolicyKind | undefined>(undefined, 'identity', 'resource', 'scp'),
  settings: fc.constantFrom(defaultSettings(), configured),
});

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `value` without properties whose value is undefined (JSON drops them, harmlessly). */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]));
  }
  return value;
}

/** Rules whose fixes the properties exercised (so that a test cannot pass vacuously). */
const rulesFixed = new Set<string>();

const syntaxCount = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'policy/syntax').length;
const show = (s: string) => (s.length > 400 ? JSON.stringify(s.slice(0, 400)) + `… (${s.length} chars)` : JSON.stringify(s));

/**
 * Checks every property on one text; throws an AssertionError naming the rule, finding and fix
 * that broke it. Returns the number of fixes it applied (to show the test exercised fixes).
 */
function checkText(text: string, variant: Variant): number {
  const opts: LintOptions = { path: 'policy.json', policyType: variant.kind, settings: variant.settings };
  const result = linter.lintJson(text, opts);
  const inputIsJson = parsesAsJson(text);
  let fixesApplied = 0;
  for (const f of result.findings) {
    const where = `${f.ruleId} "${f.message}" at ${f.span.start}-${f.span.end}`;
    assert.ok(Number.isInteger(f.span.start) && Number.isInteger(f.span.end), `${where}: integer span`);
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: span outside the document of ${text.length} chars`);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity), `${where}: severity ${f.severity}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${where}: empty message`);
    if (f.data !== undefined) assert.deepEqual(JSON.parse(JSON.stringify(f.data)), withoutUndefined(f.data), `${where}: data does not survive a JSON round trip`);
  }
  if (!result.policy) return 0;
  const before = result.findings;
  for (const f of before) {
    const wire = JSON.parse(JSON.stringify(f)) as Finding;
    const fixes = linter.fixesFor(result.policy, text, variant.settings, wire);
    for (const fix of fixes) {
      const where = `fix "${fix.title}" of ${f.ruleId} "${f.message}" at ${f.span.start}-${f.span.end}`;
      for (const e of fix.edits) assert.ok(0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.length, `${where}: edit outside the document`);
      let out: string;
      try {
        out = applyEdits(text, fix.edits);
      } catch (err) {
        assert.fail(`${where}: ${(err as Error).message}`);
      }
      fixesApplied++;
      rulesFixed.add(f.ruleId);
      if (inputIsJson) assert.ok(parsesAsJson(out), `${where}: the result is not JSON:\n${show(out)}`);
      const after = linter.lintJson(out, opts);
      assert.ok(after.isPolicy, `${where}: the result is no longer a policy:\n${show(out)}`);
      assert.ok(syntaxCount(after.findings) <= syntaxCount(before), `${where}: adds a syntax problem:\n${show(out)}`);
      // The fixed problem is gone: fewer findings of this rule with this message (a fix may reveal
      // another problem of the same rule, with another message). On text that is not JSON a fix
      // may legitimately wait for the syntax to be repaired.
      const n = (fs: Finding[]) => fs.filter((x) => x.ruleId === f.ruleId && x.message === f.message).length;
      if (inputIsJson) assert.ok(n(after.findings) < n(before), `${where}: still reported ${n(after.findings)} time(s) (before ${n(before)}):\n${show(out)}`);
    }
  }
  return fixesApplied;
}

// --- Mutations -------------------------------------------------------------------------------

/** Interesting text to insert: JSON punctuation, escapes, comments, policy syntax, odd unicode. */
const insertions = fc.oneof(
  fc.constantFrom('"', '\\', '\\u', '\\u12', '{', '}', '[', ']', ',', ':', ',]', ',}', '/*', '//', '*/', '\n', '\r', '\t', ' ', '${', '${aws:username}', '*', '?', 'arn:', '"*"', '\u2028', '\uD800', '\uDC00', '😀', '\u0000', '\uFEFF'),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }),
);

/** A JSON value of a different shape, as text. */
const jsonText = fc.oneof(
  fc.constantFrom('"*"', '""', '[]', '{}', 'null', 'true', 'false', '0', '-1.5e3', '["a", 1, null]', '{"x": {}}', '[[]]', '"arn:aws:bedrock:*::foundation-model/*"', '"bedrock:*"'),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
);

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; len: number }
  | { op: 'insert'; at: number; s: string }
  | { op: 'swapKeys'; a: number; b: number }
  | { op: 'replaceValue'; which: number; json: string }
  | { op: 'duplicate'; which: number };

const ratio = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: ratio }),
  fc.record({ op: fc.constant('delete' as const), at: ratio, len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('insert' as const), at: ratio, s: insertions }),
  fc.record({ op: fc.constant('swapKeys' as const), a: ratio, b: ratio }),
  fc.record({ op: fc.constant('replaceValue' as const), which: ratio, json: jsonText }),
  fc.record({ op: fc.constant('duplicate' as const), which: ratio }),
);

function nodesOf(text: string): { keys: Node[]; values: Node[]; props: Node[] } {
  const keys: Node[] = [];
  const values: Node[] = [];
  const props: Node[] = [];
  const visit = (n: Node) => {
    if (n.type === 'property') {
      props.push(n);
      if (n.children?.[0]) keys.push(n.children[0]);
      if (n.children?.[1]) {
        values.push(n.children[1]);
        visit(n.children[1]);
      }
      return;
    }
    for (const c of n.children ?? []) {
      values.push(c);
      visit(c);
    }
  };
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (tree) visit(tree);
  return { keys, values, props };
}

const pick = <T>(xs: T[], r: number): T | undefined => (xs.length ? xs[Math.floor(r * xs.length)] : undefined);
const replaceNode = (text: string, n: Node, s: string) => text.slice(0, n.offset) + s + text.slice(n.offset + n.length);

function mutate(text: string, m: Mutation): string {
  const at = (r: number) => Math.floor(r * (text.length + 1));
  switch (m.op) {
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.len);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.s + text.slice(i);
    }
    case 'swapKeys': {
      const { keys } = nodesOf(text);
      const a = pick(keys, m.a);
      const b = pick(keys, m.b);
      if (!a || !b || a === b) return text;
      const [first, second] = a.offset < b.offset ? [a, b] : [b, a];
      const t1 = text.slice(first.offset, first.offset + first.length);
      const t2 = text.slice(second.offset, second.offset + second.length);
      return text.slice(0, first.offset) + t2 + text.slice(first.offset + first.length, second.offset) + t1 + text.slice(second.offset + second.length);
    }
    case 'replaceValue': {
      const n = pick(nodesOf(text).values, m.which);
      return n ? replaceNode(text, n, m.json) : text;
    }
    case 'duplicate': {
      const p = pick(nodesOf(text).props, m.which);
      return p ? text.slice(0, p.offset + p.length) + ', ' + text.slice(p.offset, p.offset + p.length) + text.slice(p.offset + p.length) : text;
    }
  }
}

const mutatedArb = fc.record({
  sample: fc.integer({ min: 0, max: samples.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
  variant: variantArb,
});

// --- Generated policies ----------------------------------------------------------------------

const actionPool = [
  '*',
  'bedrock:*',
  'bedrock:InvokeModel',
  'bedrock:InvokeModelWithResponseStream',
  'bedrock:Converse',
  'bedrock:ListFoundationModels',
  'bedrock:Invoke*',
  'bedrock:Get?oundationModel',
  'bedrock:CreateGuardrail',
  'bedrock:ApplyGuardrail',
  'bedrock:InvokeAgent',
  'bedrock:PutModelInvocationLoggingConfiguration',
  'bedrock:DeleteModelInvocationLoggingConfiguration',
  'iam:PassRole',
  'iam:*',
  's3:GetObject',
  'sts:AssumeRole',
  'nosuch:Thing',
  'bedrock:NoSuchAction',
  'bedrock',
  '',
  'bedrock InvokeModel',
  'bedrok:InvokeModel',
  'bedrock:invokemodel',
];
const resourcePool = [
  '*',
  'arn:aws:bedrock:*::foundation-model/*',
  'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
  'arn:aws:bedrock:us-east-1:111122223333:foundation-model/x',
  'arn:aws:bedrock:us-east-1:111122223333:inference-profile/*',
  'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123',
  'arn:aws:bedrock:*:*:*',
  'arn:aws:s3:::bucket/*',
  'arn:aws:iam::111122223333:role/BedrockRole',
  'arn:aws:iam::1234:role/x',
  'arn:aws',
  'arn:aws:bedrock:us-east-1:${aws:PrincipalAccount}:agent/*',
  'not-an-arn',
  'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0',
  'arn:aws:bedrock:us-east-1:111122223333:guardrail/GUARDRAIL_ID',
];
const conditionKeyPool = ['bedrock:GuardrailIdentifier', 'aws:SourceAccount', 'aws:SourceArn', 'aws:RequestedRegion', 'aws:PrincipalOrgID', 'aws:SecureTransport', 'aws:RequestTag/team', 'aws:TagKeys', 'bedrock:InferenceProfileArn', 'iam:PassedToService', 'aws:NoSuchKey', 'nosuch:Key', 'bedrock:GuardrailIdentifer', 'aws:requestedregion'];
const operatorPool = ['StringEquals', 'StringLike', 'StringNotEquals', 'ArnLike', 'ArnEquals', 'Bool', 'Null', 'IpAddress', 'NumericLessThan', 'ForAnyValue:StringEquals', 'ForAllValues:StringLike', 'StringEqualsIfExists', 'StringEqual', 'DateGreaterThan'];
const valuePool = ['111122223333', 'us-east-1', 'true', 'false', 'o-abc123', 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123', 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123:1', '<guardrail-id>', 'bedrock.amazonaws.com', '*', ''];

const oneOrMany = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { maxLength: 4 }));
const odd = fc.jsonValue({ maxDepth: 1 });

const conditionArb = fc.dictionary(
  fc.constantFrom(...operatorPool),
  fc.oneof({ weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...conditionKeyPool), fc.oneof({ weight: 4, arbitrary: oneOrMany(fc.constantFrom(...valuePool)) }, odd), { maxKeys: 3 }) }, odd),
  { maxKeys: 3 },
);

const principalArb = fc.oneof(
  fc.constant('*'),
  fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', 'Other'), oneOrMany(fc.constantFrom('*', '111122223333', 'arn:aws:iam::111122223333:root', 'bedrock.amazonaws.com')), { maxKeys: 2 }),
  odd,
);

const statementArb = fc.record(
  {
    Sid: fc.oneof(fc.constantFrom('A', 'Allow1', 'dup', 'has space', ''), odd),
    Effect: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('Allow', 'Deny') }, fc.constantFrom('allow', 'Permit', ''), odd),
    Action: fc.oneof({ weight: 6, arbitrary: oneOrMany(fc.constantFrom(...actionPool)) }, odd),
    NotAction: oneOrMany(fc.constantFrom(...actionPool)),
    Resource: fc.oneof({ weight: 6, arbitrary: oneOrMany(fc.constantFrom(...resourcePool)) }, odd),
    NotResource: oneOrMany(fc.constantFrom(...resourcePool)),
    Principal: principalArb,
    NotPrincipal: principalArb,
    Condition: fc.oneof({ weight: 6, arbitrary: conditionArb }, odd),
    action: fc.constantFrom('bedrock:InvokeModel'),
    Extra: odd,
  },
  { requiredKeys: [] },
);

const policyValueArb = fc.record(
  {
    Version: fc.oneof({ weight: 6, arbitrary: fc.constant('2012-10-17') }, fc.constantFrom('2008-10-17', '2012-10-18', ''), odd),
    Id: fc.oneof(fc.constant('Policy1'), odd),
    Statement: fc.oneof({ weight: 8, arbitrary: fc.array(statementArb, { maxLength: 4 }) }, statementArb, odd),
  },
  { requiredKeys: ['Statement'] },
);

/** A generated policy written with one of several layouts (pretty with 2/4/tab indent, compact). */
const generatedArb = fc.record({
  policy: policyValueArb,
  indent: fc.constantFrom<string | number | undefined>(2, 4, '\t', undefined),
  crlf: fc.boolean(),
  variant: variantArb,
});

const render = (g: { policy: unknown; indent: string | number | undefined; crlf: boolean }) => {
  const t = JSON.stringify(g.policy, null, g.indent);
  return g.crlf ? t.replace(/\n/g, '\r\n') : t;
};

/** Token soup: fragments of policy JSON in random order. */
const tokenSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"', '"Statement"', '"Version"', '"2012-10-17"', '"Effect"', '"Allow"', '"Deny"', '"Action"', '"Resource"', '"NotAction"', '"Principal"', '"Condition"', '"StringEquals"', '"bedrock:*"', '"*"', '"arn:aws:bedrock:*::foundation-model/*"', 'true', 'null', '1', '/*', '//'),
      fc.string({ unit: 'binary-ascii', maxLength: 3 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

// --- Tests -----------------------------------------------------------------------------------

test('the sample holds the fixtures (and, when present, managed policies), all clean JSON policies', () => {
  assert.ok(samples.length >= 6);
  for (const s of samples) {
    assert.ok(parsesAsJson(s.text), s.name);
    assert.equal(linter.lintJson(s.text, { settings: defaultSettings() }).isPolicy, true, s.name);
  }
});

test('unmodified sample policies: every property holds, for every policy kind and both settings', () => {
  let fixes = 0;
  for (const s of samples) {
    for (const kind of [undefined, 'identity', 'resource', 'scp'] as const) {
      for (const settings of [defaultSettings(), configured]) {
        try {
          fixes += checkText(s.text, { kind, settings });
        } catch (err) {
          (err as Error).message = `${s.name} (kind ${kind ?? 'auto'}): ${(err as Error).message}`;
          throw err;
        }
      }
    }
  }
  assert.ok(fixes > 0, 'the fixtures exercise at least one fix');
});

test('mutated policies (truncated, characters deleted and inserted, keys swapped, values replaced)', () => {
  fc.assert(
    fc.property(mutatedArb, ({ sample, mutations, variant }) => {
      const text = mutations.reduce(mutate, samples[sample].text);
      checkText(text, variant);
    }),
    { seed: SEED, numRuns: 300, includeErrorInReport: true },
  );
});

test('generated policies: random element values and types, several layouts', () => {
  let fixes = 0;
  rulesFixed.clear();
  fc.assert(
    fc.property(generatedArb, (g) => {
      fixes += checkText(render(g), g.variant);
    }),
    { seed: SEED, numRuns: 200, includeErrorInReport: true },
  );
  assert.ok(fixes >= 200 && rulesFixed.size >= 8, `too few fixes exercised (${fixes} of ${rulesFixed.size} rules)`);
});

test('generated policies, then mutated', () => {
  fc.assert(
    fc.property(generatedArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (g, mutations) => {
      checkText(mutations.reduce(mutate, render(g)), g.variant);
    }),
    { seed: SEED, numRuns: 150, includeErrorInReport: true },
  );
});

test('random JSON-ish text and arbitrary strings', () => {
  fc.assert(
    fc.property(fc.oneof(tokenSoup, fc.string({ unit: 'binary', maxLength: 80 }), fc.json({ maxDepth: 3 })), variantArb, (text, variant) => {
      checkText(text, variant);
      checkText(`{"Statement": ${text}}`, variant);
    }),
    { seed: SEED, numRuns: 300, includeErrorInReport: true },
  );
});
