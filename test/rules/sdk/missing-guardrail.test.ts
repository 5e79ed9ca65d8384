import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/missing-guardrail';
const IMPORT = "import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';\n";
const CONVERSE = 'Converse without a guardrail: prompts and responses are not filtered. Add guardrailConfig.';
const INVOKE = 'InvokeModel without a guardrail: prompts and responses are not filtered. Add guardrailIdentifier and guardrailVersion.';
const CONFIGURED = { guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456', guardrailVersion: '3' };

test('sdk/missing-guardrail reports each runtime command without a guardrail, on the class name', () => {
  expectCodeFindings(
    ID,
    `${IMPORT}const client = new BedrockRuntimeClient({});
await client.send(new ⟦ConverseCommand⟧({ modelId: 'm', messages: [] }));
await client.send(new ⟦ConverseStreamCommand⟧({ modelId: 'm', messages: [] }));
await client.send(new ⟦InvokeModelCommand⟧({ modelId: 'm', body: '{}' }));
await client.send(new ⟦InvokeModelWithResponseStreamCommand⟧({ modelId: 'm', body: '{}' }));`,
    [
      CONVERSE,
      'ConverseStream without a guardrail: prompts and responses are not filtered. Add guardrailConfig.',
      INVOKE,
      'InvokeModelWithResponseStream without a guardrail: prompts and responses are not filtered. Add guardrailIdentifier and guardrailVersion.',
    ],
  );
});

test('sdk/missing-guardrail finds the command whatever the import style', () => {
  expectCodeFindings(ID, "import { ConverseCommand as Chat } from '@aws-sdk/client-bedrock-runtime';\nnew ⟦Chat⟧({ modelId: 'm' });", [CONVERSE]);
  expectCodeFindings(ID, "import * as br from '@aws-sdk/client-bedrock-runtime';\nnew br.⟦ConverseCommand⟧({ modelId: 'm' });", [CONVERSE]);
  expectCodeFindings(ID, "import br from '@aws-sdk/client-bedrock-runtime';\nnew br.⟦InvokeModelCommand⟧({ modelId: 'm' });", [INVOKE]);
  const cjs = { path: '/work/app/main.cjs' };
  expectCodeFindings(ID, "const { ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');\nnew ⟦ConverseCommand⟧({ modelId: 'm' });", [CONVERSE], cjs);
  expectCodeFindings(ID, "const { InvokeModelCommand: Invoke } = require('@aws-sdk/client-bedrock-runtime');\nnew ⟦Invoke⟧({ modelId: 'm' });", [INVOKE], cjs);
  expectCodeFindings(ID, "const br = require('@aws-sdk/client-bedrock-runtime');\nnew br.⟦ConverseCommand⟧({ modelId: 'm' });", [CONVERSE], cjs);
  expectCodeFindings(ID, "const Converse = require('@aws-sdk/client-bedrock-runtime').ConverseCommand;\nnew ⟦Converse⟧({ modelId: 'm' });", [CONVERSE], cjs);
  expectCodeFindings(ID, "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst Cmd = ConverseCommand;\nnew ⟦Cmd⟧({ modelId: 'm' });", [CONVERSE]);
});

test('sdk/missing-guardrail ignores look-alikes: other packages, shadowing names, type-only imports', () => {
  expectCodeClean(ID, "import { ConverseCommand } from './my-sdk';\nnew ConverseCommand({ modelId: 'm' });");
  expectCodeClean(ID, "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nfunction f(ConverseCommand: any) { return new ConverseCommand({ modelId: 'm' }); }");
  expectCodeClean(ID, "import type { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nnew ConverseCommand({ modelId: 'm' });");
  expectCodeClean(ID, "class ConverseCommand { constructor(x: unknown) {} }\nnew ConverseCommand({ modelId: 'bedrock' });");
});

test('sdk/missing-guardrail follows constants, spreads and shorthand properties', () => {
  expectCodeFindings(ID, `${IMPORT}const input = { modelId: 'm', messages: [] };\nnew ⟦ConverseCommand⟧(input);`, [CONVERSE]);
  expectCodeFindings(ID, `${IMPORT}const base = { modelId: 'm' };\nconst input = { ...base, messages: [] };\nnew ⟦ConverseCommand⟧(input);`, [CONVERSE]);
  expectCodeClean(ID, `${IMPORT}const base = { modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' } };\nnew ConverseCommand({ ...base, messages: [] });`);
  expectCodeClean(ID, `${IMPORT}const guardrailConfig = { guardrailIdentifier: 'g', guardrailVersion: '1' };\nnew ConverseCommand({ modelId: 'm', guardrailConfig });`);
  // A key that is present passes, whatever its value, also in a conditional spread.
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: settings.guardrail });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', ...(useGuardrail ? { guardrailConfig: cfg } : {}) });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', ...(useGuardrail && { guardrailConfig: cfg }) });`);
  expectCodeClean(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', body, guardrailIdentifier: id, guardrailVersion: v });`);
});

test('sdk/missing-guardrail reports nothing when the input cannot be resolved', () => {
  expectCodeClean(ID, `${IMPORT}new ConverseCommand(input);`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand(await loadInput());`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', ...options });`);
  expectCodeClean(ID, `${IMPORT}let input = { modelId: 'm' };\ninput = other;\nnew ConverseCommand(input);`);
  expectCodeClean(ID, `${IMPORT}function send(input: any) { return new ConverseCommand(input); }`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand();`);
});

test('sdk/missing-guardrail finds aggregated-client calls: constructed, typed, class properties', () => {
  const agg = "import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';\n";
  expectCodeFindings(ID, `${agg}await new BedrockRuntime({}).⟦converse⟧({ modelId: 'm' });`, [CONVERSE]);
  expectCodeFindings(ID, `${agg}const c = new BedrockRuntime({ region: 'us-east-1' });\nawait c.⟦invokeModel⟧({ modelId: 'm', body: '{}' });\nawait c.converse({ modelId: 'm', guardrailConfig: g });`, [INVOKE]);
  expectCodeFindings(ID, `${agg}export async function ask(client: BedrockRuntime) {\n  return client.⟦converseStream⟧({ modelId: 'm' });\n}`, [/^ConverseStream without a guardrail/]);
  expectCodeFindings(
    ID,
    `${agg}class Chat {\n  private readonly client = new BedrockRuntime({});\n  ask() { return this.client.⟦converse⟧({ modelId: 'm' }); }\n}\nclass Typed {\n  constructor(private bedrock: BedrockRuntime) {}\n  ask() { return this.bedrock.⟦invokeModel⟧({ modelId: 'm' }); }\n}\nclass Assigned {\n  client: any;\n  constructor() { this.client = new BedrockRuntime({}); }\n  ask() { return this.client.⟦converse⟧({ modelId: 'm' }); }\n}`,
    [CONVERSE, INVOKE, CONVERSE],
  );
  // A converse() method of something else is not a Bedrock call.
  expectCodeClean(ID, `${agg}const chat = new ChatSession();\nchat.converse({ modelId: 'm' });\nfunction f(x: SomethingElse) { x.invokeModel({}); }`);
});

test('sdk/missing-guardrail follows helper functions in the file and in relative modules', () => {
  expectCodeFindings(ID, `${IMPORT}function buildInput(modelId: string, messages: unknown[]) {\n  return { modelId, messages };\n}\nnew ⟦ConverseCommand⟧(buildInput('m', []));`, [CONVERSE]);
  expectCodeClean(ID, `${IMPORT}const buildInput = (modelId: string) => ({ modelId, guardrailConfig: GUARDRAIL });\nnew ConverseCommand(buildInput('m'));`);
  const modules = {
    '/work/app/input.ts': "export function buildInput(modelId: string) {\n  return { modelId, messages: [] };\n}\nexport const guarded = (modelId: string) => ({ modelId, guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' } });",
    '/work/app/legacy.js': 'module.exports = { build: (id) => ({ modelId: id, body: "{}" }) };',
  };
  expectCodeFindings(ID, `${IMPORT}import { buildInput } from './input';\nnew ⟦ConverseCommand⟧(buildInput('m'));`, [CONVERSE], { modules });
  expectCodeFindings(ID, `${IMPORT}import * as inputs from './input.js';\nnew ⟦ConverseCommand⟧(inputs.buildInput('m'));`, [CONVERSE], { modules });
  expectCodeFindings(ID, `${IMPORT}const { build } = require('./legacy');\nnew ⟦InvokeModelCommand⟧(build('m'));`, [INVOKE], { modules });
  expectCodeClean(ID, `${IMPORT}import { guarded } from './input';\nnew ConverseCommand(guarded('m'));`, { modules });
  // Without the module (not in the workspace index), nothing is known: nothing is reported.
  expectCodeClean(ID, `${IMPORT}import { buildInput } from './input';\nnew ConverseCommand(buildInput('m'));`);
  // No fix edits another module.
  assert.deepEqual(codeFixesOf(ID, `${IMPORT}import { buildInput } from './input';\nnew ConverseCommand(buildInput('m'));`, 0, { modules }), []);
});

test('sdk/missing-guardrail fix adds guardrailConfig read from the environment', () => {
  const text = `${IMPORT}const client = new BedrockRuntimeClient({});
export async function ask(prompt: string) {
  const response = await client.send(new ConverseCommand({
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    messages: [{ role: 'user', content: [{ text: prompt }] }],
  }));
  return response.output;
}
`;
  assert.equal(codeFixesOf(ID, text)[0].title, 'Add guardrailConfig (BEDROCK_GUARDRAIL_ID and BEDROCK_GUARDRAIL_VERSION)');
  assert.equal(
    applyCodeFix(ID, text),
    `${IMPORT}const client = new BedrockRuntimeClient({});
export async function ask(prompt: string) {
  const response = await client.send(new ConverseCommand({
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    messages: [{ role: 'user', content: [{ text: prompt }] }],
    guardrailConfig: {
      guardrailIdentifier: process.env.BEDROCK_GUARDRAIL_ID,
      guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION
    },
  }));
  return response.output;
}
`,
  );
});

test('sdk/missing-guardrail fix writes the configured guardrail, in the file quotes, on one line when the object is', () => {
  const text = `import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";\nconst cmd = new InvokeModelCommand({ modelId: "m", body: "{}" });\n`;
  assert.equal(
    applyCodeFix(ID, text, { settings: CONFIGURED }),
    `import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";\nconst cmd = new InvokeModelCommand({ modelId: "m", body: "{}", guardrailIdentifier: "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456", guardrailVersion: "3" });\n`,
  );
  assert.equal(codeFixesOf(ID, text, 0, { settings: CONFIGURED })[0].title, 'Add guardrailIdentifier and guardrailVersion (the configured guardrail)');
  assert.equal(
    applyCodeFix(ID, `${IMPORT}new ConverseCommand({});`, { settings: { guardrailArn: CONFIGURED.guardrailArn } }),
    `${IMPORT}new ConverseCommand({ guardrailConfig: { guardrailIdentifier: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456', guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION } });`,
  );
});

test('sdk/missing-guardrail fix edits the constant or helper the input comes from', () => {
  const text = `${IMPORT}const input = {\n  modelId: 'm',\n  body: '{}',\n};\nnew InvokeModelWithResponseStreamCommand(input);\n`;
  assert.equal(
    applyCodeFix(ID, text, { settings: CONFIGURED }),
    `${IMPORT}const input = {\n  modelId: 'm',\n  body: '{}',\n  guardrailIdentifier: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456',\n  guardrailVersion: '3',\n};\nnew InvokeModelWithResponseStreamCommand(input);\n`,
  );
  const helper = `${IMPORT}function buildInput(modelId: string) {\n  return {\n    modelId,\n    messages: [],\n  };\n}\nnew ConverseCommand(buildInput('m'));\n`;
  assert.equal(
    applyCodeFix(ID, helper),
    `${IMPORT}function buildInput(modelId: string) {\n  return {\n    modelId,\n    messages: [],\n    guardrailConfig: {\n      guardrailIdentifier: process.env.BEDROCK_GUARDRAIL_ID,\n      guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION\n    },\n  };\n}\nnew ConverseCommand(buildInput('m'));\n`,
  );
});

test('sdk/missing-guardrail works in JavaScript files', () => {
  const js = "const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');\nconst client = new BedrockRuntimeClient();\nexports.ask = (text) => client.send(new ConverseCommand({ modelId: 'm', messages: [{ role: 'user', content: [{ text }] }] }));\n";
  expectCodeFindings(ID, js.replace('new ConverseCommand', 'new ⟦ConverseCommand⟧'), [CONVERSE], { path: '/work/app/chat.js' });
  assert.match(applyCodeFix(ID, js, { path: '/work/app/chat.js' }), /content: \[\{ text \}\] \}\], guardrailConfig: \{ guardrailIdentifier: process\.env\.BEDROCK_GUARDRAIL_ID, guardrailVersion: process\.env\.BEDROCK_GUARDRAIL_VERSION \} \}\)\);/);
});
