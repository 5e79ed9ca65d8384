// The extension in a real VS Code: the packaged VSIX installed into code-server (VS Code 1.100),
// driven in headless Chromium. Proves that the VSIX holds what it must, that the Problems panel
// lists the engine's findings for a policy, and that a quick fix chosen with the keyboard changes
// the file on disk and clears its finding. Needs scripts/setup-e2e.sh (npm test runs it first).
// Screenshots go to test-results/e2e/; with BEDROCK_SECURITY_UPDATE_SCREENSHOTS=1 they also
// replace the README images in docs/images/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { docsUrl } from '../../server/src/engine/rules/docs-url';
import { LineIndex } from '../../server/src/engine/text';
import type { Severity } from '../../server/src/engine/types';
import { lint } from '../helpers';
import { packageExtension, repoRoot, type CodeServer, type CodeServerDirs, type PackagedExtension } from './code-server';
import { goToPosition, openFile, openQuickFixMenu, readProblems, showProblems, waitForValue, type ProblemRow } from './workbench';
import { saveScreenshot, startEditorSession, stopEditorSession, uiStep, type EditorSession } from './steps';

const POLICY = 'bedrock-app-policy.json';
const FIXTURE = join(repoRoot, 'test', 'e2e', 'fixtures', 'workspace');
/** Cold start to first diagnostics took ~5-18 s here; CI machines may be slower. */
const FIRST_DIAGNOSTICS_TIMEOUT = 120_000;


/** The Problems panel's icon for each severity. */
const ICONS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** What the Problems panel should show for `text`: the engine's own findings (hints are not listed). */
function expectedRows(text: string): ProblemRow[] {
  const lines = new LineIndex(text);
  return sortRows(
    lint(text, { path: POLICY })
      .filter((f) => f.severity !== 'hint')
      .map((f) => {
        const { start } = lines.rangeOf(f.span);
        return { severity: ICONS[f.severity], message: f.message, source: 'bedrock-security', code: f.ruleId, href: docsUrl(f.ruleId), line: start.line + 1, column: start.character + 1 };
      }),
  );
}

function sortRows(rows: ProblemRow[]): ProblemRow[] {
  return [...rows].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}

const where = (rows: Pick<ProblemRow, 'code' | 'line' | 'column'>[]): string[] => rows.map((r) => `${r.code}@${r.line}:${r.column}`);

/** The fixture's findings (rule@line:column), pinned so that it keeps exercising what it was written for. */
const FIXTURE_FINDINGS = [
  'policy/missing-version@2:3',
  'bedrock/guardrail-not-enforced@6:18',
  'iam/passrole-wildcard@12:17',
  'iam/wildcard-resource@13:19',
  'bedrock/control-tampering@18:17',
  'iam/wildcard-resource@19:19',
];

/** The SARIF 2.1.0 subset the CLI test reads. */
interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
}

describe('VS Code (code-server) with the packaged extension', { timeout: 600_000 }, () => {
  let base: string;
  let dirs: CodeServerDirs;
  let workspace: string;
  let packaged: PackagedExtension;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const session: Partial<EditorSession> = {};

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'bedrock-security-e2e-'));
    workspace = join(base, 'workspace');
    cpSync(FIXTURE, workspace, { recursive: true });
    packaged = packageExtension();
    ({ dirs, server, browser, page } = await startEditorSession(session, base, workspace, { vsix: packaged.vsix }));
  });

  after(async () => {
    await stopEditorSession(session, base);
  });

  const step = uiStep('', () => ({ page, server, dirs }));

  const screenshot = (name: string) => saveScreenshot(page, name);

  test('the VSIX holds the bundles, the IAM data and the rule docs, and no sources', () => {
    const { files } = packaged;
    for (const f of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/iam-data/services.json', 'dist/iam-data/actions/bedrock.json', 'docs/rules/policy/missing-version.md']) {
      assert.ok(files.includes(f), `the VSIX lacks ${f}`);
    }
    const unwanted = files.filter((f) => /^(client|server|test|out|scripts|node_modules|examples)\//.test(f) || /\.(ts|map|vsix)$/.test(f));
    assert.deepEqual(unwanted, []);
  });

  test('the installed extension carries its IAM data, and its CLI runs from there', () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const installed = join(dirs.extensionsDir, `bedrock-security.bedrock-security-${version}`);
    assert.ok(existsSync(join(installed, 'dist', 'iam-data', 'actions', 'bedrock.json')), `no IAM data in ${installed}`);
    assert.ok(!existsSync(join(installed, 'node_modules')), 'the installed extension has a node_modules folder');
    const r = spawnSync(process.execPath, [join(installed, 'dist', 'cli.js'), 'lint', '--format', 'sarif', POLICY], { cwd: workspace, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const sarif = JSON.parse(r.stdout) as SarifLog;
    const found = sarif.runs[0].results.map((x) => {
      const { startLine, startColumn } = x.locations[0].physicalLocation.region;
      return { code: x.ruleId, line: startLine, column: startColumn };
    });
    assert.deepEqual(where(found.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code))), FIXTURE_FINDINGS);
  });

  test('the Problems panel lists the findings of the open policy, and none for other JSON', async () => {
    await step('problems', async () => {
      const text = readFileSync(join(workspace, POLICY), 'utf8');
      const expected = expectedRows(text);
      assert.deepEqual(where(expected), FIXTURE_FINDINGS);
      await openFile(page, 'app-config.json');
      await openFile(page, POLICY);
      await showProblems(page);
      const seen = await waitForValue(() => readProblems(page), (v) => v.rows.length >= expected.length, `${expected.length} findings in the Problems panel`, FIRST_DIAGNOSTICS_TIMEOUT);
      assert.deepEqual(seen.files, [`${expected.length} problems in file ${POLICY} of folder .`]);
      assert.deepEqual(sortRows(seen.rows), expected);
      await screenshot('problems-panel.png');
    });
  });

  test('a quick fix chosen with the keyboard inserts "Version", is saved to disk and clears the finding', async () => {
    await step('quick-fix', async () => {
      const before = readFileSync(join(workspace, POLICY), 'utf8');
      const fixed = before.replace('{\n', '{\n  "Version": "2012-10-17",\n');
      await goToPosition(page, 2, 3);
      const menu = await openQuickFixMenu(page);
      assert.deepEqual(menu.find((a) => a.focused), { title: 'Set "Version" to "2012-10-17"', focused: true }, `menu: ${JSON.stringify(menu)}`);
      await screenshot('quick-fix-menu.png');
      await page.keyboard.press('Enter');
      const expected = expectedRows(fixed);
      assert.ok(!expected.some((r) => r.code === 'policy/missing-version'));
      const seen = await waitForValue(
        () => readProblems(page),
        (v) => !v.rows.some((r) => r.code === 'policy/missing-version') && v.rows.length === expected.length,
        'the Problems panel without policy/missing-version',
      );
      assert.deepEqual(sortRows(seen.rows), expected);
      await page.keyboard.press('Control+S');
      const onDisk = await waitForValue(async () => readFileSync(join(workspace, POLICY), 'utf8'), (t) => t !== before, `${POLICY} to be saved`);
      assert.equal(onDisk, fixed);
    });
  });
});
