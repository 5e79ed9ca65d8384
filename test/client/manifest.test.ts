// The extension manifest (package.json) and the client agree: every command id the client
// registers is contributed (category "Bedrock Security"), every menu entry names a contributed
// command, the Account Posture view's menus offer exactly the actions a check node's context
// value lists, the view icon is a monochrome 24x24 SVG that ships, and the posture settings are
// restricted in untrusted workspaces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Commands, ContextKeys, PostureSettings, Views } from '../../client/src/ids';
import { REGION_PATTERN } from '../../client/src/aws/regions';
import { checkContextValue, remediationActions, type RemediationAction } from '../../client/src/views/posture/tree-model';
import type { CheckResult, CheckState } from '../../server/src/posture/types';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const c = manifest.contributes;

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

test('every command id of the client is contributed with the category "Bedrock Security"', () => {
  const contributed = new Map((c.commands as { command: string; category: string; title: string }[]).map((x) => [x.command, x]));
  for (const id of Object.values(Commands)) {
    assert.ok(contributed.has(id), `${id} is not in contributes.commands`);
    assert.equal(contributed.get(id)?.category, 'Bedrock Security', id);
  }
  for (const [where, entries] of Object.entries(c.menus as Record<string, MenuEntry[]>)) {
    for (const e of entries) assert.ok(contributed.has(e.command), `menus.${where} names ${e.command}, which is not contributed`);
  }
});

test('the Account Posture view lives in its own activity-bar container with a shipped monochrome 24x24 SVG icon', () => {
  assert.deepEqual(c.viewsContainers.activitybar, [{ id: Views.container, title: 'Bedrock Security', icon: 'resources/bedrock-security.svg' }]);
  assert.deepEqual(c.views[Views.container].map((v: { id: string; name: string }) => [v.id, v.name]), [[Views.posture, 'Account Posture']]);
  const svg = readFileSync(join(root, 'resources', 'bedrock-security.svg'), 'utf8');
  assert.match(svg, /^<svg [^>]*width="24" height="24" viewBox="0 0 24 24"/);
  const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(colours)].sort(), ['currentColor', 'none']);
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!resources\/\*\.svg$/m);
  assert.match(ignore, /^!dist\/posture\.js$/m);
});

test('the view title has Refresh (Cancel while running) and Export; welcome views cover untrusted, no credentials and ready', () => {
  const title = (c.menus['view/title'] as MenuEntry[]).filter((e) => e.when?.startsWith(`view == ${Views.posture}`));
  assert.deepEqual(title.map((e) => `${e.command}|${e.group}|${e.when}`), [
    `${Commands.postureRefresh}|navigation@1|view == ${Views.posture} && !${ContextKeys.postureRunning}`,
    `${Commands.postureCancel}|navigation@1|view == ${Views.posture} && ${ContextKeys.postureRunning}`,
    `${Commands.postureExport}|navigation@2|view == ${Views.posture}`,
    `${Commands.postureSelectProfile}|1_aws@1|view == ${Views.posture}`,
    `${Commands.postureSelectRegions}|1_aws@2|view == ${Views.posture}`,
  ]);
  const welcome = (c.viewsWelcome as { view: string; when: string; contents: string }[]).filter((w) => w.view === Views.posture);
  assert.deepEqual(welcome.map((w) => w.when), ['!isWorkspaceTrusted', `isWorkspaceTrusted && ${ContextKeys.postureState} == noCredentials`, `isWorkspaceTrusted && ${ContextKeys.postureState} == ready`]);
  assert.match(welcome[1].contents, /\[Select AWS Profile\]\(command:bedrockSecurity\.posture\.selectProfile\)/);
  for (const w of welcome) {
    for (const [, command] of w.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(command === 'workbench.trust.manage' || Object.values(Commands).includes(command as never), command);
  }
});

test("a check node's context menu offers exactly the actions its context value lists", () => {
  const itemMenus = (c.menus['view/item/context'] as MenuEntry[]).filter((e) => e.when?.includes(`view == ${Views.posture}`));
  const matches = (entry: MenuEntry, contextValue: string): boolean => {
    const m = /viewItem =~ \/(.+)\/$/.exec(entry.when ?? '');
    assert.ok(m, `${entry.command}: no viewItem regex in ${entry.when}`);
    return new RegExp(m[1]).test(contextValue);
  };
  const commandOf: Record<RemediationAction, string> = {
    copyCliCommand: Commands.postureCopyCliCommand,
    openSnippet: Commands.postureOpenSnippet,
    openRemediationDocs: Commands.postureOpenRemediationDocs,
    openConsole: Commands.postureOpenConsole,
  };
  const full: Omit<CheckResult, 'state'> = {
    checkId: 'c',
    title: 't',
    category: 'Logging',
    region: 'us-east-1',
    summary: 's',
    evidence: [],
    consoleUrl: 'https://console.aws.amazon.com/',
    remediation: { title: 'r', cliCommand: 'aws x', snippet: '{}', docsUrl: 'https://docs.aws.amazon.com/' },
  };
  const states: CheckState[] = ['pass', 'warning', 'fail', 'not-applicable', 'error'];
  for (const state of states) {
    for (const r of [{ ...full, state }, { ...full, state, remediation: undefined }, { ...full, state, consoleUrl: undefined }]) {
      const value = checkContextValue(r);
      const offered = itemMenus.filter((e) => matches(e, value)).map((e) => e.command).sort();
      const actions = remediationActions(r);
      const expected = [...actions.map((a) => commandOf[a]), ...(actions.length ? [Commands.postureRemediate] : []), ...(r.consoleUrl && !actions.includes('openConsole') ? [Commands.postureOpenConsole] : [])].sort();
      assert.deepEqual(offered, expected, `${state} ${value}`);
    }
  }
  const inline = itemMenus.filter((e) => e.group?.startsWith('inline')).map((e) => e.command);
  assert.deepEqual(inline, [Commands.postureRemediate]);
  for (const other of ['postureRegion', 'postureCategory', 'postureNotice']) assert.deepEqual(itemMenus.filter((e) => matches(e, other)), [], other);
});

test('tree-item commands are hidden from the Command Palette', () => {
  const hidden = (c.menus.commandPalette as MenuEntry[]).filter((e) => e.when === 'false').map((e) => e.command).sort();
  assert.deepEqual(hidden, [Commands.postureCopyCliCommand, Commands.postureOpenConsole, Commands.postureOpenRemediationDocs, Commands.postureOpenSnippet, Commands.postureRemediate].sort());
});

test('posture settings: window scope, Region pattern as in the client, restricted in untrusted workspaces', () => {
  const props = c.configuration.properties;
  const keys = [PostureSettings.profile, PostureSettings.regions, PostureSettings.endpointUrl].map((k) => `${PostureSettings.section}.${k}`);
  for (const key of keys) assert.equal(props[key]?.scope, 'window', key);
  assert.deepEqual(props[keys[1]].default, []);
  assert.equal(props[keys[1]].items.pattern, REGION_PATTERN.source.replace('\\d', '[0-9]'));
  const endpoint = new RegExp(props[keys[2]].pattern);
  for (const ok of ['', 'http://127.0.0.1:4566', 'https://proxy.example.com/aws']) assert.ok(endpoint.test(ok), ok);
  for (const bad of ['ftp://x', 'localhost:4566', 'http://']) assert.ok(!endpoint.test(bad), bad);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, keys);
});
