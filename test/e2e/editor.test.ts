// The editor commands in a real VS Code: the packaged VSIX in code-server (VS Code 1.100), driven
// in headless Chromium, mostly with the keyboard. Proves that the status-bar item counts the
// findings and opens the Problems view; that a finding's "Show documentation" code action opens the
// rule's page from the extension; that a policy snippet chosen from the suggestions replaces a
// policy with findings and leaves none (the Problems panel loses the file's rows, and the saved
// file is the snippet's default expansion); that "New Least-Privilege Policy…" run from the Command
// Palette, every prompt answered with the keyboard, writes exactly the builder's policy to disk and
// opens it, and that the language server reports nothing for it; that "Generate Policy from Code…"
// writes the policy for the workspace's Converse call; and that "Fix All in Workspace…" previews
// the fix of a closed file in the Refactor Preview and saves it once applied; and that "Lint
// Workspace" ends with a summary of what it found.
// Screenshot: docs/images/wizard.png with BEDROCK_SECURITY_UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { analyzeCode } from '../../server/src/engine/code/analyze';
import { codeCalls, policyFromCode } from '../../server/src/engine/scaffold/from-code';
import { buildLeastPrivilegePolicy } from '../../server/src/engine/scaffold/least-privilege';
import { policyText } from '../../server/src/engine/scaffold/policy-document';
import { LineIndex } from '../../server/src/engine/text';
import { lint } from '../helpers';
import { expandSnippet } from '../snippets/snippet-body';
import { repoRoot, type CodeServer, type CodeServerDirs } from './code-server';
import { goToPosition, openFile, openQuickFixMenu, pressUntilVisible, showProblems, UI_TIMEOUT, waitForValue } from './workbench';
import { saveScreenshot, startEditorSession, stopEditorSession, uiStep, type EditorSession } from './steps';



/** Code with one Converse call that passes a guardrail (Generate Policy from Code). */
const APP = `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

export async function ask(text: string) {
  return client.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text }] }],
      guardrailConfig: { guardrailIdentifier: 'arn:aws:bedrock:us-west-2:111122223333:guardrail/abc123xyz456', guardrailVersion: '4' },
    }),
  );
}
`;

/** A closed policy without "Version" (Fix All in Workspace). */
const OLD_POLICY = '{\n  "Statement": [{ "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }]\n}\n';

/** A policy with findings (no Version, "Resource": "*"), which the snippet replaces. */
const DRAFT = '{\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET_US = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const GUARDRAIL = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';

/** What the quick input (palette, QuickPick or InputBox) shows. */
interface QuickInputView {
  visible: boolean;
  title: string;
  placeholder: string;
  message: string;
  value: string;
  /** Labels of the rendered rows; the focused one is marked with `>`. */
  rows: string[];
}

describe('snippets and the policy wizard in VS Code (code-server)', { timeout: 600_000 }, () => {
  let base: string;
  let workspace: string;
  let dirs: CodeServerDirs;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const session: Partial<EditorSession> = {};

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'bedrock-security-e2e-editor-'));
    workspace = join(base, 'workspace');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'snippet.json'), DRAFT);
    mkdirSync(join(workspace, 'src'));
    writeFileSync(join(workspace, 'src', 'app.ts'), APP);
    // The wizard proposes AWS_REGION; no credentials are needed (models are typed).
    ({ dirs, server, browser, page } = await startEditorSession(session, base, workspace, { env: { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined } }));
  });

  after(async () => {
    await stopEditorSession(session, base);
  });

  const step = uiStep('editor-', () => ({ page, server, dirs }));

  const screenshot = (name: string) => saveScreenshot(page, name);

  /** The findings (`rule@line:column`) the Problems panel lists under one file's row. */
  async function problemsOf(file: string): Promise<string[]> {
    const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      els.map((row) => ({ label: row.getAttribute('aria-label') ?? '', marker: !!row.querySelector('.marker-message'), code: row.querySelector('.marker-code')?.textContent?.trim() ?? '', at: row.querySelector('.marker-line')?.textContent?.trim() ?? '' })),
    );
    const out: string[] = [];
    let inFile = false;
    for (const r of rows) {
      if (!r.marker) inFile = r.label.includes(`in file ${file} `);
      else if (inFile) out.push(`${r.code}@${(/Ln (\d+), Col (\d+)/.exec(r.at) ?? []).slice(1).join(':')}`);
    }
    return out;
  }

  async function readQuickInput(): Promise<QuickInputView> {
    const widget = page.locator('.quick-input-widget');
    if (!(await widget.isVisible())) return { visible: false, title: '', placeholder: '', message: '', value: '', rows: [] };
    const [view] = await widget.evaluateAll((els) =>
      els.map((w) => {
        const input = w.querySelector('.quick-input-box input');
        const text = (selector: string) => (w.querySelector(selector)?.textContent ?? '').trim();
        const rows = [...w.querySelectorAll('.quick-input-list .monaco-list-row')].map((r) => `${r.classList.contains('focused') ? '>' : ''}${r.getAttribute('aria-label') ?? ''}`);
        // The input's live value is a property, not an attribute.
        return { title: text('.quick-input-title'), placeholder: input?.getAttribute('placeholder') ?? '', message: text('.quick-input-message'), value: (input as unknown as { value?: string } | null)?.value ?? '', rows };
      }),
    );
    return { visible: true, ...view };
  }

  /** Waits until the quick input shows the step whose placeholder or prompt (followed by VS Code's "Press 'Enter'…" hint) matches `what`. */
  async function waitForStep(what: RegExp): Promise<QuickInputView> {
    return waitForValue(readQuickInput, (q) => q.visible && (what.test(q.placeholder) || what.test(q.message)), `the quick input asking ${what}`);
  }

  /** Types `text` into the quick input, replacing what it holds. */
  async function typeAnswer(text: string): Promise<void> {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await waitForValue(readQuickInput, (q) => q.value === text, `"${text}" in the quick input`);
  }

  /** Runs a command from the Command Palette by its title. */
  async function runCommand(title: string): Promise<void> {
    await pressUntilVisible(page, 'Control+Shift+P', page.locator('.quick-input-widget'), 'the Command Palette');
    await page.keyboard.type(title);
    await waitForValue(readQuickInput, (q) => q.rows[0]?.startsWith('>') === true && q.rows[0].includes(title), `${title} in the palette`);
    await page.keyboard.press('Enter');
  }

  test('a policy snippet accepted from the suggestions replaces a draft with findings and leaves none', async () => {
    await step('snippet', async () => {
      await openFile(page, 'snippet.json');
      await showProblems(page);
      await waitForValue(() => problemsOf('snippet.json'), (rows) => rows.some((r) => r.startsWith('policy/missing-version@')), 'the draft\'s findings in the Problems panel', UI_TIMEOUT * 2);
      // The status-bar item counts this extension's findings; clicking it opens the Problems view.
      const status = page.locator('.statusbar-item[id$="bedrockSecurity.status"]');
      await waitForValue(async () => (await status.textContent())?.trim() ?? '', (t) => t === 'Bedrock Security: 2', 'the status bar counting the draft\'s 2 findings');
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await status.click();
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      // Each finding offers its rule's documentation, opened from the extension's own pages.
      await goToPosition(page, 2, 3);
      const menu = await openQuickFixMenu(page);
      assert.ok(menu.some((a) => a.title === 'Show documentation for policy/missing-version'), JSON.stringify(menu));
      await page.keyboard.type('Show documentation for policy/missing');
      await page.locator('.action-widget .monaco-list-row.action.focused', { hasText: 'Show documentation for policy/missing-version' }).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'Preview missing-version.md' }).waitFor({ timeout: UI_TIMEOUT });
      await openFile(page, 'snippet.json');
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('bedrock-invoke-models');
      const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row.focused');
      await pressUntilVisible(page, 'Control+Space', suggest, 'the suggestions');
      await waitForValue(async () => (await suggest.getAttribute('aria-label')) ?? '', (label) => label.startsWith('bedrock-invoke-models'), 'the snippet focused in the suggestions');
      await page.keyboard.press('Enter');
      // The first tab stop (the Region) is selected: Tab through the others, then leave snippet mode.
      for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+S');
      const snippet = (JSON.parse(readFileSync(join(repoRoot, 'snippets', 'policy.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>)['Bedrock: invoke models (on-demand, with a guardrail)'];
      const expected = expandSnippet(snippet.body);
      assert.deepEqual(lint(expected), []);
      const saved = await waitForValue(async () => readFileSync(join(workspace, 'snippet.json'), 'utf8'), (t) => t !== DRAFT, 'snippet.json to be saved');
      assert.equal(saved, expected);
      await waitForValue(() => problemsOf('snippet.json'), (rows) => rows.length === 0, 'no finding for snippet.json in the Problems panel', UI_TIMEOUT * 2);
      await waitForValue(async () => (await status.textContent())?.trim() ?? '', (t) => t === 'Bedrock Security', 'the status bar without findings');
    });
  });

  test('"New Least-Privilege Policy…" from the Command Palette, answered with the keyboard, writes the policy and opens it', async () => {
    await step('wizard', async () => {
      // Close the snippet's editor (Ctrl+K Ctrl+W) so that the wizard's file is the only one open.
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await runCommand('Bedrock Security: New Least-Privilege Policy');

      const purpose = await waitForStep(/^What is the policy for\?$/);
      assert.match(purpose.title, /^New Least-Privilege Policy/);
      assert.match(purpose.rows[0], /^>.*Invoke models/);
      assert.equal(purpose.rows.length, 4);
      await screenshot('wizard.png');
      await page.keyboard.press('Enter');

      const regions = await waitForStep(/^Regions the application calls Amazon Bedrock in/);
      assert.match(regions.rows[0], /us-east-1/);
      await page.keyboard.press('Enter');

      await waitForStep(/^Models: type them, or choose from your account\?$/);
      await page.keyboard.press('Enter');

      await waitForStep(/^Model ids, inference profile ids or model ARNs/);
      await typeAnswer(`${HAIKU}, ${SONNET_US}`);
      await page.keyboard.press('Enter');

      await waitForStep(/^Does the application stream responses\?$/);
      await typeAnswer('Streaming too');
      await waitForValue(readQuickInput, (q) => q.rows.length === 1 && q.rows[0].startsWith('>Streaming too'), 'only "Streaming too" listed');
      await page.keyboard.press('Enter');

      await waitForStep(/^Require a guardrail on every model call\?$/);
      await page.keyboard.press('Enter');

      await waitForStep(/^Guardrail ARN\b/);
      await typeAnswer(GUARDRAIL);
      await page.keyboard.press('Enter');

      await waitForStep(/^Guardrail version to require/);
      await typeAnswer('1');
      await page.keyboard.press('Enter');

      const account = await waitForStep(/^AWS account id that owns/);
      assert.equal(account.value, '111122223333', 'the account comes from the guardrail ARN');
      await page.keyboard.press('Enter');

      const file = await waitForStep(/^File to create in workspace/);
      assert.equal(file.value, 'policies/bedrock-invoke-models.json');
      await page.keyboard.press('Enter');

      const written = join(workspace, 'policies', 'bedrock-invoke-models.json');
      await waitForValue(async () => existsSync(written), (e) => e, 'the policy file on disk');
      await page.locator('.tabs-container .tab.active', { hasText: 'bedrock-invoke-models.json' }).waitFor({ timeout: UI_TIMEOUT });
      const expected = policyText(buildLeastPrivilegePolicy({ purpose: 'invoke-models', regions: ['us-east-1'], account: '111122223333', models: [HAIKU, SONNET_US], streaming: true, guardrail: { arn: GUARDRAIL, version: '1' } }).policy);
      const onDisk = readFileSync(written, 'utf8');
      assert.equal(onDisk, expected);
      assert.deepEqual(
        (JSON.parse(onDisk) as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid),
        ['InvokeModels', 'InvokeModelsThroughInferenceProfiles', 'DenyInvokeWithoutGuardrail', 'ApplyGuardrail'],
      );
      assert.deepEqual(lint(onDisk, { path: 'policies/bedrock-invoke-models.json' }), []);

      // The server lints the opened policy: a typo gives a syntax error in the Problems panel,
      // and undoing it leaves the file with no finding at all.
      await showProblems(page);
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('x');
      await waitForValue(() => problemsOf('bedrock-invoke-models.json'), (rows) => rows.some((r) => r.startsWith('policy/syntax@')), 'a syntax error for the typo', UI_TIMEOUT * 2);
      await page.keyboard.press('Control+Z');
      await waitForValue(() => problemsOf('bedrock-invoke-models.json'), (rows) => rows.length === 0, 'no finding for the written policy', UI_TIMEOUT * 2);
      assert.equal(readFileSync(written, 'utf8'), expected);
    });
  });

  test('"Generate Policy from Code…" writes the policy for exactly the calls of the workspace code', async () => {
    await step('from-code', async () => {
      await runCommand('Bedrock Security: Generate Policy from Code');
      const regions = await waitForStep(/^Regions the code calls Amazon Bedrock in \(1 call found\)/);
      assert.match(regions.rows[0], /us-west-2/, 'the Region of the code\'s client comes first, checked');
      await page.keyboard.press('Enter');
      const file = await waitForStep(/^File to create in workspace/);
      assert.equal(file.value, 'policies/bedrock-from-code.json');
      await page.keyboard.press('Enter');
      const written = join(workspace, 'policies', 'bedrock-from-code.json');
      await waitForValue(async () => existsSync(written), (e) => e, 'the generated policy on disk');
      const { model } = analyzeCode(APP, { language: 'typescript', path: 'src/app.ts' });
      const expected = policyText(policyFromCode({ calls: codeCalls(model, 'src/app.ts', new LineIndex(APP)), regions: ['us-west-2'], files: 1 }, { regions: ['us-west-2'] }).policy);
      assert.equal(readFileSync(written, 'utf8'), expected);
      assert.deepEqual(JSON.parse(expected).Statement[0], {
        Sid: 'InvokeModels',
        Effect: 'Allow',
        Action: 'bedrock:InvokeModel',
        Resource: 'arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
        Condition: { StringEquals: { 'bedrock:GuardrailIdentifier': 'arn:aws:bedrock:us-west-2:111122223333:guardrail/abc123xyz456:4' } },
      });
      assert.deepEqual(lint(expected), []);
    });
  });

  test('"Fix All in Workspace…" asks, previews the fix of a closed file in the Refactor Preview, and applies and saves the checked one', async () => {
    await step('fix-all', async () => {
      // A policy that appears on disk, never opened: the workspace scan reports it.
      mkdirSync(join(workspace, 'legacy'));
      const file = join(workspace, 'legacy', 'old-policy.json');
      writeFileSync(file, OLD_POLICY);
      await showProblems(page);
      await waitForValue(() => problemsOf('old-policy.json'), (rows) => rows.some((r) => r.startsWith('policy/missing-version@')), 'the closed policy\'s finding from the workspace scan', UI_TIMEOUT * 2);
      await runCommand('Bedrock Security: Fix All in Workspace');
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      assert.equal((await dialog.locator('.dialog-message-text').textContent())?.trim(), 'Bedrock Security: fix 1 problem in 1 file?');
      await dialog.locator('.dialog-buttons .monaco-button', { hasText: 'Preview…' }).click();
      const preview = page.locator('.bulk-edit-panel');
      await preview.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const row = preview.locator('.monaco-list-row', { hasText: 'old-policy.json' }).first();
      await row.waitFor({ timeout: UI_TIMEOUT });
      assert.equal(readFileSync(file, 'utf8'), OLD_POLICY, 'nothing changes while the preview is open');
      // Edits that need confirmation start unchecked: check the file, then Apply.
      await row.locator('input.edit-checkbox').check();
      await preview.locator('.buttons .monaco-button', { hasText: 'Apply' }).click();
      const fixed = await waitForValue(async () => readFileSync(file, 'utf8'), (t) => t !== OLD_POLICY, 'old-policy.json to be saved with the fix');
      assert.equal(fixed, OLD_POLICY.replace('{\n', '{\n  "Version": "2012-10-17",\n'));
      await waitForValue(() => problemsOf('old-policy.json'), (rows) => rows.length === 0, 'no finding left in old-policy.json', UI_TIMEOUT * 2);

      // Lint Workspace re-lints everything with a progress notification, then says what it found.
      await runCommand('Bedrock Security: Lint Workspace');
      const toasts = page.locator('.notification-toast .notification-list-item-message');
      await waitForValue(async () => (await toasts.allTextContents()).map((t) => t.trim()), (t) => t.includes('Bedrock Security: no findings in the workspace.'), 'the Lint Workspace summary');
    });
  });
});
