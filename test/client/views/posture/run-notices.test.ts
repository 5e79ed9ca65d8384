// What the Account Posture view shows around a run: problems found before any AWS call, a run
// that could not start, a cancelled run, the line above the tree and the welcome state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cancelledNode, failedRunNode, postureState, preflightProblem, reportMessage, setupProblemNode } from '../../../../client/src/views/posture/run-notices';
import type { CredentialSource } from '../../../../client/src/aws/profiles';
import type { PostureReport } from '../../../../server/src/posture/types';

const DEV: CredentialSource = { kind: 'profile', profile: 'dev', origin: 'setting', region: 'eu-west-1' };
const brief = (n: { label: string; description: string; command?: { id: string } } | undefined) => n && `${n.label} | ${n.description} | ${n.command?.id ?? '-'}`;

describe('welcome state', () => {
  test('untrusted wins; no credential source shows the "no credentials" welcome; anything else is ready', () => {
    assert.equal(postureState(false, DEV), 'untrusted');
    assert.equal(postureState(true, { kind: 'none' }), 'noCredentials');
    assert.equal(postureState(true, { kind: 'environment' }), 'ready');
    assert.equal(postureState(true, { kind: 'unknown-profile', profile: 'x', origin: 'setting' }), 'ready');
  });
});

describe('preflightProblem (nothing is called when one is found)', () => {
  test('a profile that no file defines says where it was named and opens the profile picker', () => {
    assert.equal(
      brief(preflightProblem({ kind: 'unknown-profile', profile: 'prod', origin: 'setting' }, ['us-east-1'], undefined)),
      'Profile "prod" not found | The setting bedrockSecurity.posture.profile names a profile that neither AWS config file defines | bedrockSecurity.posture.selectProfile',
    );
    assert.match(brief(preflightProblem({ kind: 'unknown-profile', profile: 'prod', origin: 'AWS_PROFILE' }, ['us-east-1'], undefined)) ?? '', /\| The environment variable AWS_PROFILE names/);
  });

  test('no Region opens the Region picker', () => {
    assert.equal(brief(preflightProblem(DEV, [], undefined)), 'No Region to check | Select Regions, or set AWS_REGION or a region in the AWS profile | bedrockSecurity.posture.selectRegions');
  });

  test('an endpoint URL must be http(s) with a host', () => {
    assert.equal(brief(preflightProblem(DEV, ['us-east-1'], 'localhost:4566')), 'Invalid endpoint URL | bedrockSecurity.posture.endpointUrl is not an http(s) URL: localhost:4566 | -');
    assert.equal(preflightProblem(DEV, ['us-east-1'], 'http://127.0.0.1:4566'), undefined);
    assert.equal(preflightProblem({ kind: 'none' }, ['us-east-1'], undefined), undefined);
  });
});

describe('runs that could not start', () => {
  test('an expired SSO session keeps the engine message and offers to check again', () => {
    const message = 'The SSO session for profile "dev" has expired or is not signed in: run `aws sso login --profile dev`';
    assert.equal(brief(setupProblemNode('expired-sso', message, DEV)), `Could not run the checks | ${message} | bedrockSecurity.posture.refresh`);
  });

  test('credential problems offer the profile picker; bad options the output', () => {
    assert.equal(setupProblemNode('no-credentials', 'No AWS credentials for profile "dev"', DEV)?.command?.id, 'bedrockSecurity.posture.selectProfile');
    assert.equal(setupProblemNode('credentials', 'Could not load AWS credentials', DEV)?.command?.id, 'bedrockSecurity.posture.selectProfile');
    assert.equal(setupProblemNode('unknown-profile', 'no such profile', DEV)?.command?.id, 'bedrockSecurity.posture.selectProfile');
    assert.equal(setupProblemNode('options', 'bad Region', DEV)?.command?.id, 'bedrockSecurity.showOutput');
  });

  test('no credentials at all (no profile chosen) leaves the tree empty for the welcome content', () => {
    assert.equal(setupProblemNode('no-credentials', 'No AWS credentials found', { kind: 'none' }), undefined);
  });

  test('an unexpected failure and a cancelled first run are nodes too', () => {
    assert.equal(brief(failedRunNode('Cannot find module dist/posture.js')), 'Could not run the checks | Cannot find module dist/posture.js | bedrockSecurity.showOutput');
    assert.equal(brief(cancelledNode()), 'Refresh cancelled | Nothing was checked | bedrockSecurity.posture.refresh');
  });
});

describe('reportMessage', () => {
  const report: PostureReport = { generatedAt: '2026-11-30T08:12:00.000Z', regions: [], summary: { pass: 1, warning: 0, fail: 0, notApplicable: 0, error: 0 } };
  const time = (d: Date) => d.toISOString().slice(11, 16);

  test('summary first, then the credentials, the time and the endpoint', () => {
    assert.equal(reportMessage(report, '1 passed', { kind: 'environment' }, 'http://127.0.0.1:4566', time), '1 passed — environment credentials at 08:12 through http://127.0.0.1:4566');
  });

  test('the account and profile of the report when it has them; no time when it is unreadable', () => {
    assert.equal(reportMessage({ ...report, accountId: '111122223333', profile: 'dev' }, '1 passed', DEV, undefined, time), '1 passed — account 111122223333, dev at 08:12');
    assert.equal(reportMessage({ ...report, generatedAt: 'soon' }, '1 passed', DEV, undefined, time), '1 passed — dev');
  });
});
