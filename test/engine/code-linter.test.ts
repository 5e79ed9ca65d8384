// The engine's entry points for code: which files are analysed (languages, the pre-filter, the
// codeAnalysis setting, maxFileSize), the codeAnalysis config key, the boundary of engine/code
// (no I/O, no front end), and the Regions SCPs leave open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeLanguageOfPath, isCodePath, mayContainFindings } from '../../server/src/engine/code/languages';
import { parseJsonPolicy } from '../../server/src/engine/policy/json-parser';
import { scpAllowedRegions } from '../../server/src/engine/policy/scp-regions';
import { allRules } from '../../server/src/engine/rules';
import { defaultSettings, mergeConfig } from '../../server/src/engine/settings';
import { codeFindingsOf, lintCodeResult } from '../code-helpers';

const root = join(__dirname, '..', '..', '..');
const UNGUARDED = "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nnew ConverseCommand({ modelId: 'm' });\n";

test('code files by name: TypeScript and JavaScript, never declarations or minified bundles', () => {
  assert.deepEqual(
    ['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'A.TS', 'a.d.ts', 'a.d.mts', 'a.min.js', 'a.json', 'a.ts.bak'].map((f) => codeLanguageOfPath(f) ?? '-'),
    ['typescript', 'typescriptreact', 'typescript', 'typescript', 'javascript', 'javascriptreact', 'javascript', 'javascript', 'typescript', '-', '-', '-', '-', '-'],
  );
  assert.equal(isCodePath('src/x.d.ts'), false);
});

test('the pre-filter lets through Bedrock code, policies and access keys, and nothing else', () => {
  for (const yes of ["import x from '@aws-sdk/client-bedrock-runtime'", 'new BedrockRuntimeClient()', 'AWS_BEARER_TOKEN_BEDROCK', 'new iam.PolicyStatement({})', 'PolicyDocument.fromJson(d)', "{ Effect: 'Allow' }", '{ "Effect": "Deny" }', "{ effect: iam.Effect.DENY }", "'AKIA2JXQ7HZ3M5KD4W6P'"]) {
    assert.equal(mayContainFindings(yes), true, yes);
  }
  for (const no of ['useEffect(() => {}, [])', 'const sideEffect = 1;', "import React from 'react';", 'export const x = 42;', 'AKIA-not-a-key']) {
    assert.equal(mayContainFindings(no), false, no);
  }
  // Not parsed at all: no code model in the result.
  assert.equal(lintCodeResult('export const x = 1;\nfunction f( {').code, undefined);
});

test('codeAnalysis.enabled false turns code analysis off; maxFileSize holds for code as for JSON', () => {
  assert.equal(codeFindingsOf('sdk/missing-guardrail', UNGUARDED).length, 1);
  assert.deepEqual(codeFindingsOf(undefined, UNGUARDED, { settings: { codeAnalysis: false } }), []);
  const big = UNGUARDED + '// padding\n'.repeat(200);
  const [only, ...rest] = codeFindingsOf(undefined, big, { settings: { maxFileSize: 1000 } });
  assert.deepEqual(rest, []);
  assert.equal(only.ruleId, 'policy/file-too-large');
  assert.equal(only.message, `Not analysed: the file has ${big.length.toLocaleString('en-US')} characters, more than the limit of 1,000 (setting bedrockSecurity.maxFileSize).`);
  // A large file that cannot hold a finding is skipped silently, as large JSON without "Statement".
  assert.deepEqual(codeFindingsOf(undefined, 'export const x = 1;\n'.repeat(200), { settings: { maxFileSize: 1000 } }), []);
});

test('the codeAnalysis key of .bedrock-security.json', () => {
  const known = new Set(allRules.map((r) => r.meta.id));
  assert.equal(mergeConfig(defaultSettings(), { codeAnalysis: { enabled: false } }, known).settings.codeAnalysis, false);
  assert.equal(defaultSettings().codeAnalysis, true);
  for (const bad of [{ codeAnalysis: false }, { codeAnalysis: { enabled: 'no' } }, { codeAnalysis: { enabled: true, extra: 1 } }]) {
    const r = mergeConfig(defaultSettings(), bad, known);
    assert.deepEqual(r.problems.map((p) => p.message), ['"codeAnalysis" must be an object such as { "enabled": true }'], JSON.stringify(bad));
    assert.equal(r.settings.codeAnalysis, true);
  }
});

test('engine/code does no I/O: it imports no node: module and reads other files only through ModuleResolver', () => {
  const dir = join(root, 'server', 'src', 'engine', 'code');
  const offending: string[] = [];
  for (const f of readdirSync(dir)) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:from\s*|require\s*\(\s*)['"]((?:node:)?(?:fs|path|child_process|os|worker_threads|net|http|https)(?:\/[a-z]+)?)['"]/g)) offending.push(`${f}: ${m[1]}`);
  }
  assert.deepEqual(offending, []);
});

test('the Regions SCPs leave open: Deny outside a list, intersected across statements, wildcards kept', () => {
  const scp = (regions: string[], extra: Record<string, unknown> = {}) =>
    parseJsonPolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } }, ...extra }] }), 'scp')!;
  assert.deepEqual(scpAllowedRegions([scp(['us-east-1', 'eu-west-1'])]), ['eu-west-1', 'us-east-1']);
  assert.deepEqual(scpAllowedRegions([scp(['eu-*', 'us-east-1']), scp(['eu-west-1', 'us-east-1', 'ap-south-1'])]), ['eu-west-1', 'us-east-1']);
  assert.deepEqual(scpAllowedRegions([scp(['eu-west-1', 'us-east-1', 'ap-south-1']), scp(['eu-*', 'us-east-1'])]), ['eu-west-1', 'us-east-1']);
  // Not a Region restriction: an Allow, a condition on another key, actions that do not include Bedrock.
  assert.equal(scpAllowedRegions([parseJsonPolicy('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', 'scp')!]), undefined);
  assert.equal(scpAllowedRegions([scp(['us-east-1'], { Action: 's3:*' })]), undefined);
  assert.equal(scpAllowedRegions([scp(['us-east-1'], { Condition: { StringNotEquals: { 'aws:PrincipalAccount': ['111122223333'] } } })]), undefined);
  // Identity policies are not SCPs.
  assert.equal(scpAllowedRegions([parseJsonPolicy(JSON.stringify({ Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } } }] }), 'identity')!]), undefined);
});
