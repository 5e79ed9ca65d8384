// Reports for people and machines: the summary line (exact wording and order), the JSON export
// (the report as is) and the Markdown export (tables per Region and category, details of what
// did not pass, table cells escaped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson, renderMarkdown, summaryLine, type CheckResult, type PostureReport } from '../../server/src/posture/index';
import { formatPostureText } from '../../server/src/cli/format/posture-text';

test('summaryLine: passed · warnings · failed · could not check · not applicable, zero parts left out', () => {
  assert.equal(summaryLine({ pass: 14, warning: 0, fail: 3, notApplicable: 0, error: 1 }), '14 passed · 3 failed · 1 could not check');
  assert.equal(summaryLine({ pass: 1, warning: 1, fail: 1, notApplicable: 1, error: 1 }), '1 passed · 1 warning · 1 failed · 1 could not check · 1 not applicable');
  assert.equal(summaryLine({ pass: 0, warning: 2, fail: 0, notApplicable: 5, error: 0 }), '2 warnings · 5 not applicable');
  assert.equal(summaryLine({ pass: 19, warning: 0, fail: 0, notApplicable: 0, error: 0 }), '19 passed');
  assert.equal(summaryLine({ pass: 0, warning: 0, fail: 0, notApplicable: 0, error: 0 }), 'No checks');
});

const failing: CheckResult = {
  checkId: 'logging/log-group-protection',
  title: 'Invocation log group: KMS key and 365-day retention',
  category: 'Logging',
  region: 'us-east-1',
  state: 'fail',
  summary: 'No KMS key | retention 30 days',
  evidence: [{ label: 'Log group', value: '/aws/bedrock/inv' }],
  consoleUrl: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1',
  remediation: { title: 'Encrypt the log group', cliCommand: 'aws logs associate-kms-key --log-group-name /aws/bedrock/inv --kms-key-id <kms-key-arn>', docsUrl: 'https://docs.aws.amazon.com/x.html' },
};
const report: PostureReport = {
  profile: 'dev',
  accountId: '111122223333',
  generatedAt: '2026-06-01T00:00:00.000Z',
  regions: [
    {
      region: 'us-east-1',
      results: [
        failing,
        { checkId: 'guardrails/exists', title: 'At least one guardrail exists', category: 'Guardrails', region: 'us-east-1', state: 'pass', summary: '2 guardrails ready', evidence: [] },
        { checkId: 'encryption/model-kms-key', title: 'Custom and imported models use a customer managed KMS key', category: 'Encryption', region: 'us-east-1', state: 'not-applicable', summary: 'No custom or imported models', evidence: [] },
      ],
    },
    {
      region: 'global',
      results: [
        { checkId: 'identity/bedrock-full-access', title: 'AmazonBedrockFullAccess not attached', category: 'Identity', region: 'global', state: 'error', summary: 'Access denied: iam:ListEntitiesForPolicy', reason: 'Access denied to iam:ListEntitiesForPolicy.', evidence: [{ label: 'Call', value: 'iam:ListEntitiesForPolicy' }] },
      ],
    },
  ],
  summary: { pass: 1, warning: 0, fail: 1, notApplicable: 1, error: 1 },
};

test('renderJson is the report, indented, with a trailing newline', () => {
  const json = renderJson(report);
  assert.ok(json.endsWith('}\n'));
  assert.deepEqual(JSON.parse(json), report);
});

test('renderMarkdown: header, summary, a table per Region and category in checklist order, details of warnings, failures and errors', () => {
  assert.equal(
    renderMarkdown(report),
    [
      '# Amazon Bedrock security posture',
      '',
      'Account 111122223333 · profile dev · generated 2026-06-01T00:00:00.000Z',
      '',
      '**1 passed · 1 failed · 1 could not check · 1 not applicable**',
      '',
      '## us-east-1',
      '',
      '### Guardrails',
      '',
      '| State | Check | Summary |',
      '|---|---|---|',
      '| ✅ pass | At least one guardrail exists (`guardrails/exists`) | 2 guardrails ready |',
      '',
      '### Logging',
      '',
      '| State | Check | Summary |',
      '|---|---|---|',
      '| ❌ fail | Invocation log group: KMS key and 365-day retention (`logging/log-group-protection`) | No KMS key \\| retention 30 days |',
      '',
      '### Encryption',
      '',
      '| State | Check | Summary |',
      '|---|---|---|',
      '| ➖ not applicable | Custom and imported models use a customer managed KMS key (`encryption/model-kms-key`) | No custom or imported models |',
      '',
      '## Global (IAM)',
      '',
      '### Identity',
      '',
      '| State | Check | Summary |',
      '|---|---|---|',
      '| ❔ could not check | AmazonBedrockFullAccess not attached (`identity/bedrock-full-access`) | Access denied: iam:ListEntitiesForPolicy |',
      '',
      '## Details',
      '',
      '#### ❌ Invocation log group: KMS key and 365-day retention (us-east-1)',
      '',
      'No KMS key | retention 30 days',
      '',
      '- Log group: /aws/bedrock/inv',
      '',
      '[Open in the AWS console](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1)',
      '',
      '**Fix:** Encrypt the log group ([AWS documentation](https://docs.aws.amazon.com/x.html))',
      '',
      '```sh',
      'aws logs associate-kms-key --log-group-name /aws/bedrock/inv --kms-key-id <kms-key-arn>',
      '```',
      '',
      '#### ❔ AmazonBedrockFullAccess not attached (global)',
      '',
      'Access denied: iam:ListEntitiesForPolicy — Access denied to iam:ListEntitiesForPolicy.',
      '',
      '- Call: iam:ListEntitiesForPolicy',
      '',
    ].join('\n'),
  );
});

test('CLI text: grouped by Region and category, states marked, reasons and fixes under what did not pass, the summary line last', () => {
  const text = formatPostureText(report, false);
  assert.equal(
    text,
    [
      'Amazon Bedrock security posture (account 111122223333, profile dev)',
      '',
      'us-east-1',
      '  Guardrails',
      '    ✓ pass             At least one guardrail exists: 2 guardrails ready  guardrails/exists',
      '  Logging',
      '    ✗ fail             Invocation log group: KMS key and 365-day retention: No KMS key | retention 30 days  logging/log-group-protection',
      '                       Log group: /aws/bedrock/inv',
      '                       Fix: Encrypt the log group',
      '                         aws logs associate-kms-key --log-group-name /aws/bedrock/inv --kms-key-id <kms-key-arn>',
      '                         https://docs.aws.amazon.com/x.html',
      '  Encryption',
      '    - not applicable   Custom and imported models use a customer managed KMS key: No custom or imported models  encryption/model-kms-key',
      '',
      'global (IAM, checked once)',
      '  Identity',
      '    ? could not check  AmazonBedrockFullAccess not attached: Access denied: iam:ListEntitiesForPolicy  identity/bedrock-full-access',
      '                       Access denied to iam:ListEntitiesForPolicy.',
      '                       Call: iam:ListEntitiesForPolicy',
      '',
      '1 passed · 1 failed · 1 could not check · 1 not applicable',
      '',
    ].join('\n'),
  );
  assert.ok(formatPostureText(report, true).includes('\u001b[31m✗ fail'));
});
