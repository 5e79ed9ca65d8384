import { test } from 'node:test';
import { expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/bearer-token-in-code';
const KEY = 'ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlLWtleS1ub3QtcmVhbA==';

test('sdk/bearer-token-in-code reports code that sets AWS_BEARER_TOKEN_BEDROCK', () => {
  expectCodeFindings(ID, `⟦process.env.AWS_BEARER_TOKEN_BEDROCK = '${KEY}'⟧;\n⟦process.env['AWS_BEARER_TOKEN_BEDROCK'] = await secret()⟧;`, [
    'Code sets AWS_BEARER_TOKEN_BEDROCK to a key written in the code: every Bedrock client of the process then authenticates with that API key instead of its IAM credentials. Keep API keys out of code.',
    'Code sets AWS_BEARER_TOKEN_BEDROCK: every Bedrock client of the process then authenticates with that API key instead of its IAM credentials. Keep API keys out of code.',
  ]);
  expectCodeFindings(ID, `spawn('node', ['worker.js'], { env: { ...process.env, ⟦AWS_BEARER_TOKEN_BEDROCK: token⟧ } });`, [
    'AWS_BEARER_TOKEN_BEDROCK is passed in an environment: the process that gets it authenticates every Bedrock call with that API key. Keep API keys out of code.',
  ]);
});

test('sdk/bearer-token-in-code reports literal Bedrock API keys: strings, Authorization headers, client tokens', () => {
  expectCodeFindings(ID, `const key = ⟦'${KEY}'⟧;\nconst headers = { Authorization: ⟦'Bearer bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t'⟧ };`, [
    'This string holds a Bedrock API key (a bearer token): anyone with the code can call Bedrock with it. Keep API keys out of code and revoke this one.',
    'This string holds a Bedrock API key (a bearer token): anyone with the code can call Bedrock with it. Keep API keys out of code and revoke this one.',
  ]);
  expectCodeFindings(ID, `import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nnew BedrockRuntimeClient({ token: { token: ⟦'opaque-token-value'⟧ } });`, [
    'BedrockRuntimeClient is given a bearer token written in the code: anyone with the code can call Bedrock with it. Keep API keys out of code.',
  ]);
});

test('sdk/bearer-token-in-code ignores clearing the variable and reading it', () => {
  expectCodeClean(ID, "process.env.AWS_BEARER_TOKEN_BEDROCK = undefined;\nprocess.env.AWS_BEARER_TOKEN_BEDROCK = '';\ndelete process.env.AWS_BEARER_TOKEN_BEDROCK;\nconst t = process.env.AWS_BEARER_TOKEN_BEDROCK;");
  expectCodeClean(ID, "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nnew BedrockRuntimeClient({ token: { token: await fetchToken() } });");
});
