// The Account Posture tree for whole accounts: the real posture engine runs against the fake AWS
// endpoint (test/posture/fake-aws.ts) for each scenario, and the tree built from its report is
// pinned at the Region and category levels, with the reasons of checks that could not run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildPostureTree, type CheckNode, type PostureNode } from '../../../../client/src/views/posture/tree-model';
import { runPosture, summaryLine } from '../../../../server/src/posture/index';
import { FakeAws, loadScenario, TEST_CREDENTIALS } from '../../../posture/fake-aws';

const credentials = async () => ({ accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey });

/** `label [icon] description` of the Region and category rows. */
function outline(nodes: readonly PostureNode[], depth = 0): string[] {
  return nodes.flatMap((n) => (n.kind === 'region' || n.kind === 'category' ? [`${'  '.repeat(depth)}${n.label} [${n.icon.id}] ${n.description}`, ...(n.kind === 'region' ? outline(n.children, depth + 1) : [])] : []));
}

function checks(nodes: readonly PostureNode[]): CheckNode[] {
  return nodes.flatMap((n) => (n.kind === 'check' ? [n] : n.kind === 'region' || n.kind === 'category' ? checks(n.children) : []));
}

describe('the tree of each fake account', () => {
  let fake: FakeAws;
  before(async () => {
    fake = await new FakeAws(loadScenario('bare')).start();
  });
  after(() => fake.close());

  async function treeOf(scenario: string): Promise<PostureNode[]> {
    fake.use(loadScenario(scenario));
    const report = await runPosture({ regions: ['us-east-1'], endpointUrl: fake.url, credentials, maxAttempts: 1 });
    return buildPostureTree(report, summaryLine);
  }

  test('hardened: every node passes', async () => {
    const tree = await treeOf('hardened');
    assert.deepEqual(outline(tree), [
      'us-east-1 [pass] 17 passed',
      '  Guardrails [pass] 6 passed',
      '  Logging [pass] 6 passed',
      '  Network [pass] 3 passed',
      '  Encryption [pass] 1 passed',
      '  Monitoring [pass] 1 passed',
      'Global [pass] 2 passed',
      '  Identity [pass] 2 passed',
    ]);
    assert.ok(checks(tree).every((c) => c.contextValue === 'postureCheck pass openConsole' || c.contextValue === 'postureCheck pass'));
    assert.ok(tree.every((r) => r.kind === 'region' && r.children.every((c) => !c.expanded)), 'nothing needs attention, so categories stay collapsed');
  });

  test('bare: failures expand their categories and offer remediation', async () => {
    const tree = await treeOf('bare');
    assert.deepEqual(outline(tree), [
      'us-east-1 [error] 2 warnings · 5 failed · 10 not applicable',
      '  Guardrails [error] 1 warning · 1 failed · 4 not applicable',
      '  Logging [error] 1 warning · 2 failed · 3 not applicable',
      '  Network [error] 1 failed · 2 not applicable',
      '  Encryption [circle-slash] 1 not applicable',
      '  Monitoring [error] 1 failed',
      'Global [error] 1 warning · 1 failed',
      '  Identity [error] 1 warning · 1 failed',
    ]);
    const failed = checks(tree).filter((c) => c.result.state === 'fail');
    assert.equal(failed.length, 6);
    for (const c of failed) assert.match(c.contextValue, /^postureCheck fail remediable copyCliCommand\b/, c.result.checkId);
  });

  test('access denied: the checks that needed a denied call say which action to allow; the others render', async () => {
    const tree = await treeOf('access-denied');
    assert.deepEqual(outline(tree), [
      'us-east-1 [question] 9 passed · 8 could not check',
      '  Guardrails [question] 2 passed · 4 could not check',
      '  Logging [question] 5 passed · 1 could not check',
      '  Network [question] 3 could not check',
      '  Encryption [pass] 1 passed',
      '  Monitoring [pass] 1 passed',
      'Global [question] 2 could not check',
      '  Identity [question] 2 could not check',
    ]);
    const denied = checks(tree).find((c) => c.result.checkId === 'guardrails/prompt-attack-high');
    assert.equal(denied?.description, 'Access denied: bedrock:GetGuardrail');
    assert.match(denied?.tooltip ?? '', /\*\*Could not check:\*\* Access denied to bedrock:GetGuardrail in us\\-east\\-1 \\\(AccessDeniedException\\\)/);
    assert.equal(denied?.contextValue.startsWith('postureCheck error'), true);
    assert.ok(!denied?.contextValue.includes('remediable'), 'a check that could not run offers no fix');
  });

  test('malformed answers: only the checks that read them could not check', async () => {
    const tree = await treeOf('malformed');
    assert.deepEqual(outline(tree).filter((l) => !l.startsWith('  ')), ['us-east-1 [question] 7 passed · 10 could not check', 'Global [question] 1 passed · 1 could not check']);
    assert.deepEqual([...new Set(checks(tree).filter((c) => c.result.state === 'error').map((c) => c.description))], ['Malformed response']);
  });
});
