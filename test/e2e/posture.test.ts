// The Account Posture view in a real VS Code: the packaged VSIX in code-server (VS Code 1.100),
// driven in headless Chromium, with the fake AWS endpoint of test/posture (bare-account
// scenario) standing in for AWS. code-server gets test credentials through the environment
// (and private AWS config files, so that the real ~/.aws is never read) and the endpoint URL
// through the workspace settings. Proves: no AWS call before the user asks; the tree shows the
// engine's own results for the account; results stay cached until Refresh, which calls again;
// a failing check's remediation copies its AWS CLI command; Cancel stops a slow refresh and keeps
// the previous results; Export writes the Markdown and JSON reports; every call was SigV4-signed
// and read-only. Screenshot: docs/images/posture.png with
// BEDROCK_SECURITY_UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildPostureTree, STATE_DISPLAY, type PostureNode } from '../../client/src/views/posture/tree-model';
import { renderMarkdown, runPosture, summaryLine } from '../../server/src/posture/index';
import type { PostureReport } from '../../server/src/posture/types';
import { FakeAws, loadScenario, TEST_CREDENTIALS } from '../posture/fake-aws';
import { type CodeServer, type CodeServerDirs } from './code-server';
import { waitForValue } from './workbench';
import { RESULTS, saveScreenshot, startEditorSession, stopEditorSession, uiStep, type EditorSession } from './steps';

const UI_TIMEOUT = 120_000;
const REGION = 'us-east-1';

/** Settings over the quiet workbench's (QUIET_SETTINGS). */
const SETTINGS = {
  'workbench.hover.delay': 300,
};

/** One row of the tree as rendered. */
interface TreeRow {
  level: number;
  label: string;
  description: string;
  /** The codicon of the row's icon. */
  icon: string;
  /** The row's aria-label (the state in words). */
  spoken: string;
  /** `true`/`false` for expandable rows, null for leaves. */
  expanded: string | null;
}

/** The rows a tree shows: expanded nodes show their children. */
function visibleRows(nodes: readonly PostureNode[], level = 1): TreeRow[] {
  return nodes.flatMap((n) => {
    const children = n.kind === 'region' || n.kind === 'category' ? n.children : undefined;
    const row: TreeRow = { level, label: n.label, description: n.description, icon: n.icon.id, spoken: n.spoken, expanded: children ? String(!!n.expanded) : null };
    return [row, ...(children && n.expanded ? visibleRows(children, level + 1) : [])];
  });
}

async function readTree(page: Page): Promise<TreeRow[]> {
  const rows = await page.locator('.part.sidebar .customview-tree .monaco-list-row').evaluateAll((els) =>
    els.map((row) => ({
      index: Number(row.getAttribute('data-index')),
      level: Number(row.getAttribute('aria-level')),
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      icon: [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-'))?.slice('codicon-'.length) ?? '',
      spoken: row.getAttribute('aria-label') ?? '',
      expanded: row.getAttribute('aria-expanded'),
    })),
  );
  return rows.sort((a, b) => a.index - b.index).map(({ index: _, ...row }) => row);
}

describe('Account Posture view in VS Code (code-server) against the fake AWS endpoint', { timeout: 600_000 }, () => {
  let base: string;
  let dirs: CodeServerDirs;
  let workspace: string;
  let fake: FakeAws;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const session: Partial<EditorSession> = {};
  /** What the engine itself reports for the scenario (run in this process, before the UI). */
  let expected: PostureReport;
  /** Requests one posture run makes. */
  let callsPerRun: number;

  before(async () => {
    fake = await new FakeAws(loadScenario('bare')).start();
    const credentials = async () => ({ accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey });
    expected = await runPosture({ regions: [REGION], endpointUrl: fake.url, credentials });
    callsPerRun = fake.calls.length;
    fake.calls.length = 0;

    base = mkdtempSync(join(tmpdir(), 'bedrock-security-posture-e2e-'));
    workspace = join(base, 'workspace');
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'bedrockSecurity.posture.endpointUrl': fake.url }, null, 2));
    // Private shared files: a default profile without keys, so that the environment keys are used.
    writeFileSync(join(base, 'aws-config'), '[default]\nregion = eu-west-1\n');
    writeFileSync(join(base, 'aws-credentials'), '');
    ({ dirs, server, browser, page } = await startEditorSession(session, base, workspace, {
      settings: SETTINGS,
      permissions: ['clipboard-read', 'clipboard-write'],
      env: {
        AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
        AWS_REGION: REGION,
        AWS_CONFIG_FILE: join(base, 'aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(base, 'aws-credentials'),
        AWS_PROFILE: undefined,
        AWS_DEFAULT_REGION: undefined,
        AWS_SESSION_TOKEN: undefined,
        AWS_BEARER_TOKEN_BEDROCK: undefined,
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    }));
  });

  after(async () => {
    await fake?.close();
    await stopEditorSession(session, base);
  });

  const step = uiStep('posture-', () => ({ page, server, dirs }));

  /** Hovers a row until its tooltip is fully shown (after its fade-in); returns the tooltip's text. */
  async function showTooltip(row: Locator, title: string): Promise<string> {
    await row.hover();
    const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: title }).last();
    await hover.waitFor({ state: 'visible', timeout: 30_000 });
    await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a: { finished: Promise<unknown> }) => a.finished)));
    await waitForValue(() => hover.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).opacity), (o) => o === '1', 'the tooltip to be opaque', 10_000);
    return hover.innerText();
  }

  const expectedRows = (): TreeRow[] => visibleRows(buildPostureTree(expected, summaryLine));
  const treeShows = (rows: TreeRow[]): Promise<TreeRow[]> => waitForValue(() => readTree(page), (seen) => JSON.stringify(seen) === JSON.stringify(rows), 'the posture tree of the bare account', UI_TIMEOUT);
  const viewAction = (name: string) => page.locator('.part.sidebar .title-actions').getByRole('button', { name, exact: true });

  test('the engine finds the bare account wanting (the fixture keeps exercising fail, warning and not applicable)', () => {
    assert.equal(summaryLine(expected.summary), '3 warnings · 6 failed · 10 not applicable');
    assert.deepEqual(expected.regions.map((r) => r.region), [REGION, 'global']);
  });

  test('the view opens on its welcome content, with the profile in the status bar and no AWS call', async () => {
    await step('welcome', async () => {
      await page.getByRole('tab', { name: 'Bedrock Security' }).click();
      await page.getByRole('button', { name: 'Check Account Posture' }).waitFor({ timeout: UI_TIMEOUT });
      const welcome = await page.locator('.part.sidebar .welcome-view-content').innerText();
      assert.match(welcome, /^Check the Amazon Bedrock security of an AWS account .* with read-only calls\. Nothing in the account is changed\./);
      const status = page.locator('[id="bedrock-security.bedrock-security.bedrockSecurity.posture.profile"]');
      await waitForValue(() => status.innerText(), (t) => t.trim() === 'environment credentials', 'the profile in the status bar', 30_000);
      assert.equal(await status.getAttribute('aria-label'), 'AWS profile: environment credentials. Select another profile.');
      assert.deepEqual(fake.calls, [], 'no AWS call before the user asks');
    });
  });

  test('Check Account Posture shows the engine results as Region, category and check rows', async () => {
    await step('tree', async () => {
      // A wider side bar, as a user reading the checks would make it: drag the sash at its edge.
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      assert.ok(sidebar, 'no side bar');
      await page.mouse.move(sidebar.x + sidebar.width, 400);
      await page.mouse.down();
      await page.mouse.move(660, 400, { steps: 5 });
      await page.mouse.up();
      await page.getByRole('button', { name: 'Check Account Posture' }).click();
      const rows = expectedRows();
      assert.deepEqual(
        rows.filter((r) => r.level < 3).map((r) => `${r.level} ${r.label} [${r.icon}] ${r.description}`),
        [
          '1 us-east-1 [error] 2 warnings · 5 failed · 10 not applicable',
          '2 Guardrails [error] 1 warning · 1 failed · 4 not applicable',
          '2 Logging [error] 1 warning · 2 failed · 3 not applicable',
          '2 Network [error] 1 failed · 2 not applicable',
          '2 Encryption [circle-slash] 1 not applicable',
          '2 Monitoring [error] 1 failed',
          '1 Global [error] 1 warning · 1 failed',
          '2 Identity [error] 1 warning · 1 failed',
        ],
      );
      const seen = await treeShows(rows);
      const first = seen.find((r) => r.label === 'At least one guardrail exists');
      assert.deepEqual(first, { level: 3, label: 'At least one guardrail exists', description: 'No guardrails', icon: 'error', spoken: 'At least one guardrail exists: Failed. No guardrails', expanded: null });
      assert.ok(seen.some((r) => r.icon === STATE_DISPLAY.warning.icon.id) && seen.some((r) => r.icon === STATE_DISPLAY['not-applicable'].icon.id));
      // The line above the tree is rendered after the rows: wait for it rather than read it once.
      const expectedMessage = new RegExp(`^3 warnings · 6 failed · 10 not applicable — environment credentials at .+ through ${fake.url.replace(/\./g, '\\.')}$`);
      const message = await waitForValue(() => page.locator('.part.sidebar .tree-explorer-viewlet-tree-view .message').innerText(), (t) => expectedMessage.test(t), 'the summary line above the tree');
      assert.match(message, expectedMessage);
      await waitForValue(async () => fake.calls.length, (n) => n === callsPerRun, `${callsPerRun} calls of one run`, 10_000);
    });
  });

  test("a failing check's tooltip shows its evidence and fix; its remediation copies the AWS CLI command", async () => {
    await step('remediation', async () => {
      const check = expected.regions[1].results.find((r) => r.checkId === 'identity/long-term-api-keys');
      assert.ok(check?.remediation?.cliCommand && check.state === 'fail');
      const row = page.locator('.part.sidebar .customview-tree .monaco-list-row', { hasText: check.title });
      const text = await showTooltip(row, check.title);
      for (const part of [`${check.title} — Failed`, check.checkId, ...check.evidence.slice(0, 3).map((e) => e.value), `Fix: ${check.remediation.title}`]) assert.ok(text.includes(part), `the tooltip lacks ${JSON.stringify(part)}:\n${text}`);
      await page.keyboard.press('Escape');
      await row.hover();
      await row.getByRole('button', { name: 'Fix…' }).click();
      const items = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      await items.first().waitFor({ state: 'visible', timeout: 30_000 });
      const labels = await items.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent?.trim() ?? ''));
      assert.deepEqual(labels.slice(0, 1), ['Copy the AWS CLI command']);
      await page.keyboard.press('Enter');
      await page.locator('.notification-toast', { hasText: 'copied the AWS CLI command' }).waitFor({ timeout: 30_000 });
      assert.equal(await page.evaluate('navigator.clipboard.readText()'), check.remediation.cliCommand);
      assert.equal(fake.calls.length, callsPerRun, 'the results are cached: no call until Refresh');
    });
  });

  test('Refresh calls AWS again and shows the same tree', async () => {
    await step('refresh', async () => {
      await viewAction('Refresh Account Posture').click();
      await waitForValue(async () => fake.calls.length, (n) => n === 2 * callsPerRun, `${2 * callsPerRun} calls after Refresh`, UI_TIMEOUT);
      await viewAction('Refresh Account Posture').waitFor({ timeout: UI_TIMEOUT });
      await treeShows(expectedRows());
    });
  });

  test('Cancel stops a slow refresh at once and keeps the previous results', async () => {
    await step('cancel', async () => {
      fake.use(loadScenario('slow'));
      const before = fake.calls.length;
      await viewAction('Refresh Account Posture').click();
      await waitForValue(async () => fake.calls.slice(before).some((c) => c.operation === 'cloudtrail:DescribeTrails'), (held) => held, 'the held DescribeTrails call', UI_TIMEOUT);
      await viewAction('Cancel Account Posture Refresh').click();
      await viewAction('Refresh Account Posture').waitFor({ timeout: 30_000 });
      const message = page.locator('.part.sidebar .tree-explorer-viewlet-tree-view .message');
      await waitForValue(() => message.innerText(), (t) => t.startsWith('Refresh cancelled: these are the results of '), 'the cancelled message', 30_000);
      await treeShows(expectedRows());
      fake.use(loadScenario('bare'));
    });
  });

  test('Export writes a Markdown and a JSON report of the results into the workspace', async () => {
    await step('export', async () => {
      await viewAction('Export Account Posture Report…').click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 30_000 });
      const path = await waitForValue(() => input.inputValue(), (v) => v.endsWith('.md'), 'the suggested file name', 30_000);
      assert.match(path, new RegExp(`${workspace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/bedrock-posture-\\d{8}T\\d{4}Z\\.md$`));
      // The save dialog may still be listing the folder when Enter arrives and ignore it: press
      // Enter until the dialog closes, then wait for the files on disk, then for the notification.
      const widget = page.locator('.quick-input-widget');
      const end = Date.now() + UI_TIMEOUT;
      while (await widget.isVisible()) {
        if (Date.now() > end) throw new Error(`the save dialog did not accept ${path}`);
        await page.keyboard.press('Enter');
        await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }
      const name = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
      const files = await waitForValue(async () => readdirSync(workspace).filter((f) => f.startsWith('bedrock-posture-')).sort(), (f) => f.length === 2, 'the two report files', UI_TIMEOUT);
      assert.deepEqual(files, [`${name}.json`, `${name}.md`]);
      const report = JSON.parse(readFileSync(join(workspace, files[0]), 'utf8')) as PostureReport;
      assert.deepEqual({ ...report, generatedAt: expected.generatedAt }, expected);
      assert.equal(readFileSync(join(workspace, files[1]), 'utf8'), renderMarkdown(report));
      // README screenshot: the exported report open beside the tree, a failing check's tooltip.
      // The "exported" notification offers to open the report; when the workbench queues it (seen
      // behind the cancelled refresh's progress on a loaded machine), Quick Open opens it instead.
      const toast = page.locator('.notification-toast', { hasText: 'exported' });
      if (await toast.waitFor({ timeout: 15_000 }).then(() => true, () => false)) {
        await toast.getByRole('button', { name: 'Open Markdown' }).click();
      } else {
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
        await page.keyboard.type(files[1]);
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: files[1] }).first().waitFor({ timeout: UI_TIMEOUT });
        await page.keyboard.press('Enter');
      }
      await page.locator('.tabs-container .tab.active', { hasText: files[1] }).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Escape');
      await page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: 10_000 });
      const trail = 'Multi-Region CloudTrail trail logging, validated, KMS-encrypted';
      const tooltip = await showTooltip(page.locator('.part.sidebar .customview-tree .monaco-list-row', { hasText: trail }), trail);
      assert.match(tooltip, /arn:aws:cloudtrail:us-east-1:111122223333:trail\/local-trail/);
      await saveScreenshot(page, 'posture.png');
    });
  });

  test('every call reached the endpoint SigV4-signed, and all were read-only', () => {
    assert.ok(fake.calls.length > 0 && fake.calls.every((c) => c.signed), 'unsigned calls');
    const operations = fake.operations();
    assert.deepEqual(operations.filter((op) => !/^[a-z0-9-]+:(List|Get|Describe)[A-Za-z]+$/.test(op)), []);
    assert.ok(existsSync(join(RESULTS, 'posture.png')));
  });
});
