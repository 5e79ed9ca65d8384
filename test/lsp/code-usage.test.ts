// The bedrockSecurity/codeUsage request behind "Generate Policy from Code", over the real
// protocol: runtime calls of the workspace's code files (relative imports followed from disk,
// .gitignore and node_modules skipped, open buffers winning over the disk) and the Regions of
// their clients.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CODE_USAGE_REQUEST, type CodeUsage } from '../../server/src/lsp/code-usage-protocol';
import { fileUri, LspTestClient } from './lsp-client';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const APP = `import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { MODEL_ID, GUARDRAIL } from './config';

const client = new BedrockRuntimeClient({ region: 'eu-west-1' });

export async function chat() {
  return client.send(new ConverseStreamCommand({ modelId: MODEL_ID, messages: [], guardrailConfig: GUARDRAIL }));
}
`;
const CONFIG = `export const MODEL_ID = 'eu.${HAIKU}';
export const GUARDRAIL = { guardrailIdentifier: 'abc123xyz456', guardrailVersion: '3' };
`;
const OTHER = `import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';
const br = new BedrockRuntime({});
export const run = () => br.invokeModel({ modelId: '${HAIKU}', body: '{}' });
`;

describe('bedrockSecurity/codeUsage', () => {
  let root: string;
  let client: LspTestClient;

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-code-usage-')));
    const files: Record<string, string> = {
      '.gitignore': 'dist/\n',
      'src/app.ts': APP,
      'src/config.ts': CONFIG,
      'src/other.js': OTHER,
      'src/types.d.ts': `declare const x: '${HAIKU}'; // bedrock`,
      'dist/app.js': OTHER,
      'node_modules/pkg/index.js': OTHER,
      'README.md': 'bedrock',
    };
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
    client = await LspTestClient.start({ folders: [root] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('calls of every code file, with constants of imported modules resolved, and the client Regions', async () => {
    const usage: CodeUsage = await client.connection.sendRequest(CODE_USAGE_REQUEST, {});
    assert.deepEqual(usage, {
      calls: [
        { file: 'src/app.ts', line: 7, command: 'ConverseStreamCommand', modelId: `eu.${HAIKU}`, guardrail: { identifier: 'abc123xyz456', version: '3' } },
        { file: 'src/other.js', line: 3, command: 'InvokeModelCommand', modelId: HAIKU, guardrail: 'none' },
      ],
      regions: ['eu-west-1'],
      files: 2,
    });
  });

  test('an open document is read from its buffer', async () => {
    await client.open(fileUri(join(root, 'src/other.js')), OTHER.replace(`modelId: '${HAIKU}'`, "modelId: 'amazon.nova-pro-v1:0'"), 1, 'javascript');
    const usage: CodeUsage = await client.connection.sendRequest(CODE_USAGE_REQUEST, {});
    assert.deepEqual(usage.calls.map((c) => c.modelId), [`eu.${HAIKU}`, 'amazon.nova-pro-v1:0']);
  });
});
