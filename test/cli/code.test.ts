// The CLI on TypeScript and JavaScript: which code files a walk reads (.d.ts, minified bundles,
// node_modules and ignored folders are not), relative imports followed from disk, the Regions of
// the SCP files under the root, and the unchanged output formats and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, workspace } from './cli-helpers';

const APP = "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nimport { buildInput } from './input';\n\nexport const command = new ConverseCommand(buildInput('amazon.nova-lite-v1:0'));\n";
const INPUT = 'export const buildInput = (modelId: string) => ({ modelId, messages: [] });\n';
const UNGUARDED_JS = "const { InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');\nmodule.exports = new InvokeModelCommand({ modelId: 'm', body: '{}' });\n";

const tree = workspace({
  '.gitignore': 'build/\n',
  'src/app.ts': APP,
  'src/input.ts': INPUT,
  'src/worker.cjs': UNGUARDED_JS,
  'src/region.mjs': "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nexport const client = new BedrockRuntimeClient({ region: 'us-west-2' });\n",
  'src/plain.ts': 'export const answer = 42;\n',
  'src/types.d.ts': UNGUARDED_JS,
  'public/vendor.min.js': UNGUARDED_JS,
  'build/out.js': UNGUARDED_JS,
  'node_modules/lib/index.js': UNGUARDED_JS,
  'infra/cdk.out/asset.1234/index.js': UNGUARDED_JS,
  'org/scps/regions.json': JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyOutsideEu', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] } } }],
  }),
});

test('a walk lints code files, following relative imports; .d.ts, .min.js, ignored, node_modules and cdk.out files are not read', () => {
  const r = cli(tree, ['lint', '--format', 'json']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0, 'warnings only');
  const found = (JSON.parse(r.stdout) as { file: string; ruleId: string; range: { start: { line: number; character: number } } }[]).map((f) => `${f.file}:${f.range.start.line}:${f.range.start.character} ${f.ruleId}`);
  assert.deepEqual(found.filter((f) => !f.startsWith('org/')), [
    'src/app.ts:3:27 sdk/missing-guardrail',
    'src/region.mjs:1:57 sdk/region-not-allowed',
    'src/worker.cjs:1:21 sdk/missing-guardrail',
  ]);
});

test('text output and SARIF report code findings like policy findings', () => {
  const text = cli(tree, ['lint', 'src/app.ts', 'src/region.mjs']);
  assert.equal(text.status, 0);
  assert.equal(
    text.stdout,
    [
      'src/app.ts:4:28  warning  Converse without a guardrail: prompts and responses are not filtered. Add guardrailConfig.  sdk/missing-guardrail',
      '',
      "src/region.mjs:2:58  warning  BedrockRuntimeClient is created for us-west-2, which is outside the Regions allowed by the workspace's SCPs (eu-central-1, eu-west-1).  sdk/region-not-allowed",
      '',
      '✖ 2 problems (0 errors, 2 warnings, 0 info)',
      '',
    ].join('\n'),
  );
  const sarif = JSON.parse(cli(tree, ['lint', '--format', 'sarif', 'src/app.ts']).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
  const [result] = sarif.runs[0].results;
  assert.equal(result.ruleId, 'sdk/missing-guardrail');
  assert.deepEqual(result.locations[0].physicalLocation.region.startLine, 4);
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'src/app.ts');
});

test('errors in code fail the run; the configuration turns code analysis off', () => {
  const ws = workspace({ 'keys.js': "module.exports = { accessKeyId: 'AKIA2JXQ7HZ3M5KD4W6P' };\n" });
  const r = cli(ws, ['lint']);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^keys\.js:1:33  error  An access key id is written in the code \(accessKeyId\)/);
  const off = workspace({ 'keys.js': "module.exports = { accessKeyId: 'AKIA2JXQ7HZ3M5KD4W6P' };\n", '.bedrock-security.json': '{ "codeAnalysis": { "enabled": false } }' });
  const quiet = cli(off, ['lint']);
  assert.equal(quiet.status, 0);
  assert.equal(quiet.stderr, '');
});
