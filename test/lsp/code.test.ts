// Code analysis over the real protocol: diagnostics and quick fixes for TypeScript and
// JavaScript documents (open and untitled), policies written with the CDK, fix-all on code, the
// workspace scan of code files (relative imports from disk, .d.ts and node_modules skipped, SCP
// Regions), importers re-linted when an open module changes, and the codeAnalysis.enabled setting.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { docsUrl } from '../../server/src/engine/rules/docs-url';
import { applyLspEdits, editsFor, fileUri, LspTestClient, ofRule } from './lsp-client';

const CONVERSE = "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n\nconst client = new BedrockRuntimeClient({});\n\nexport async function ask(text: string) {\n  return client.send(new ConverseCommand({\n    modelId: 'amazon.nova-lite-v1:0',\n    messages: [{ role: 'user', content: [{ text }] }],\n  }));\n}\n";
const CONVERSE_FIXED = CONVERSE.replace(
  "content: [{ text }] }],\n",
  "content: [{ text }] }],\n    guardrailConfig: {\n      guardrailIdentifier: process.env.BEDROCK_GUARDRAIL_ID,\n      guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION\n    },\n",
);
const MISSING = 'Converse without a guardrail: prompts and responses are not filtered. Add guardrailConfig.';

function makeFolder(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-lsp-code-')));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

describe('code documents', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  test('an open TypeScript document gets the exact sdk/missing-guardrail diagnostic', async () => {
    const uri = 'file:///virtual/code/chat.ts';
    await client.open(uri, CONVERSE, 3, 'typescript');
    const p = await client.waitForDiagnostics(uri);
    assert.equal(p.version, 3);
    assert.deepEqual(ofRule(p, 'sdk/missing-guardrail'), [
      {
        range: { start: { line: 5, character: 25 }, end: { line: 5, character: 40 } },
        severity: 2,
        source: 'bedrock-security',
        code: 'sdk/missing-guardrail',
        codeDescription: { href: docsUrl('sdk/missing-guardrail') },
        message: MISSING,
        data: { ruleId: 'sdk/missing-guardrail', data: { call: 0, command: 'ConverseCommand' }, version: 3 },
      },
    ]);
    assert.equal(CONVERSE.split('\n')[5].slice(25, 40), 'ConverseCommand');
  });

  test('its quick fix inserts the guardrail; source.fixAll does the same', async () => {
    const uri = 'file:///virtual/code/fix.ts';
    await client.open(uri, CONVERSE, 1, 'typescript');
    const p = await client.waitForDiagnostics(uri);
    const [d] = ofRule(p, 'sdk/missing-guardrail');
    const actions = await client.codeActions(uri, d.range, { diagnostics: [d] });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Add guardrailConfig (BEDROCK_GUARDRAIL_ID and BEDROCK_GUARDRAIL_VERSION)', 'quickfix', true]]);
    assert.equal(applyLspEdits(CONVERSE, editsFor(actions[0].edit, uri)), CONVERSE_FIXED);
    const all = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(all.length, 1);
    assert.equal(applyLspEdits(CONVERSE, editsFor(all[0].edit, uri)), CONVERSE_FIXED);
  });

  test('a CDK statement gets the same iam/* diagnostics as JSON, and fixes that keep it TypeScript', async () => {
    const uri = 'file:///virtual/code/stack.ts';
    const text = "import * as iam from 'aws-cdk-lib/aws-iam';\n\nexport const invoke = new iam.PolicyStatement({\n  actions: ['bedrock:InvokeModel'],\n  resources: ['*'],\n});\n";
    await client.open(uri, text, 1, 'typescript');
    const p = await client.waitForDiagnostics(uri);
    const [d] = ofRule(p, 'iam/wildcard-resource');
    assert.deepEqual(d.range, { start: { line: 4, character: 14 }, end: { line: 4, character: 17 } });
    const actions = await client.codeActions(uri, d.range, { diagnostics: [d] });
    assert.equal(actions[0].title, 'Replace "*" with ARNs of foundation-model, inference-profile');
    assert.equal(
      applyLspEdits(text, editsFor(actions[0].edit, uri)),
      "import * as iam from 'aws-cdk-lib/aws-iam';\n\nexport const invoke = new iam.PolicyStatement({\n  actions: ['bedrock:InvokeModel'],\n  resources: [\n    'arn:aws:bedrock:*::foundation-model/*',\n    'arn:aws:bedrock:*:${aws:PrincipalAccount}:inference-profile/*'\n  ],\n});\n",
    );
  });

  test('an untitled JavaScript document is analysed by its language id; a file without Bedrock code gets nothing', async () => {
    const uri = 'untitled:Untitled-1';
    const js = "const { ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');\nnew ConverseCommand({ modelId: 'm' });\n";
    await client.open(uri, js, 1, 'javascript');
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(ofRule(p, 'sdk/missing-guardrail').map((d) => d.range.start), [{ line: 1, character: 4 }]);
    const plain = 'file:///virtual/code/plain.ts';
    await client.open(plain, 'export const x = 1;\n', 1, 'typescript');
    assert.deepEqual((await client.waitForDiagnostics(plain)).diagnostics, []);
  });
});

describe('code in the workspace', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (p: string) => fileUri(join(root, p));
  const helper = "export function buildInput(modelId: string) {\n  return { modelId, messages: [] };\n}\n";
  const main = "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nimport { buildInput } from './input';\n\nexport const command = new ConverseCommand(buildInput('amazon.nova-lite-v1:0'));\n";

  before(async () => {
    root = makeFolder({
      'src/main.ts': main,
      'src/input.ts': helper,
      'src/region.ts': "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nexport const client = new BedrockRuntimeClient({ region: 'us-west-2' });\n",
      'src/plain.ts': 'export const answer = 42;\n',
      'src/types.d.ts': "declare const c: import('@aws-sdk/client-bedrock-runtime').ConverseCommand;\nnew ConverseCommand({ modelId: 'x' });\n",
      'node_modules/lib/index.js': "const { ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');\nnew ConverseCommand({ modelId: 'x' });\n",
      'scps/regions.json': JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } } }],
      }),
    });
    client = await LspTestClient.start({ folders: [root] });
    await client.waitForProgressEnd(1);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('closed code files are analysed from disk, following relative imports; .d.ts, node_modules and plain files are not reported', () => {
    const published = client.publishedFor(uri('src/main.ts'));
    assert.equal(published.length, 1);
    assert.deepEqual(ofRule(published[0], 'sdk/missing-guardrail').map((d) => [d.range.start.line, d.range.start.character, d.data]), [[3, 27, { ruleId: 'sdk/missing-guardrail', data: { call: 0, command: 'ConverseCommand' }, version: null }]]);
    assert.deepEqual(client.publishedFor(uri('src/types.d.ts')), []);
    assert.deepEqual(client.publishedFor(uri('node_modules/lib/index.js')), []);
    assert.deepEqual(client.publishedFor(uri('src/plain.ts')), []);
  });

  test("the SCP's Regions decide sdk/region-not-allowed", () => {
    const [p] = client.publishedFor(uri('src/region.ts'));
    assert.deepEqual(ofRule(p, 'sdk/region-not-allowed').map((d) => d.message), [
      "BedrockRuntimeClient is created for us-west-2, which is outside the Regions allowed by the workspace's SCPs (eu-central-1, eu-west-1).",
    ]);
  });

  test('editing an open module re-lints the open files that import it', async () => {
    await client.open(uri('src/main.ts'), main, 1, 'typescript');
    const first = await client.waitForDiagnostics(uri('src/main.ts'), (p) => p.version === 1);
    assert.equal(ofRule(first, 'sdk/missing-guardrail').length, 1);
    await client.open(uri('src/input.ts'), helper, 1, 'typescript');
    const next = client.nextDiagnostics(uri('src/main.ts'), (p) => ofRule(p, 'sdk/missing-guardrail').length === 0);
    await client.change(uri('src/input.ts'), 2, [{ text: "export function buildInput(modelId: string) {\n  return { modelId, messages: [], guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' } };\n}\n" }]);
    const after = await next;
    assert.equal(after.version, 1, 'the importer is re-linted at its own version');
  });
});

describe('codeAnalysis.enabled', () => {
  test('false: code documents get no diagnostics, JSON policies still do', async () => {
    const client = await LspTestClient.start({ settings: () => ({ codeAnalysis: { enabled: false } }) });
    try {
      const ts = 'file:///virtual/off/chat.ts';
      await client.open(ts, CONVERSE, 1, 'typescript');
      assert.deepEqual((await client.waitForDiagnostics(ts)).diagnostics, []);
      const json = 'file:///virtual/off/policy.json';
      await client.open(json, '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}');
      assert.ok((await client.waitForDiagnostics(json)).diagnostics.length > 0);
    } finally {
      await client.stop();
    }
  });
});
