// The Account Posture tree as data: report → Region, category and check nodes with their labels,
// descriptions, icons, tooltips, context values and expansion; remediation actions; Markdown
// escaping; bad input. No `vscode` needed: posture-tree.ts only wraps these nodes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CheckResult, PostureReport, PostureSummary } from '../../../../server/src/posture/types';
import {
  buildPostureTree,
  checkContextValue,
  checkTooltip,
  countStates,
  escapeMarkdown,
  inlineCode,
  noticeNode,
  remediationActions,
  safeUrl,
  snippetLanguage,
  STATE_DISPLAY,
  worstState,
  type CheckNode,
} from '../../../../client/src/views/posture/tree-model';

/** Counts as `pass/warning/fail/notApplicable/error`, so that tests pin the counting, not the wording. */
const counts = (s: PostureSummary): string => `${s.pass}/${s.warning}/${s.fail}/${s.notApplicable}/${s.error}`;

function result(over: Partial<CheckResult> & Pick<CheckResult, 'checkId' | 'state'>): CheckResult {
  return { title: over.checkId, category: 'Guardrails', region: 'us-east-1', summary: `${over.checkId} summary`, evidence: [], ...over };
}

const PROMPT_ATTACK = result({
  checkId: 'guardrails/prompt-attack-high',
  title: 'Prompt-attack filter at HIGH',
  state: 'fail',
  summary: 'Prompt-attack filter: 0 of 1 guardrail at HIGH',
  evidence: [
    { label: 'Guardrail', value: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123' },
    { label: 'PROMPT_ATTACK input strength', value: 'LOW' },
  ],
  consoleUrl: 'https://us-east-1.console.aws.amazon.com/bedrock/home?region=us-east-1#/guardrails',
  remediation: {
    title: 'Set the prompt-attack filter of each guardrail to HIGH',
    cliCommand: 'aws bedrock update-guardrail --guardrail-identifier abc123 …',
    docsUrl: 'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-prompt-attack.html',
  },
});

const REPORT: PostureReport = {
  profile: 'dev',
  accountId: '111122223333',
  generatedAt: '2026-11-30T08:12:00.000Z',
  summary: { pass: 2, warning: 1, fail: 1, notApplicable: 1, error: 2 },
  regions: [
    {
      region: 'global',
      results: [result({ checkId: 'identity/full-access', title: 'AmazonBedrockFullAccess attachments', category: 'Identity', region: 'global', state: 'error', summary: 'Could not check', reason: 'AccessDenied: iam:ListEntitiesForPolicy was denied' })],
    },
    {
      region: 'us-east-1',
      results: [
        result({ checkId: 'monitoring/alarms', category: 'Monitoring', state: 'pass' }),
        PROMPT_ATTACK,
        result({ checkId: 'guardrails/exists', state: 'pass' }),
        result({ checkId: 'logging/invocation', category: 'Logging', state: 'warning', remediation: { title: 'Turn on text delivery', snippet: '{"loggingConfig": {"textDataDeliveryEnabled": true}}' } }),
        result({ checkId: 'encryption/custom-models', category: 'Encryption', state: 'not-applicable', summary: 'No custom or imported models' }),
        result({ checkId: 'network/vpc-endpoints', category: 'Network', state: 'error', reason: 'ThrottlingException after 3 attempts' }),
      ],
    },
  ],
};

describe('buildPostureTree', () => {
  const tree = buildPostureTree(REPORT, counts);

  test('Regions in report order with Global last; categories in checklist order; checks in report order', () => {
    assert.deepEqual(tree.map((r) => [r.id, r.label]), [['region:us-east-1', 'us-east-1'], ['region:global', 'Global']]);
    const east = tree[0];
    assert.deepEqual(east.children.map((c) => c.label), ['Guardrails', 'Logging', 'Network', 'Encryption', 'Monitoring']);
    assert.deepEqual(east.children[0].children.map((c) => c.id), ['check:us-east-1:guardrails/prompt-attack-high', 'check:us-east-1:guardrails/exists']);
    assert.deepEqual(tree[1].children.map((c) => [c.id, c.label]), [['category:global:Identity', 'Identity']]);
  });

  test('descriptions count the states below each node; icons show the worst state', () => {
    const east = tree[0];
    assert.equal(east.description, '2/1/1/1/1');
    assert.deepEqual(east.icon, { id: 'error', color: 'testing.iconFailed' });
    assert.deepEqual(east.children.map((c) => [c.label, c.description, c.icon.id]), [
      ['Guardrails', '1/0/1/0/0', 'error'],
      ['Logging', '0/1/0/0/0', 'warning'],
      ['Network', '0/0/0/0/1', 'question'],
      ['Encryption', '0/0/0/1/0', 'circle-slash'],
      ['Monitoring', '1/0/0/0/0', 'pass'],
    ]);
    assert.equal(tree[1].description, '0/0/0/0/1');
    assert.deepEqual(tree[1].icon, { id: 'question', color: 'problemsWarningIcon.foreground' });
  });

  test('Regions are expanded; a category only when something in it needs attention', () => {
    assert.deepEqual(tree.map((r) => r.expanded), [true, true]);
    assert.deepEqual(tree[0].children.map((c) => [c.label, c.expanded]), [['Guardrails', true], ['Logging', true], ['Network', true], ['Encryption', false], ['Monitoring', false]]);
  });

  test('a check node shows its title, its summary and the icon and colour of its state', () => {
    const node = tree[0].children[0].children[0];
    assert.equal(node.kind, 'check');
    assert.deepEqual([node.label, node.description, node.icon, node.contextValue], [
      'Prompt-attack filter at HIGH',
      'Prompt-attack filter: 0 of 1 guardrail at HIGH',
      { id: 'error', color: 'testing.iconFailed' },
      'postureCheck fail remediable copyCliCommand openRemediationDocs openConsole',
    ]);
    assert.equal((node as CheckNode).result, PROMPT_ATTACK);
  });

  test('screen readers hear the state in words and the counts', () => {
    assert.deepEqual(
      [tree[0].spoken, tree[0].children[0].spoken, tree[0].children[0].children[0].spoken, tree[1].spoken, tree[1].children[0].spoken],
      ['us-east-1: 2/1/1/1/1', 'Guardrails in us-east-1: 1/0/1/0/0', 'Prompt-attack filter at HIGH: Failed. Prompt-attack filter: 0 of 1 guardrail at HIGH', 'Global: 0/0/0/0/1', 'Identity in Global: 0/0/0/0/1'],
    );
  });

  test('every state has its own icon and word', () => {
    assert.deepEqual(
      Object.entries(STATE_DISPLAY).map(([state, d]) => `${state}:${d.icon.id}:${d.icon.color}:${d.label}`),
      [
        'fail:error:testing.iconFailed:Failed',
        'error:question:problemsWarningIcon.foreground:Could not check',
        'warning:warning:problemsWarningIcon.foreground:Warning',
        'pass:pass:testing.iconPassed:Passed',
        'not-applicable:circle-slash:disabledForeground:Not applicable',
      ],
    );
  });

  test('the Region tooltip names the Region; Global explains that IAM checks run once', () => {
    assert.equal(tree[0].tooltip, '$(error) **us\\-east\\-1** — US East \\(N\\. Virginia\\)\n\n2/1/1/1/1');
    assert.equal(tree[1].tooltip, '$(question) **global** — Account\\-wide checks \\(IAM is global: run once, not per Region\\)\n\n0/0/0/0/1');
  });

  test('node ids are unique even when a Region repeats a check id; results with unknown states are left out', () => {
    const odd: PostureReport = {
      ...REPORT,
      regions: [{ region: 'eu-west-1', results: [result({ checkId: 'x', state: 'pass' }), result({ checkId: 'x', state: 'fail' }), { ...result({ checkId: 'y', state: 'pass' }), state: 'bogus' as never }] }],
    };
    const [region] = buildPostureTree(odd, counts);
    assert.deepEqual(region.children[0].children.map((c) => c.id), ['check:eu-west-1:x', 'check:eu-west-1:x#2']);
    assert.equal(region.description, '1/0/1/0/0');
  });

  test('a Region without results is a leaf-less node with a neutral icon; an empty report has no nodes', () => {
    const [empty] = buildPostureTree({ ...REPORT, regions: [{ region: 'eu-west-1', results: [] }] }, counts);
    assert.deepEqual([empty.children, empty.icon, empty.description], [[], { id: 'globe' }, '0/0/0/0/0']);
    assert.deepEqual(buildPostureTree({ ...REPORT, regions: [] }, counts), []);
  });
});

describe('check tooltips', () => {
  test('a failed check: state, ids, summary, evidence, fix and links', () => {
    assert.equal(
      checkTooltip(PROMPT_ATTACK),
      [
        '$(error) **Prompt\\-attack filter at HIGH** — Failed',
        '`guardrails/prompt-attack-high` · us\\-east\\-1 · Guardrails',
        'Prompt\\-attack filter: 0 of 1 guardrail at HIGH',
        '**Evidence**\n\n- Guardrail: `arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123`\n- PROMPT\\_ATTACK input strength: `LOW`',
        '**Fix:** Set the prompt\\-attack filter of each guardrail to HIGH',
        '[$(link-external) Open in the AWS console](https://us-east-1.console.aws.amazon.com/bedrock/home?region=us-east-1#/guardrails) · [$(book) AWS documentation](https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-prompt-attack.html)',
      ].join('\n\n'),
    );
  });

  test('a check that could not run says why', () => {
    const text = checkTooltip(REPORT.regions[0].results[0]);
    assert.equal(text, '$(question) **AmazonBedrockFullAccess attachments** — Could not check\n\n`identity/full-access` · global · Identity\n\nCould not check\n\n**Could not check:** AccessDenied: iam:ListEntitiesForPolicy was denied');
  });

  test('evidence is cut after 20 lines and 300 characters; values with backticks stay code', () => {
    const many = result({ checkId: 'c', state: 'warning', evidence: Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: i === 0 ? 'x'.repeat(400) : i === 1 ? 'a`b``c' : String(i) })) });
    const evidence = checkTooltip(many).split('\n\n**Evidence**\n\n')[1].split('\n');
    assert.equal(evidence.length, 21);
    assert.equal(evidence[0], `- L0: \`${'x'.repeat(299)}…\``);
    assert.equal(evidence[1], '- L1: ```a`b``c```');
    assert.equal(evidence[20], '- … and 3 more (Export writes all of them)');
  });

  test('only https links are rendered; a passed check shows no fix', () => {
    const text = checkTooltip(result({ checkId: 'c', state: 'pass', consoleUrl: 'javascript:alert(1)', remediation: { title: 'Do X', docsUrl: 'http://example.com/' } }));
    assert.ok(!text.includes('javascript') && !text.includes('http://') && !text.includes('Fix'), text);
  });

  test('malformed evidence (not a list, non-string values) does not throw', () => {
    const weird = { ...result({ checkId: 'c', state: 'fail' }), evidence: 'oops' as never };
    assert.ok(!checkTooltip(weird).includes('Evidence'));
    const numbers = result({ checkId: 'c', state: 'fail', evidence: [{ label: 'n', value: 42 as never }] });
    assert.ok(checkTooltip(numbers).includes('- n: `42`'));
  });
});

describe('remediation actions and context values', () => {
  test('failed checks and warnings offer their remediation; the console link is offered in any state', () => {
    assert.deepEqual(remediationActions(PROMPT_ATTACK), ['copyCliCommand', 'openRemediationDocs', 'openConsole']);
    const warning = REPORT.regions[1].results[3];
    assert.deepEqual(remediationActions(warning), ['openSnippet']);
    assert.equal(checkContextValue(warning), 'postureCheck warning remediable openSnippet');
    const passed = { ...PROMPT_ATTACK, state: 'pass' as const };
    assert.deepEqual(remediationActions(passed), []);
    assert.equal(checkContextValue(passed), 'postureCheck pass openConsole');
    assert.equal(checkContextValue(result({ checkId: 'c', state: 'not-applicable' })), 'postureCheck not-applicable');
  });

  test('an unsafe docs or console URL is not offered', () => {
    const bad = result({ checkId: 'c', state: 'fail', consoleUrl: 'file:///etc/passwd', remediation: { title: 't', docsUrl: 'javascript:alert(1)' } });
    assert.deepEqual(remediationActions(bad), []);
    assert.equal(checkContextValue(bad), 'postureCheck fail');
  });

  test('snippets open as JSON when they parse, as shell scripts when they are AWS CLI text', () => {
    assert.equal(snippetLanguage('{"Version": "2012-10-17"}'), 'json');
    assert.equal(snippetLanguage('  aws bedrock put-model-invocation-logging-configuration \\\n  --logging-config file://logging.json'), 'shellscript');
    assert.equal(snippetLanguage('#!/bin/sh\nexit 0'), 'shellscript');
    assert.equal(snippetLanguage('Turn on logging in the console.'), 'plaintext');
  });
});

describe('helpers', () => {
  test('countStates and worstState', () => {
    const all = REPORT.regions.flatMap((r) => r.results);
    assert.deepEqual(countStates(all), REPORT.summary);
    assert.equal(worstState(all), 'fail');
    assert.equal(worstState(all.filter((r) => r.state !== 'fail')), 'error');
    assert.equal(worstState([]), 'not-applicable');
  });

  test('escapeMarkdown leaves no active Markdown and no theme icon syntax', () => {
    assert.equal(escapeMarkdown('*a* _b_ [c](d) $(e) <f> `g` #h |i|\nj'), '\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\$\\(e\\) \\<f\\> \\`g\\` \\#h \\|i\\| j');
  });

  test('inlineCode picks a longer fence than any backtick run and pads edge backticks', () => {
    assert.equal(inlineCode('plain'), '`plain`');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
    assert.equal(inlineCode(''), '(empty)');
  });

  test('safeUrl accepts https only and encodes characters that end a Markdown link', () => {
    assert.equal(safeUrl('https://example.com/a (b)'), 'https://example.com/a%20%28b%29');
    assert.equal(safeUrl('http://example.com/'), undefined);
    assert.equal(safeUrl('not a url'), undefined);
  });

  test('noticeNode: a run-level message with its icon and an optional command', () => {
    const node = noticeNode('run', 'error', 'Could not run the checks', 'The SSO session has expired: run `aws sso login --profile dev`', { id: 'bedrockSecurity.posture.selectProfile', title: 'Select AWS profile' });
    assert.deepEqual(
      { ...node },
      {
        kind: 'notice',
        id: 'notice:run',
        label: 'Could not run the checks',
        description: 'The SSO session has expired: run `aws sso login --profile dev`',
        tooltip: '$(question) **Could not run the checks**\n\nThe SSO session has expired: run \\`aws sso login \\-\\-profile dev\\`\n\nClick to select AWS profile.',
        icon: { id: 'question', color: 'problemsWarningIcon.foreground' },
        contextValue: 'postureNotice',
        spoken: 'Could not run the checks: The SSO session has expired: run `aws sso login --profile dev`',
        command: { id: 'bedrockSecurity.posture.selectProfile', title: 'Select AWS profile' },
      },
    );
    assert.deepEqual(noticeNode('checking', { id: 'loading~spin' }, 'Checking…', 'dev in us-east-1').icon, { id: 'loading~spin' });
  });
});
