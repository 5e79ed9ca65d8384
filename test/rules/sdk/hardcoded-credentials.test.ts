import { test } from 'node:test';
import { expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/hardcoded-credentials';
const IMPORT = "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n";
const SECRET = 'q8Ff0Xb3l5sY6n2Jr7tKv1Zc4Wm9Hp0Ld3Ea8Ug5';

test('sdk/hardcoded-credentials reports credential literals and constants in client configurations', () => {
  expectCodeFindings(
    ID,
    `${IMPORT}const SECRET = '${SECRET}';\nnew BedrockRuntimeClient({ credentials: { accessKeyId: ⟦'AKIA2JXQ7HZ3M5KD4W6P'⟧, secretAccessKey: ⟦SECRET⟧, sessionToken: ⟦'FwoGZXIvYXdzEJr'⟧ } });`,
    [
      "An access key id is written in the code (accessKeyId): remove it and let the SDK's default credential provider chain find credentials; rotate the key if it was ever committed.",
      "A secret access key is written in the code (secretAccessKey): remove it and let the SDK's default credential provider chain find credentials; rotate the key if it was ever committed.",
      "A session token is written in the code (sessionToken): remove it and let the SDK's default credential provider chain find credentials; rotate the key if it was ever committed.",
    ],
  );
});

test('sdk/hardcoded-credentials reports access key ids in any string, once', () => {
  expectCodeFindings(ID, `${IMPORT}const note = 'rotated ⟦ASIAZZXQ7HZ3M5KD4W6Q⟧ yesterday';\nconst t = \`key=\${x}&id=⟦AKIA2JXQ7HZ3M5KD4W6P⟧\`;`, [
    'This string holds a temporary access key id (ASIAZZXQ…): keep credentials out of the code, and rotate the key if it was ever committed.',
    'This string holds an access key id (AKIA2JXQ…): keep credentials out of the code, and rotate the key if it was ever committed.',
  ]);
  expectCodeFindings(ID, `${IMPORT}const creds = { accessKeyId: ⟦'AKIA2JXQ7HZ3M5KD4W6P'⟧ };`, [/^An access key id is written in the code/]);
});

test('sdk/hardcoded-credentials ignores placeholders, documentation examples and values from the environment', () => {
  expectCodeClean(ID, `${IMPORT}new BedrockRuntimeClient({ endpoint: 'http://localhost:4566', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });`);
  expectCodeClean(ID, `${IMPORT}new BedrockRuntimeClient({ credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' } });`);
  expectCodeClean(ID, `${IMPORT}new BedrockRuntimeClient({ credentials: { accessKeyId: process.env.KEY_ID!, secretAccessKey: secret, sessionToken: '' } });`);
  expectCodeClean(ID, `${IMPORT}const id = 'AKIA2JXQ7HZ3M5KD4W6';`);
});
