// Unit tests of the engine's infrastructure: Linter (severities, policy kinds, size limit,
// fix-all passes, ordering), PolicyEditor and applyEdits, LineIndex, ARN patterns and parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sharedIamData } from '../../server/src/engine/iam/data';
import { arnMatchesResourceType, arnSyntaxProblem, parseArn, resourceTypesForArn } from '../../server/src/engine/iam/arn';
import { globMatcher, patternsIntersect, tokenizeTemplate, tokenizeUserPattern, type Tok } from '../../server/src/engine/iam/patterns';
import { FILE_TOO_LARGE, Linter, type LintOptions } from '../../server/src/engine/linter';
import { applyEdits, detectIndentUnit, editsOverlap, PolicyEditor } from '../../server/src/engine/fixes';
import { coversAction, entriesMatchAction } from '../../server/src/engine/policy/analysis';
import { parseJsonPolicy } from '../../server/src/engine/policy/json-parser';
import type { Policy } from '../../server/src/engine/policy/model';
import { allRules } from '../../server/src/engine/rules';
import { defineRule, type PolicyRule } from '../../server/src/engine/rules/rule';
import { defaultSettings, effectiveSeverity, isScpPath, kindForPath, type EngineSettings } from '../../server/src/engine/settings';
import { LineIndex } from '../../server/src/engine/text';
import type { Finding, TextEdit } from '../../server/src/engine/types';
import { linter } from '../helpers';

const iam = sharedIamData();

function opts(settings: Partial<EngineSettings> = {}, extra: Partial<LintOptions> = {}): LintOptions {
  return { settings: { ...defaultSettings(), ...settings }, ...extra };
}

const docs = { rationale: 'test rule', references: ['https://example.com'] };

/** A test rule: reports every statement without Sid; its fix inserts `"Sid": "s<index>"` first. */
const needsSid = defineRule({
  meta: { id: 'test/needs-sid', severity: 'warning', description: 'statement needs a Sid', fixable: true, docs },
  check(ctx) {
    for (const st of ctx.policy.statements) if (!st.sid) ctx.report(st.span, 'no Sid', { index: st.index });
  },
  fixes(ctx, finding) {
    const st = ctx.policy.statements[finding.data!.index as number];
    return [{ title: 'Add Sid', edits: [ctx.editor.insertProperty(st.span, st.keys, 'Sid', `s${st.index}`, 'first')], isPreferred: true }];
  },
});

/** A test rule: reports a Sid that is not upper-case; its fix upper-cases it. */
const upperSid = defineRule({
  meta: { id: 'test/upper-sid', severity: 'information', description: 'Sid must be upper-case', fixable: true, docs },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      const v = st.sid?.value;
      if (v && v.value !== v.value.toUpperCase()) ctx.report(v.span, 'lower-case Sid', { index: st.index });
    }
  },
  fixes(ctx, finding) {
    const v = ctx.policy.statements[finding.data!.index as number].sid!.value!;
    return [{ title: 'Upper-case', edits: [ctx.editor.replace(v.span, ctx.editor.literal(v.value.toUpperCase()))], isPreferred: true }];
  },
});

/** A test rule whose fix inserts an Effect first in every statement (collides with needsSid). */
const needsEffect = defineRule({
  meta: { id: 'test/needs-effect', severity: 'warning', description: 'statement needs an Effect', fixable: true, docs },
  check(ctx) {
    for (const st of ctx.policy.statements) if (!st.effect) ctx.report(st.span, 'no Effect', { index: st.index });
  },
  fixes(ctx, finding) {
    const st = ctx.policy.statements[finding.data!.index as number];
    return [{ title: 'Add Effect', edits: [ctx.editor.insertProperty(st.span, st.keys, 'Effect', 'Deny', 'first')], isPreferred: true }];
  },
});

/** A rule whose only fix rewrites the Version with the same text (changes nothing). */
const noop = defineRule({
  meta: { id: 'test/noop', severity: 'hint', description: 'fix that changes nothing', fixable: true, docs },
  check(ctx) {
    if (ctx.policy.version) ctx.report(ctx.policy.version.valueSpan, 'noop');
  },
  fixes(ctx) {
    const v = ctx.policy.version!;
    return [{ title: 'Same', edits: [ctx.editor.replace(v.valueSpan, ctx.text.slice(v.valueSpan.start, v.valueSpan.end))] }];
  },
});

/** A rule whose fix appends to the Id for ever (never converges). */
const growId = defineRule({
  meta: { id: 'test/grow-id', severity: 'hint', description: 'fix that never converges', fixable: true, docs },
  check(ctx) {
    if (ctx.policy.id?.value) ctx.report(ctx.policy.id.valueSpan, 'grow');
  },
  fixes(ctx) {
    const v = ctx.policy.id!.value!;
    return [{ title: 'Grow', edits: [ctx.editor.replace(v.span, ctx.editor.literal(v.value + 'x'))], isPreferred: true }];
  },
});

/** A rule whose fix breaks the JSON. */
const breaker = defineRule({
  meta: { id: 'test/breaker', severity: 'error', description: 'fix that breaks the JSON', fixable: true, docs },
  check(ctx) {
    if (ctx.policy.version) ctx.report(ctx.policy.version.valueSpan, 'break');
  },
  fixes(ctx) {
    return [{ title: 'Break', edits: [{ span: { start: ctx.policy.version!.valueSpan.start, end: ctx.policy.version!.valueSpan.start }, newText: '{' }], isPreferred: true }];
  },
});

/** Reports three findings out of order, two of them on the same span. */
const unordered = defineRule({
  meta: { id: 'test/b-unordered', severity: 'hint', description: 'reports out of order', fixable: false, docs },
  check(ctx) {
    ctx.report({ start: 20, end: 30 }, 'third');
    ctx.report({ start: 5, end: 9 }, 'second');
    ctx.report({ start: 5, end: 7 }, 'first');
  },
});
const sameSpan = defineRule({
  meta: { id: 'test/a-same-span', severity: 'hint', description: 'reports on a span another rule uses', fixable: false, docs },
  check(ctx) {
    ctx.report({ start: 5, end: 9 }, 'same span, earlier id');
  },
});

/** Reports once per policy, only for SCPs. */
const scpOnly = defineRule({
  meta: { id: 'test/scp-only', severity: 'warning', description: 'runs on SCPs only', fixable: false, kinds: ['scp'], docs },
  check(ctx) {
    ctx.report(ctx.policy.span, `kind ${ctx.policy.kind}`);
  },
});

const summary = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.severity} ${f.span.start}-${f.span.end} ${f.message}`);

const noVersion = '{\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }\n  ]\n}';

test('severity overrides change a rule severity, and "off" disables it', () => {
  const f = (severities: EngineSettings['severities']) => summary(linter.lintJson(noVersion, opts({ severities })).findings);
  const message = 'The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.';
  assert.deepEqual(f({}), [`policy/missing-version warning 4-15 ${message}`]);
  assert.deepEqual(f({ 'policy/missing-version': 'error' }), [`policy/missing-version error 4-15 ${message}`]);
  assert.deepEqual(f({ 'policy/missing-version': 'hint' }), [`policy/missing-version hint 4-15 ${message}`]);
  assert.deepEqual(f({ 'policy/missing-version': 'off' }), []);
  assert.equal(effectiveSeverity(defaultSettings(), 'x/y', 'warning'), 'warning');
  assert.equal(effectiveSeverity({ ...defaultSettings(), severities: { 'x/y': 'off' } }, 'x/y', 'warning'), undefined);
  assert.equal(effectiveSeverity({ ...defaultSettings(), severities: { 'x/y': 'information' } }, 'x/y', 'error'), 'information');
});

const withPrincipal = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "bedrock:*", "Resource": "*"}]}';
const withoutPrincipal = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "bedrock:*", "Resource": "*"}]}';

test('the policy kind: resource when a statement has a Principal, else identity; SCP by path glob', () => {
  const kind = (text: string, path?: string, settings: Partial<EngineSettings> = {}) => linter.lintJson(text, opts(settings, { path })).policy?.kind;
  assert.equal(kind(withPrincipal), 'resource');
  assert.equal(kind(withoutPrincipal), 'identity');
  assert.equal(kind(withPrincipal.replace('"Principal"', '"NotPrincipal"')), 'resource');
  assert.equal(kind(withoutPrincipal, 'policies/role.json'), 'identity');
  assert.equal(kind(withoutPrincipal, 'org/scps/deny-regions.json'), 'scp');
  assert.equal(kind(withPrincipal, 'org/scps/deny-regions.json'), 'scp');
  assert.equal(kind(withoutPrincipal, 'deny-scp.json'), 'scp');
  assert.equal(kind(withoutPrincipal, 'a/service-control-policies/b/c.json'), 'scp');
  assert.equal(kind(withoutPrincipal, 'guardrails/x.json'), 'identity');
  assert.equal(kind(withoutPrincipal, 'guardrails/x.json', { scpFiles: ['guardrails/**'] }), 'scp');
  assert.equal(kind(withoutPrincipal, 'org/scps/deny.json', { scpFiles: ['guardrails/**'] }), 'identity');
  assert.equal(isScpPath('org\\scps\\deny.json', defaultSettings().scpFiles), true);
  assert.equal(isScpPath('./scps/deny.json', defaultSettings().scpFiles), true);
  assert.equal(isScpPath('ORG/SCPS/DENY.JSON', defaultSettings().scpFiles), true);
  assert.equal(isScpPath('.hidden/scps/deny.json', defaultSettings().scpFiles), true);
  assert.equal(isScpPath('scps/deny.yaml', defaultSettings().scpFiles), false);
  assert.equal(kindForPath(undefined, defaultSettings()), undefined);
});

test('policyType overrides both the path glob and content detection', () => {
  const kind = (text: string, policyType: Policy['kind'], path?: string) => linter.lintJson(text, opts({}, { path, policyType })).policy?.kind;
  assert.equal(kind(withoutPrincipal, 'scp'), 'scp');
  assert.equal(kind(withoutPrincipal, 'resource'), 'resource');
  assert.equal(kind(withPrincipal, 'identity'), 'identity');
  assert.equal(kind(withoutPrincipal, 'identity', 'org/scps/deny.json'), 'identity');
});

test('rules limited to some kinds run only on those kinds', () => {
  const l = new Linter(iam, [scpOnly]);
  assert.deepEqual(summary(l.lintJson(withoutPrincipal, opts({}, { path: 'scps/a.json' })).findings), ['test/scp-only warning 0-100 kind scp']);
  assert.deepEqual(summary(l.lintJson(withoutPrincipal, opts({}, { path: 'a.json' })).findings), []);
  assert.deepEqual(summary(l.lintJson(withPrincipal, opts({}, { policyType: 'scp' })).findings), ['test/scp-only warning 0-118 kind scp']);
});

test('documents that are not policies give no findings', () => {
  for (const text of ['', '   ', '{}', '[]', '{"Version": "2012-10-17"}', '"Statement"', '{"a": {"Statement": []}}', 'null']) {
    const r = linter.lintJson(text, opts());
    assert.deepEqual({ isPolicy: r.isPolicy, findings: r.findings, policy: r.policy }, { isPolicy: false, findings: [], policy: undefined }, JSON.stringify(text));
  }
  // Half-typed documents that already name Statement are policies.
  assert.deepEqual(summary(linter.lintJson('{"Statement"', opts()).findings), [
    'policy/missing-version warning 1-12 The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.',
    'policy/syntax error 12-12 Colon expected.',
  ]);
  const broken = linter.lintJson('{"Statement": [', opts());
  assert.equal(broken.isPolicy, true);
  assert.deepEqual(summary(broken.findings), [
    'policy/missing-version warning 1-12 The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.',
    'policy/syntax error 15-15 Closing bracket "]" expected.',
  ]);
});

test('a file above maxFileSize is not parsed: one information finding, or nothing when it is no policy', () => {
  const big = '{"Version": "2012-10-17", "Statement": [' + ' '.repeat(1200) + ']}';
  assert.equal(big.length, 1242);
  const r = linter.lintJson(big, opts({ maxFileSize: 1000 }));
  assert.equal(r.isPolicy, true);
  assert.equal(r.policy, undefined);
  assert.deepEqual(r.findings, [
    {
      ruleId: FILE_TOO_LARGE,
      severity: 'information',
      message: 'Not analysed: the file has 1,242 characters, more than the limit of 1,000 (setting bedrockSecurity.maxFileSize).',
      span: { start: 0, end: 0 },
    },
  ]);
  assert.deepEqual(summary(linter.lintJson(big, opts({ maxFileSize: 1000, severities: { [FILE_TOO_LARGE]: 'warning' } })).findings), [
    'policy/file-too-large warning 0-0 Not analysed: the file has 1,242 characters, more than the limit of 1,000 (setting bedrockSecurity.maxFileSize).',
  ]);
  const off = linter.lintJson(big, opts({ maxFileSize: 1000, severities: { [FILE_TOO_LARGE]: 'off' } }));
  assert.deepEqual({ isPolicy: off.isPolicy, findings: off.findings }, { isPolicy: true, findings: [] });
  const notPolicy = linter.lintJson('{"Other": "' + 'x'.repeat(2000) + '"}', opts({ maxFileSize: 1000 }));
  assert.deepEqual({ isPolicy: notPolicy.isPolicy, findings: notPolicy.findings }, { isPolicy: false, findings: [] });
  // At exactly the limit the document is analysed.
  const exact = linter.lintJson(big, opts({ maxFileSize: big.length }));
  assert.deepEqual(summary(exact.findings), []);
  assert.ok(exact.policy);
});

test('findings are sorted by start, then end, then rule id', () => {
  const l = new Linter(iam, [unordered, sameSpan]);
  assert.deepEqual(summary(l.lintJson(withoutPrincipal, opts()).findings), [
    'test/b-unordered hint 5-7 first',
    'test/a-same-span hint 5-9 same span, earlier id',
    'test/b-unordered hint 5-9 second',
    'test/b-unordered hint 20-30 third',
  ]);
});

test('fixesFor rebuilds fixes from a JSON round-tripped finding; rules without fixes give none', () => {
  const l = new Linter(iam, [needsSid, unordered]);
  const text = '{"Statement": [{"Effect": "Allow"}]}';
  const r = l.lintJson(text, opts());
  const wire = r.findings.map((f) => JSON.parse(JSON.stringify(f)) as Finding);
  const sidFinding = wire.find((f) => f.ruleId === 'test/needs-sid')!;
  const fixes = l.fixesFor(r.policy!, text, opts().settings, sidFinding);
  assert.deepEqual(fixes, [{ title: 'Add Sid', isPreferred: true, edits: [{ span: { start: 16, end: 16 }, newText: '\n  "Sid": "s0",' }] }]);
  assert.deepEqual(l.fixesFor(r.policy!, text, opts().settings, wire.find((f) => f.ruleId === 'test/b-unordered')!), []);
  assert.deepEqual(l.fixesFor(r.policy!, text, opts().settings, { ...sidFinding, ruleId: 'test/unknown' }), []);
});

const twoStatements = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": "s3:GetObject"\n    },\n    {\n      "Action": "s3:PutObject"\n    }\n  ]\n}';

test('fixAllJson applies fixes in passes until nothing is left to fix', () => {
  const l = new Linter(iam, [needsSid, upperSid]);
  const out = l.fixAllJson(twoStatements, opts());
  // Pass 1 inserts both Sids, pass 2 upper-cases them, pass 3 finds nothing.
  assert.equal(out.applied, 4);
  assert.equal(
    out.text,
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "S0",\n      "Action": "s3:GetObject"\n    },\n    {\n      "Sid": "S1",\n      "Action": "s3:PutObject"\n    }\n  ]\n}',
  );
  assert.deepEqual(l.lintJson(out.text, opts()).findings, []);
});

test('fixAllJson defers a fix that collides with another to the next pass', () => {
  const l = new Linter(iam, [needsSid, needsEffect]);
  const text = '{\n  "Statement": [\n    {\n      "Action": "s3:GetObject"\n    }\n  ]\n}';
  const out = l.fixAllJson(text, opts());
  assert.equal(out.applied, 2);
  // Both insert at the start of the statement: the Effect rule (sorted first by rule id) wins
  // pass 1, the Sid goes in before it in pass 2.
  assert.equal(out.text, '{\n  "Statement": [\n    {\n      "Sid": "s0",\n      "Effect": "Deny",\n      "Action": "s3:GetObject"\n    }\n  ]\n}');
});

test('fixAllJson honours the filter, stops on edits that change nothing, and on maxPasses', () => {
  const l = new Linter(iam, [needsSid, upperSid]);
  const onlySid = l.fixAllJson(twoStatements, opts(), (f) => f.ruleId === 'test/needs-sid');
  assert.equal(onlySid.applied, 2);
  assert.match(onlySid.text, /"Sid": "s0"[\s\S]*"Sid": "s1"/);

  const unchanged = new Linter(iam, [noop]).fixAllJson(twoStatements, opts());
  assert.deepEqual(unchanged, { text: twoStatements, applied: 0 });

  const withId = '{"Version": "2012-10-17", "Id": "a", "Statement": []}';
  assert.deepEqual(new Linter(iam, [growId]).fixAllJson(withId, opts(), undefined, 3), { text: '{"Version": "2012-10-17", "Id": "axxx", "Statement": []}', applied: 3 });
});

test('fixAllJson refuses edits that break the JSON and leaves text that is not a policy alone', () => {
  const l = new Linter(iam, [breaker]);
  assert.deepEqual(l.fixAllJson(twoStatements, opts()), { text: twoStatements, applied: 0 });
  assert.deepEqual(l.fixAllJson('{"a": 1}', opts()), { text: '{"a": 1}', applied: 0 });
  // Real rules: the missing Version is inserted.
  assert.deepEqual(linter.fixAllJson(noVersion, opts()), {
    text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }\n  ]\n}',
    applied: 1,
  });
});

/** Applies `insertProperty` to the first statement (or to the policy when `top`). */
function insert(text: string, where: 'first' | 'last', top = false): string {
  const policy = parseJsonPolicy(text)!;
  const editor = new PolicyEditor(text, 'json');
  if (top) return applyEdits(text, [editor.insertProperty(policy.span, policy.keys, 'Version', '2012-10-17', where)]);
  const st = policy.statements[0];
  return applyEdits(text, [editor.insertProperty(st.span, st.keys, 'Resource', ['a', 'b'], where)]);
}

test('insertProperty with two-space indentation', () => {
  const text = '{\n  "Statement": [\n    {\n      "Effect": "Allow"\n    }\n  ]\n}';
  assert.equal(insert(text, 'first'), '{\n  "Statement": [\n    {\n      "Resource": [\n        "a",\n        "b"\n      ],\n      "Effect": "Allow"\n    }\n  ]\n}');
  assert.equal(insert(text, 'last'), '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Resource": [\n        "a",\n        "b"\n      ]\n    }\n  ]\n}');
  assert.equal(insert(text, 'first', true), '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow"\n    }\n  ]\n}');
  assert.equal(insert(text, 'last', true), '{\n  "Statement": [\n    {\n      "Effect": "Allow"\n    }\n  ],\n  "Version": "2012-10-17"\n}');
});

test('insertProperty with four-space indentation', () => {
  const text = '{\n    "Statement": [\n        {\n            "Effect": "Allow"\n        }\n    ]\n}';
  assert.equal(insert(text, 'first'), '{\n    "Statement": [\n        {\n            "Resource": [\n                "a",\n                "b"\n            ],\n            "Effect": "Allow"\n        }\n    ]\n}');
  assert.equal(insert(text, 'last'), '{\n    "Statement": [\n        {\n            "Effect": "Allow",\n            "Resource": [\n                "a",\n                "b"\n            ]\n        }\n    ]\n}');
  assert.equal(insert(text, 'first', true), '{\n    "Version": "2012-10-17",\n    "Statement": [\n        {\n            "Effect": "Allow"\n        }\n    ]\n}');
});

test('insertProperty with tab indentation', () => {
  const text = '{\n\t"Statement": [\n\t\t{\n\t\t\t"Effect": "Allow"\n\t\t}\n\t]\n}';
  assert.equal(insert(text, 'first'), '{\n\t"Statement": [\n\t\t{\n\t\t\t"Resource": [\n\t\t\t\t"a",\n\t\t\t\t"b"\n\t\t\t],\n\t\t\t"Effect": "Allow"\n\t\t}\n\t]\n}');
  assert.equal(insert(text, 'last'), '{\n\t"Statement": [\n\t\t{\n\t\t\t"Effect": "Allow",\n\t\t\t"Resource": [\n\t\t\t\t"a",\n\t\t\t\t"b"\n\t\t\t]\n\t\t}\n\t]\n}');
  assert.equal(insert(text, 'last', true), '{\n\t"Statement": [\n\t\t{\n\t\t\t"Effect": "Allow"\n\t\t}\n\t],\n\t"Version": "2012-10-17"\n}');
});

test('insertProperty into single-line JSON keeps it valid (new lines use the default two spaces)', () => {
  const text = '{"Statement": [{"Effect": "Allow"}]}';
  assert.equal(insert(text, 'first'), '{"Statement": [{\n  "Resource": [\n    "a",\n    "b"\n  ],"Effect": "Allow"}]}');
  assert.equal(insert(text, 'last'), '{"Statement": [{"Effect": "Allow",\n  "Resource": [\n    "a",\n    "b"\n  ]}]}');
  assert.equal(insert(text, 'first', true), '{\n  "Version": "2012-10-17","Statement": [{"Effect": "Allow"}]}');
  for (const where of ['first', 'last'] as const) {
    assert.doesNotThrow(() => JSON.parse(insert(text, where)));
    assert.doesNotThrow(() => JSON.parse(insert(text, where, true)));
  }
});

test('insertProperty into an empty object puts the property on its own line and closes at the object indentation', () => {
  const text = '{\n  "Statement": [\n    {}\n  ]\n}';
  const expected = '{\n  "Statement": [\n    {\n      "Resource": [\n        "a",\n        "b"\n      ]\n    }\n  ]\n}';
  assert.equal(insert(text, 'first'), expected);
  assert.equal(insert(text, 'last'), expected);
  const oneLine = '{"Statement": {}}';
  const p = parseJsonPolicy(oneLine)!;
  const e = new PolicyEditor(oneLine, 'json');
  assert.equal(applyEdits(oneLine, [e.insertProperty(p.statements[0].span, [], 'Effect', 'Deny')]), '{"Statement": {\n  "Effect": "Deny"\n}}');
});

test('removeProperty removes the first, a middle and the last property with the right comma', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Id": "x",\n  "Statement": []\n}';
  const p = parseJsonPolicy(text)!;
  const e = new PolicyEditor(text, 'json');
  const remove = (i: number) => applyEdits(text, [e.removeProperty(p.keys[i], p.keys)]);
  assert.equal(remove(0), '{\n  "Id": "x",\n  "Statement": []\n}');
  assert.equal(remove(1), '{\n  "Version": "2012-10-17",\n  "Statement": []\n}');
  assert.equal(remove(2), '{\n  "Version": "2012-10-17",\n  "Id": "x"\n}');
  const only = '{"Statement": {"Effect": "Allow"}}';
  const q = parseJsonPolicy(only)!;
  assert.equal(applyEdits(only, [new PolicyEditor(only, 'json').removeProperty(q.statements[0].keys[0], q.statements[0].keys)]), '{"Statement": {}}');
});

test('PolicyEditor writes JSON and TypeScript literals and nested values', () => {
  const json = new PolicyEditor('', 'json');
  assert.equal(json.literal('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(json.keyText('Effect'), '"Effect"');
  assert.equal(json.format({ a: [], b: {}, c: null, d: true, e: [{ x: 1 }] }, ''), '{\n  "a": [],\n  "b": {},\n  "c": null,\n  "d": true,\n  "e": [\n    {\n      "x": 1\n    }\n  ]\n}');
  const ts = new PolicyEditor('', 'typescript');
  assert.equal(ts.literal("it's\n\\"), "'it\\'s\\n\\\\'");
  assert.equal(ts.format({ Effect: 'Allow', 'aws:SourceVpce': ["it's"], n: [1, 'a'] }, '  '), "{\n    Effect: 'Allow',\n    'aws:SourceVpce': ['it\\'s'],\n    n: [\n      1,\n      'a'\n    ]\n  }");
  const four = new PolicyEditor('{\n    "Version": "2012-10-17"\n}', 'json');
  assert.deepEqual(four.replaceValue({ start: 17, end: 29 }, ['x', 'y']), { span: { start: 17, end: 29 }, newText: '[\n        "x",\n        "y"\n    ]' });
  assert.deepEqual(four.renameKey({ name: 'version', span: { start: 6, end: 15 }, propertySpan: { start: 6, end: 29 } }, 'Version'), { span: { start: 6, end: 15 }, newText: '"Version"' });
});

test('detectIndentUnit reads the first indented line', () => {
  assert.deepEqual(['{\n   "a"', '{\n      "a"', '{\n "a"', '{"a"', '{\n\t"a"', '\n\n  x'].map(detectIndentUnit), ['   ', '    ', '  ', '  ', '\t', '  ']);
});

test('applyEdits applies unordered edits and throws on overlap; editsOverlap treats a shared insertion point as overlap', () => {
  const e = (start: number, end: number, newText: string): TextEdit => ({ span: { start, end }, newText });
  assert.equal(applyEdits('abcdef', [e(4, 6, 'X'), e(0, 1, ''), e(2, 2, '-')]), 'b-cdX');
  assert.equal(applyEdits('abc', [e(1, 1, 'x'), e(1, 1, 'y')]), 'axybc');
  assert.equal(applyEdits('abc', []), 'abc');
  assert.throws(() => applyEdits('abcdef', [e(0, 3, 'x'), e(2, 4, 'y')]), /overlapping edits/);
  assert.throws(() => applyEdits('abcdef', [e(1, 5, 'x'), e(2, 2, 'y')]), /overlapping edits/);
  assert.equal(editsOverlap([e(0, 3, '')], [e(2, 4, '')]), true);
  assert.equal(editsOverlap([e(0, 2, '')], [e(2, 4, '')]), false);
  assert.equal(editsOverlap([e(2, 2, 'a')], [e(2, 2, 'b')]), true);
  assert.equal(editsOverlap([e(0, 2, '')], [e(2, 2, 'b')]), true);
  assert.equal(editsOverlap([e(0, 1, '')], [e(3, 3, 'b')]), false);
});

test('LineIndex handles CRLF, CR and LF line breaks', () => {
  const li = new LineIndex('a\r\nb\rc\nd');
  assert.equal(li.lineCount, 4);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1].map((o) => li.positionAt(o)),
    [
      { line: 0, character: 0 },
      { line: 0, character: 1 },
      { line: 0, character: 2 },
      { line: 1, character: 0 },
      { line: 1, character: 1 },
      { line: 2, character: 0 },
      { line: 2, character: 1 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
      { line: 3, character: 1 },
      { line: 0, character: 0 },
    ],
  );
  assert.deepEqual(
    [
      { line: 0, character: 0 },
      { line: 0, character: 1 },
      { line: 0, character: 99 },
      { line: 1, character: 5 },
      { line: 2, character: 1 },
      { line: 2, character: -4 },
      { line: 3, character: 9 },
      { line: 9, character: 0 },
      { line: -1, character: 3 },
    ].map((p) => li.offsetAt(p)),
    [0, 1, 1, 4, 6, 5, 8, 8, 0],
  );
  assert.deepEqual(li.rangeOf({ start: 1, end: 6 }), { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } });
  assert.deepEqual(li.spanOf({ start: { line: 1, character: 0 }, end: { line: 3, character: 1 } }), { start: 3, end: 8 });
  assert.equal(new LineIndex('').lineCount, 1);
  assert.equal(new LineIndex('x\n').lineCount, 2);
  assert.equal(new LineIndex('\r\n\r\n').lineCount, 3);
});

test('LineIndex counts UTF-16 code units, so a surrogate pair is two characters', () => {
  const text = '{"a": "😀x",\n "😀": 1}';
  const li = new LineIndex(text);
  assert.equal(text.indexOf('x'), 9);
  assert.deepEqual(li.positionAt(9), { line: 0, character: 9 });
  assert.deepEqual(li.positionAt(text.indexOf('": 1')), { line: 1, character: 4 });
  assert.equal(li.offsetAt({ line: 1, character: 4 }), text.indexOf('": 1'));
  assert.deepEqual(li.rangeOf({ start: 7, end: 9 }), { start: { line: 0, character: 7 }, end: { line: 0, character: 9 } });
  assert.equal(li.indentAt(text.indexOf('1}')), ' ');
  assert.equal(new LineIndex('\t\t"x"').indentAt(3), '\t\t');
});

test('globMatcher matches IAM wildcards, case-insensitively for actions and exactly for ARNs', () => {
  assert.equal(globMatcher('bedrock:Invoke*', true).test('bedrock:invokemodel'), true);
  assert.equal(globMatcher('bedrock:Invoke*', false).test('bedrock:invokemodel'), false);
  assert.equal(globMatcher('s3:Get?bject', true).test('s3:GetObject'), true);
  assert.equal(globMatcher('s3:Get?bject', true).test('s3:GetObbject'), false);
  assert.equal(globMatcher('a.b(c)', false).test('a.b(c)'), true);
  assert.equal(globMatcher('a.b', false).test('axb'), false);
  assert.equal(globMatcher('arn:*', false).test('arn:x\ny'), true);
});

test('tokenizers: policy variables, escapes, and template variables before and after the resource part', () => {
  assert.deepEqual(tokenizeUserPattern('a${*}${aws:username}*?${?}${$}'), [
    { t: 'c', c: 'a' },
    { t: 'c', c: '*' },
    { t: 'any' },
    { t: 'any' },
    { t: 'one' },
    { t: 'c', c: '?' },
    { t: 'c', c: '$' },
  ]);
  assert.deepEqual(tokenizeUserPattern('${unclosed'), [...'${unclosed'].map((c) => ({ t: 'c', c })));
  assert.deepEqual(tokenizeTemplate('a:${P}:b:${R}:${A}:t/${Id}'), [
    { t: 'c', c: 'a' },
    { t: 'c', c: ':' },
    { t: 'segVar' },
    { t: 'c', c: ':' },
    { t: 'c', c: 'b' },
    { t: 'c', c: ':' },
    { t: 'segVar' },
    { t: 'c', c: ':' },
    { t: 'segVar' },
    { t: 'c', c: ':' },
    { t: 'c', c: 't' },
    { t: 'c', c: '/' },
    { t: 'var' },
  ]);
});

test('patternsIntersect', () => {
  const uu = (a: string, b: string) => patternsIntersect(tokenizeUserPattern(a), tokenizeUserPattern(b));
  const ut = (a: string, b: string) => patternsIntersect(tokenizeUserPattern(a), tokenizeTemplate(b));
  assert.equal(uu('abc', 'abc'), true);
  assert.equal(uu('abc', 'abd'), false);
  assert.equal(uu('a*c', '*b*'), true);
  assert.equal(uu('a*', '*b'), true);
  assert.equal(uu('a*', 'b*'), false);
  assert.equal(uu('a?c', 'abc'), true);
  assert.equal(uu('a?c', 'ac'), false);
  assert.equal(uu('*', ''), true);
  assert.equal(uu('?', ''), false);
  assert.equal(uu('${aws:username}', 'anything'), true);
  assert.equal(uu('${*}', 'x'), false);
  assert.equal(uu('${*}', '*'), true);
  assert.equal(uu('a${?}', 'a?'), true);
  assert.equal(uu('a${?}', 'ab'), false);
  // A template variable is one or more characters.
  assert.equal(ut('arn:aws:s:::x/', 'arn:aws:s:::x/${Id}'), false);
  assert.equal(ut('arn:aws:s:::x/a', 'arn:aws:s:::x/${Id}'), true);
  assert.equal(ut('arn:aws:s:::x/a/b:c', 'arn:aws:s:::x/${Id}'), true);
  assert.equal(ut('arn:aws:s:::x/*', 'arn:aws:s:::x/${Id}'), true);
  assert.equal(ut('arn:aws:s:a:b:c', 'arn:aws:s:${R}:${A}:c'), true);
  assert.equal(ut('arn:aws:s:a:b:x:c', 'arn:aws:s:${R}:${A}:c'), false);
  // Variables before the fifth colon (partition, region, account) never hold a colon.
  const accessPoint = 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}';
  assert.equal(ut('arn:aws:s3:::bucket/*', accessPoint), false);
  assert.equal(ut('arn:aws:s3:::*', accessPoint), false);
  assert.equal(ut('arn:aws:s3:us-east-1:111122223333:accesspoint/ap', accessPoint), true);
  assert.equal(ut('arn:aws:s3:*:*:accesspoint/*', accessPoint), true);
  assert.equal(ut('arn:aws:s3:us-east-1::accesspoint/ap', accessPoint), false);
  assert.equal(ut('arn:aws:s3:*', accessPoint), true);
  const fm = 'arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}';
  assert.equal(ut('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3', fm), true);
  assert.equal(ut('arn:aws:bedrock:us-east-1:111122223333:foundation-model/anthropic.claude-3', fm), false);
  assert.equal(ut('arn:aws:bedrock:*::foundation-model/*', fm), true);
  assert.equal(ut('arn:aws:bedrock:us-east-1::foundation-model/', fm), false);
});

test('patternsIntersect agrees with a brute-force search for a common string (differential, fixed seed)', () => {
  // A shortest common string has at most one character per single-character token of either
  // side, so every string over {a, b, :} up to the total token count is enough to decide.
  const tokArb = fc.constantFrom<Tok>({ t: 'c', c: 'a' }, { t: 'c', c: 'b' }, { t: 'c', c: ':' }, { t: 'any' }, { t: 'one' }, { t: 'var' }, { t: 'segVar' });
  const regexOf = (toks: Tok[]) => new RegExp('^' + toks.map((t) => (t.t === 'c' ? t.c : t.t === 'any' ? '.*' : t.t === 'one' ? '.' : t.t === 'var' ? '.+' : '[^:]+')).join('') + '$');
  const strings = (max: number): string[] => {
    const out = [''];
    for (let len = 1, level = ['']; len <= max; len++) {
      level = level.flatMap((s) => ['a', 'b', ':'].map((c) => s + c));
      out.push(...level);
    }
    return out;
  };
  const byLength = [0, 1, 2, 3, 4, 5, 6].map(strings);
  fc.assert(
    fc.property(fc.array(tokArb, { maxLength: 3 }), fc.array(tokArb, { maxLength: 3 }), (a, b) => {
      const ra = regexOf(a);
      const rb = regexOf(b);
      const expected = byLength[a.length + b.length].some((s) => ra.test(s) && rb.test(s));
      assert.equal(patternsIntersect(a, b), expected);
      assert.equal(patternsIntersect(b, a), expected);
    }),
    { seed: 20260926, numRuns: 500 },
  );
});

test('patternsIntersect handles very long strings without recursion', () => {
  const long = 'arn:aws:s3:::' + 'a'.repeat(50_000);
  assert.equal(patternsIntersect(tokenizeUserPattern(long), tokenizeTemplate('arn:${Partition}:s3:::${BucketName}')), true);
  assert.equal(patternsIntersect(tokenizeUserPattern(long + ':'), tokenizeTemplate('arn:${Partition}:s3:${Region}:${Account}:job/${JobId}')), false);
});

test('parseArn splits six parts, keeps colons of the resource, and skips colons inside policy variables', () => {
  assert.deepEqual(parseArn('arn:aws:s3:::bucket/key:with:colons'), { partition: 'aws', service: 's3', region: '', account: '', resource: 'bucket/key:with:colons' });
  assert.deepEqual(parseArn('arn:aws:iam::${aws:PrincipalAccount}:role/x'), { partition: 'aws', service: 'iam', region: '', account: '${aws:PrincipalAccount}', resource: 'role/x' });
  assert.deepEqual(parseArn('arn:aws-cn:bedrock:cn-north-1:111122223333:agent-alias/A/B'), {
    partition: 'aws-cn',
    service: 'bedrock',
    region: 'cn-north-1',
    account: '111122223333',
    resource: 'agent-alias/A/B',
  });
  assert.equal(parseArn('arn:aws:s3'), undefined);
  assert.equal(parseArn('arn:aws:s3::'), undefined);
  assert.equal(parseArn('ARN:aws:s3:::b'), undefined);
  assert.equal(parseArn('*'), undefined);
});

test('arnSyntaxProblem names what is wrong with an ARN', () => {
  const cases: [string, string | undefined][] = [
    ['arn:aws:s3:::b', undefined],
    ['arn:aws', 'an ARN has six parts: arn:partition:service:region:account-id:resource'],
    ['arn:foo:s3:::b', '"foo" is not an AWS partition'],
    ['arn:aws::::x', 'the service part is empty'],
    ['arn:aws:s3:::', 'the resource part is empty'],
    ['arn:aws:iam::12345:role/x', '"12345" is not a 12-digit account id'],
    ['arn:aws:iam::*:role/x', undefined],
    ['arn:aws:iam::1111222233*:role/x', undefined],
    ['arn:aws:iam::?:role/x', undefined],
    ['arn:aws:iam::1x*:role/x', '"1x*" is not a 12-digit account id'],
    ['arn:aws:iam::1111222233334:role/x', '"1111222233334" is not a 12-digit account id'],
    ['arn:aws:iam::${aws:PrincipalAccount}:role/x', undefined],
    ['arn:aws-cn:iam::aws:policy/x', undefined],
    ['arn:a*:s3:::b', undefined],
    ['arn:aws-iso-b:s3:::b', undefined],
    ['arn:aws-us-gov:s3:::b', undefined],
    ['arn:${aws:partition}:s3:::b', undefined],
  ];
  for (const [arn, problem] of cases) assert.equal(arnSyntaxProblem(arn), problem, arn);
  // Long runs of wildcards and digits (this once took seconds: a backtracking regular expression).
  const long = '*1'.repeat(50_000);
  assert.equal(arnSyntaxProblem(`arn:aws:iam::${long}x:role/x`), `"${long}x" is not a 12-digit account id`);
  assert.equal(arnSyntaxProblem(`arn:aws:iam::${long}:role/x`), undefined);
});

test('resourceTypesForArn finds the resource types an ARN can name', () => {
  const keys = (arn: string) => resourceTypesForArn(iam, arn).map((r) => r.key);
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0'), ['foundation-model']);
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT1/ALIAS1'), ['agent-alias']);
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123'), ['guardrail']);
  assert.deepEqual(keys('arn:aws:s3:::bucket'), ['bucket']);
  // A bucket name holds no `/`, so `bucket/*` names objects only.
  assert.deepEqual(keys('arn:aws:s3:::bucket/*'), ['object']);
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1:111122223333:nothing/x'), []);
  assert.deepEqual(keys('arn:aws:nosuchservice:::x'), []);
  assert.deepEqual(keys('arn:aws:*:::x'), []);
  assert.deepEqual(keys('not an arn'), []);
  assert.ok(keys('arn:aws:bedrock:*:*:*').length > 30);
  const fm = iam.resourceType('bedrock', 'foundation-model')!;
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:us-east-1::foundation-model/x', fm), true);
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:us-east-1:111122223333:foundation-model/x', fm), false);
  // Cached: the same array for the same ARN.
  assert.equal(resourceTypesForArn(iam, 'arn:aws:s3:::bucket'), resourceTypesForArn(iam, 'arn:aws:s3:::bucket'));
});

test('coversAction: exact names, wildcards in the action and the service part, NotAction by exclusion', () => {
  const statement = (element: string, value: unknown) => parseJsonPolicy(JSON.stringify({ Statement: [{ Effect: 'Allow', [element]: value, Resource: '*' }] }))!.statements[0];
  const st = statement('Action', ['bedrock:InvokeModel', 'ec2:Describe*', 's3:Get?bject', '*:List*', 'iam*']);
  const covered = ['bedrock:InvokeModel', 'BEDROCK:invokemodel', 'ec2:DescribeInstances', 'ec2:describeimages', 's3:GetObject', 'sqs:ListQueues', 'iamx:Anything'];
  const notCovered = ['bedrock:InvokeModelWithResponseStream', 'ec2:RunInstances', 's3:GetObjectAcl', 'sqs:SendMessage', 'ec2Describe', ''];
  assert.deepEqual(covered.filter((a) => coversAction(st, a)), covered);
  assert.deepEqual(notCovered.filter((a) => coversAction(st, a)), []);
  assert.equal(coversAction(statement('Action', '*'), 'anything:AtAll'), true);
  assert.equal(coversAction(statement('Action', 'bedrock:*'), 'bedrock:InvokeModel'), true);
  assert.equal(coversAction(statement('Action', 'bedrock:*'), 's3:GetObject'), false);
  assert.equal(coversAction(statement('NotAction', 'bedrock:*'), 'bedrock:InvokeModel'), false);
  assert.equal(coversAction(statement('NotAction', 'bedrock:*'), 's3:GetObject'), true);
  assert.equal(coversAction(statement('Resource', '*'), 's3:GetObject'), false);
  assert.equal(entriesMatchAction([], 's3:GetObject'), false);
});

test('a rule that throws loses only its own findings; the error is handed to onRuleError', () => {
  const boom: PolicyRule = {
    meta: { ...allRules[0].meta, id: 'policy/boom' },
    check(ctx) {
      ctx.report({ start: 0, end: 1 }, 'half-reported');
      throw new Error('bug');
    },
  };
  const errors: string[] = [];
  const l = new Linter(sharedIamData(), [boom, ...allRules], (id, e) => errors.push(`${id}: ${(e as Error).message}`));
  const text = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}';
  const ids = l.lintJson(text, { settings: defaultSettings() }).findings.map((f) => f.ruleId);
  assert.deepEqual(errors, ['policy/boom: bug']);
  assert.ok(!ids.includes('policy/boom'));
  assert.ok(ids.includes('policy/missing-version'));
});
