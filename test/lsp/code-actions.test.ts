// Code actions over the real protocol: quick fixes rebuilt from diagnostic data (exact edits,
// applied), "fix all" for one rule (resolved lazily, or eagerly for clients without resolve),
// source.fixAll, stale diagnostics after an edit, and edits for clients without documentChanges.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyLspEdits, editsFor, LspTestClient, ofRule, vscodeLikeCapabilities } from './lsp-client';

const GUARDRAIL = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
const PLACEHOLDER = 'arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID';
const settings = () => ({ guardrailArn: GUARDRAIL, guardrailVersion: '3' });

const NO_VERSION = '{\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}';
const WITH_VERSION = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}';

const PLACEHOLDERS = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  `    {"Sid": "Invoke", "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*", "Condition": {"StringEquals": {"bedrock:GuardrailIdentifier": "${PLACEHOLDER}:VERSION"}}},`,
  `    {"Sid": "Apply", "Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "${PLACEHOLDER}"}`,
  '  ]',
  '}',
].join('\n');

const whole = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe('code actions', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings });
  });
  after(async () => {
    await client.stop();
  });

  test('the missing-version quick fix is the exact versioned edit, and applying it fixes the finding', async () => {
    const uri = 'file:///virtual/actions/no-version.json';
    await client.open(uri, NO_VERSION);
    const p = await client.waitForDiagnostics(uri);
    const [d] = ofRule(p, 'policy/missing-version');
    const actions = await client.codeActions(uri, d.range, { diagnostics: [d] });
    assert.deepEqual(actions, [
      {
        title: 'Set "Version" to "2012-10-17"',
        kind: 'quickfix',
        diagnostics: [d],
        isPreferred: true,
        edit: { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: '\n  "Version": "2012-10-17",' }] }] },
      },
    ]);
    const fixed = applyLspEdits(NO_VERSION, editsFor(actions[0].edit, uri));
    assert.equal(fixed, WITH_VERSION);
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.deepEqual(ofRule(after, 'policy/missing-version'), []);
  });

  test('fixes are rebuilt from data and range, not from the message', async () => {
    const uri = 'file:///virtual/actions/message.json';
    await client.open(uri, NO_VERSION);
    const [d] = ofRule(await client.waitForDiagnostics(uri), 'policy/missing-version');
    const actions = await client.codeActions(uri, d.range, { diagnostics: [{ ...d, message: 'reworded by the client' }] });
    assert.deepEqual(actions.map((a) => a.title), ['Set "Version" to "2012-10-17"']);
    const foreign: Diagnostic = { ...d, source: 'another-linter' };
    assert.deepEqual(await client.codeActions(uri, d.range, { diagnostics: [foreign] }), []);
  });

  test('a client that drops `data` still gets fixes, found by rule id and range', async () => {
    const uri = 'file:///virtual/actions/dropped.json';
    await client.open(uri, PLACEHOLDERS);
    const [d] = ofRule(await client.waitForDiagnostics(uri), 'bedrock/guardrail-placeholder');
    const withoutData: Diagnostic = { range: d.range, severity: d.severity, source: d.source, code: d.code, message: d.message };
    const actions = await client.codeActions(uri, d.range, { diagnostics: [withoutData] });
    assert.ok(actions.some((a) => a.title === `Replace the placeholder with ${GUARDRAIL}:3`), actions.map((a) => a.title).join(' | '));
    const elsewhere: Diagnostic = { ...withoutData, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    assert.deepEqual(await client.codeActions(uri, d.range, { diagnostics: [elsewhere] }), []);
  });

  test('a diagnostic of an older version is matched to the current finding', async () => {
    const uri = 'file:///virtual/actions/stale.json';
    await client.open(uri, NO_VERSION);
    const [d] = ofRule(await client.waitForDiagnostics(uri), 'policy/missing-version');
    // Two lines are inserted above the policy; the code action request still carries the old diagnostic.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n\n' }]);
    const actions = await client.codeActions(uri, d.range, { diagnostics: [d] });
    assert.equal(actions.length, 1);
    assert.deepEqual(actions[0].edit, {
      documentChanges: [{ textDocument: { uri, version: 2 }, edits: [{ range: { start: { line: 2, character: 1 }, end: { line: 2, character: 1 } }, newText: '\n  "Version": "2012-10-17",' }] }],
    });
  });

  test('source.fixAll applies every preferred fix when requested', async () => {
    const uri = 'file:///virtual/actions/fix-all.json';
    await client.open(uri, NO_VERSION);
    await client.waitForDiagnostics(uri);
    const actions = await client.codeActions(uri, whole, { diagnostics: [], only: ['source.fixAll'] });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all Bedrock Security problems', 'source.fixAll.bedrockSecurity']]);
    assert.equal(applyLspEdits(NO_VERSION, editsFor(actions[0].edit, uri)), WITH_VERSION);
    // Quick fixes are not part of a source.fixAll request, and a clean document has nothing to fix.
    const clean = 'file:///virtual/actions/clean.json';
    await client.open(clean, WITH_VERSION);
    await client.waitForDiagnostics(clean);
    assert.deepEqual(await client.codeActions(clean, whole, { diagnostics: [], only: ['source.fixAll.bedrockSecurity'] }), []);
  });

  test('the source action menu gets source.fixAll without an edit, computed on resolve', async () => {
    const uri = 'file:///virtual/actions/resolve.json';
    await client.open(uri, NO_VERSION);
    await client.waitForDiagnostics(uri);
    const [action] = await client.codeActions(uri, whole, { diagnostics: [], only: ['source'] });
    assert.deepEqual(action, { title: 'Fix all Bedrock Security problems', kind: 'source.fixAll.bedrockSecurity', data: { uri, version: 1 } });
    const resolved: CodeAction = await client.connection.sendRequest('codeAction/resolve', action);
    assert.equal(applyLspEdits(NO_VERSION, editsFor(resolved.edit, uri)), WITH_VERSION);
  });

  test('"fix all problems of a rule" fixes every finding of that rule, with fixes that use settings', async () => {
    const uri = 'file:///virtual/actions/placeholders.json';
    await client.open(uri, PLACEHOLDERS);
    const p = await client.waitForDiagnostics(uri);
    const found = ofRule(p, 'bedrock/guardrail-placeholder');
    assert.equal(found.length, 2);
    assert.deepEqual(found[0].data, { ruleId: 'bedrock/guardrail-placeholder', data: { value: `${PLACEHOLDER}:VERSION` }, version: 1 });
    const actions = await client.codeActions(uri, found[0].range, { diagnostics: [found[0]] });
    const single = actions.find((a) => a.title === `Replace the placeholder with ${GUARDRAIL}:3`);
    assert.ok(single, actions.map((a) => a.title).join(' | '));
    assert.equal(single.isPreferred, true);
    assert.deepEqual(editsFor(single.edit, uri).map((e) => e.newText), [`"${GUARDRAIL}:3"`]);
    const all = actions.find((a) => a.title === 'Fix all bedrock/guardrail-placeholder problems in this file');
    assert.deepEqual(all, { title: 'Fix all bedrock/guardrail-placeholder problems in this file', kind: 'quickfix', diagnostics: [found[0]], data: { uri, version: 1, ruleId: 'bedrock/guardrail-placeholder' } });
    const resolved: CodeAction = await client.connection.sendRequest('codeAction/resolve', all);
    const fixed = applyLspEdits(PLACEHOLDERS, editsFor(resolved.edit, uri));
    assert.equal(fixed, PLACEHOLDERS.replace(`"${PLACEHOLDER}:VERSION"`, `"${GUARDRAIL}:3"`).replace(`"${PLACEHOLDER}"`, `"${GUARDRAIL}"`));
    // A resolve for a version that is no longer current gets no edit.
    await client.change(uri, 2, [{ text: fixed }]);
    const stale: CodeAction = await client.connection.sendRequest('codeAction/resolve', all);
    assert.equal(stale.edit, undefined);
  });

  test('the missing-version fix has no "fix all" action: the rule has one finding per file', async () => {
    const uri = 'file:///virtual/actions/single.json';
    await client.open(uri, NO_VERSION);
    const [d] = ofRule(await client.waitForDiagnostics(uri), 'policy/missing-version');
    const actions = await client.codeActions(uri, d.range, { diagnostics: [d] });
    assert.deepEqual(actions.map((a) => a.title), ['Set "Version" to "2012-10-17"']);
  });
});

describe('code actions for a client without resolve and documentChanges support', () => {
  let client: LspTestClient;
  before(async () => {
    const caps = vscodeLikeCapabilities();
    caps.workspace!.workspaceEdit = {};
    delete caps.textDocument!.codeAction!.resolveSupport;
    client = await LspTestClient.start({ settings, capabilities: caps });
  });
  after(async () => {
    await client.stop();
  });

  test('edits come as `changes`, and "fix all" carries its edit right away', async () => {
    const uri = 'file:///virtual/plain/placeholders.json';
    await client.open(uri, PLACEHOLDERS);
    const found = ofRule(await client.waitForDiagnostics(uri), 'bedrock/guardrail-placeholder');
    const actions = await client.codeActions(uri, found[1].range, { diagnostics: [found[1]] });
    const single = actions.find((a) => a.title === `Replace the placeholder with ${GUARDRAIL}`);
    assert.ok(single?.edit?.changes, 'a `changes` edit');
    assert.equal(single.edit.documentChanges, undefined);
    const all = actions.find((a) => a.title === 'Fix all bedrock/guardrail-placeholder problems in this file');
    assert.ok(all?.edit?.changes);
    assert.equal(all.data, undefined);
    assert.equal(applyLspEdits(PLACEHOLDERS, all.edit.changes[uri]), PLACEHOLDERS.replace(`"${PLACEHOLDER}:VERSION"`, `"${GUARDRAIL}:3"`).replace(`"${PLACEHOLDER}"`, `"${GUARDRAIL}"`));
    const source = await client.codeActions(uri, whole, { diagnostics: [], only: ['source'] });
    assert.ok(source[0]?.edit?.changes, 'source.fixAll carries its edit too');
  });
});
