// IAM policies written in TypeScript become the same policy model as JSON: a JSON policy pasted
// into code gets exactly the findings it gets as JSON; CDK PolicyStatements map camelCase keys
// to elements (effect Allow by default, principals, conditions); values are resolved from
// constants and templates; statements that cannot be resolved are left alone; and fixes write
// valid TypeScript (quotes of the file, CDK key names, no edits to computed values).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCodeFix, codeFindingsOf, codeFixesOf, expectCodeClean, expectCodeFindings, lintCodeResult } from '../code-helpers';
import { lint } from '../helpers';

const fixturesDir = join(__dirname, '..', '..', '..', 'test', 'engine', 'fixtures');
const IAM = "import * as iam from 'aws-cdk-lib/aws-iam';\n";

test('a JSON policy pasted into TypeScript gets the same findings, at the same places', () => {
  const prefix = "import { PolicyDocument } from 'aws-cdk-lib/aws-iam';\nexport const doc = PolicyDocument.fromJson(";
  let compared = 0;
  for (const f of readdirSync(fixturesDir).filter((x) => x.endsWith('.json')).sort()) {
    const json = readFileSync(join(fixturesDir, f), 'utf8');
    // Documents that are not valid JSON (messy, syntax problems) are not TypeScript either.
    try {
      JSON.parse(json);
    } catch {
      continue;
    }
    const path = f.includes('scp') ? 'scps/policy.json' : 'policy.json';
    if (path.startsWith('scps/')) continue;
    // policy/size-limit counts JSON characters; code has no JSON text to count.
    const expected = lint(json, { path })
      .filter((x) => x.ruleId !== 'policy/size-limit')
      .map((x) => `${x.ruleId} ${x.span.start + prefix.length} ${x.message}`);
    const actual = codeFindingsOf(undefined, `${prefix}${json});\n`).map((x) => `${x.ruleId} ${x.span.start} ${x.message}`);
    assert.deepEqual(actual, expected, f);
    compared += expected.length;
  }
  assert.ok(compared > 10, `findings compared: ${compared}`);
});

test('a CDK PolicyStatement is checked by the iam/* and bedrock/* rules; effect defaults to Allow', () => {
  expectCodeFindings('iam/wildcard-resource', `${IAM}new iam.PolicyStatement({ actions: ['bedrock:GetGuardrail'], resources: [⟦'*'⟧] });`, [
    '"Resource": "*" applies bedrock:GetGuardrail to every resource, but that action supports resource-level permissions: list the ARNs that are needed instead.',
  ]);
  expectCodeClean('iam/wildcard-resource', `${IAM}new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['bedrock:GetGuardrail'], resources: ['*'] });`);
  expectCodeFindings('iam/wildcard-action', "import { PolicyStatement, Effect } from 'aws-cdk-lib/aws-iam';\nconst s = new PolicyStatement({ effect: Effect.ALLOW, actions: [⟦'bedrock:*'⟧], resources: ['*'] });", [/^"bedrock:\*" allows all \d+ bedrock actions/]);
  expectCodeFindings('iam/wildcard-resource', "import { aws_iam as iam } from 'aws-cdk-lib';\nnew iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [⟦'*'⟧] });", [/s3:GetObject/]);
  // Not CDK: another library's PolicyStatement class is not read.
  expectCodeClean('iam/wildcard-resource', "import { PolicyStatement } from './mine';\nnew PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] });");
});

test('CDK principals and conditions map to Principal and Condition', () => {
  expectCodeFindings(
    'iam/service-principal-without-source',
    `${IAM}bucket.addToResourcePolicy(new iam.PolicyStatement({\n  principals: [new iam.ServicePrincipal(⟦'bedrock.amazonaws.com'⟧)],\n  actions: ['s3:GetObject'],\n  resources: ['arn:aws:s3:::kb-bucket/*'],\n}));`,
    [/^The service principal "bedrock\.amazonaws\.com" is allowed without/],
  );
  expectCodeClean('iam/service-principal-without-source', `${IAM}new iam.PolicyStatement({\n  principals: [new iam.ServicePrincipal('bedrock.amazonaws.com')],\n  actions: ['s3:GetObject'],\n  resources: ['arn:aws:s3:::kb-bucket/*'],\n  conditions: { StringEquals: { 'aws:SourceAccount': '111122223333' } },\n});`);
});

test('constants, spreads of constant arrays and templates are resolved; unresolvable statements are not checked', () => {
  expectCodeFindings('iam/wildcard-resource', `${IAM}const ACTIONS = ['bedrock:GetGuardrail'];\nconst ALL = '*';\nnew iam.PolicyStatement({ actions: [...ACTIONS], resources: [⟦ALL⟧] });`, [/bedrock:GetGuardrail/]);
  // A template with unknown parts still names a foundation model.
  const template = `${IAM}const region = process.env.AWS_REGION;\nexport function grant(modelId: string) {\n  return new iam.PolicyStatement({ actions: ['bedrock:InvokeModel'], resources: [\`arn:aws:bedrock:\${region}::foundation-model/\${modelId}\`] });\n}\n`;
  expectCodeClean('iam/wildcard-resource', template);
  expectCodeClean('iam/resource-type-mismatch', template);
  expectCodeClean('iam/invalid-arn', template);
  // Values that cannot be known: the statement is left alone rather than half-read.
  expectCodeClean('iam/wildcard-resource', `${IAM}new iam.PolicyStatement({ actions: props.actions, resources: ['*'] });`);
  expectCodeClean('iam/service-principal-without-source', `${IAM}new iam.PolicyStatement({ principals: [new iam.ServicePrincipal('bedrock.amazonaws.com')], actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'], conditions: { StringEquals: { 'aws:SourceAccount': this.account } } });`);
  expectCodeClean('iam/wildcard-resource', `${IAM}new iam.PolicyStatement({ ...base, resources: ['*'] });`);
});

test('plain policy objects: documents and lone statements, a shared statement reported once', () => {
  const text = "const invoke = { Effect: 'Allow', Action: 'bedrock:GetGuardrail', Resource: ⟦'*'⟧ };\nexport const a = { Version: '2012-10-17', Statement: [invoke] };\nexport const b = { Version: '2012-10-17', Statement: [invoke] };\n";
  expectCodeFindings('iam/wildcard-resource', text, [/bedrock:GetGuardrail/]);
  expectCodeFindings('policy/missing-version', "await iam.send(new PutRolePolicyCommand({ PolicyDocument: JSON.stringify({ ⟦Statement⟧: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b' }] }) }));", [/^The policy has no "Version"/]);
  // A React-style object with an `effect` key is not a policy.
  assert.deepEqual(codeFindingsOf(undefined, "const style = { effect: 'fade', duration: 3 };\nconst x = { Effect: 'Allow' };\n"), []);
});

test('fixes in code write TypeScript: CDK key names, the file quotes, exact model ARNs', () => {
  const cdk = `${IAM}import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";\nnew ConverseCommand({ modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0", guardrailConfig: g });\nrole.addToPolicy(new iam.PolicyStatement({\n  actions: ["bedrock:InvokeModel"],\n  resources: ["*"],\n}));\n`;
  assert.deepEqual(codeFixesOf('iam/wildcard-resource', cdk).map((f) => f.title), [
    'Replace "*" with the ARNs of the models this file invokes (us.anthropic.claude-3-5-haiku-20241022-v1:0)',
    'Replace "*" with ARNs of foundation-model, inference-profile',
    'Replace "*" with ARNs of every resource type the actions accept (12)',
  ]);
  const fixed = applyCodeFix('iam/wildcard-resource', cdk, { title: /models this file invokes/ });
  assert.equal(
    fixed,
    cdk.replace(
      'resources: ["*"],',
      'resources: [\n    "arn:aws:bedrock:*:${aws:PrincipalAccount}:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",\n    "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",\n    "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",\n    "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"\n  ],',
    ),
  );
  expectCodeClean('bedrock/cross-region-inference-incomplete', fixed);
  // A condition goes in as `conditions`, CDK's key.
  const guardrail = `${IAM}new iam.PolicyStatement({\n  actions: ['bedrock:InvokeModel'],\n  resources: ['arn:aws:bedrock:*::foundation-model/*'],\n});\n`;
  const withCondition = applyCodeFix('bedrock/guardrail-not-enforced', guardrail, {
    settings: { guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456', guardrailVersion: '1' },
    title: /this statement/,
  });
  assert.match(withCondition, /\n {2}conditions: \{\n {4}StringEquals: \{\n {6}'bedrock:GuardrailIdentifier': 'arn:aws:bedrock:us-east-1:111122223333:guardrail\/abc123def456:1'\n {4}\}\n {2}\},\n\}\);\n$/);
});

test('no fix edits a computed value, and a CDK statement is never split in two', () => {
  assert.deepEqual(codeFixesOf('iam/wildcard-resource', `${IAM}const ALL = '*';\nnew iam.PolicyStatement({ actions: ['bedrock:GetGuardrail'], resources: [ALL, 'arn:aws:s3:::b'] });`), []);
  assert.deepEqual(codeFixesOf('iam/wildcard-resource', `${IAM}new iam.PolicyStatement({ actions: ['bedrock:GetGuardrail', 'bedrock:ListFoundationModels'], resources: ['*'] });`), []);
  // A plain document can take the split-off statement.
  const doc = "export const doc = {\n  Version: '2012-10-17',\n  Statement: [\n    { Effect: 'Allow', Action: ['bedrock:GetGuardrail', 'bedrock:ListFoundationModels'], Resource: '*' },\n  ],\n};\n";
  const out = applyCodeFix('iam/wildcard-resource', doc);
  assert.equal(out, doc.replace("Action: ['bedrock:GetGuardrail', 'bedrock:ListFoundationModels'], Resource: '*' },", "Action: ['bedrock:GetGuardrail'], Resource: 'arn:aws:bedrock:*:${aws:PrincipalAccount}:guardrail/*' }, {Effect: 'Allow', Action: 'bedrock:ListFoundationModels', Resource: '*'},"));
  assert.equal(lintCodeResult(out).code?.policies[0].statements.length, 2);
});
