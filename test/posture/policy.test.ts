// The IAM policy the posture checks need: exactly what requiredIamPolicy() returns, covering
// every call of every check and nothing else, scoped as the IAM data allows, clean under our
// own linter (one documented disagreement), and the generated docs in step with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks, requiredIamPolicy } from '../../server/src/posture/index';
import { requiredActions } from '../../server/src/posture/policy';
import { policyJson, withGeneratedSections } from '../../server/src/posture/docs';
import { arnMatchesResourceType } from '../../server/src/engine/iam/arn';
import { sharedIamData } from '../../server/src/engine/iam/data';
import { lint } from '../helpers';

const ROOT = join(__dirname, '..', '..', '..');

test('requiredIamPolicy is the exact least-privilege read-only policy', () => {
  assert.deepEqual(requiredIamPolicy(), {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PostureListAndAccountSettings',
        Effect: 'Allow',
        Action: [
          'bedrock:GetModelInvocationLoggingConfiguration',
          'bedrock:ListCustomModels',
          'bedrock:ListEnforcedGuardrailsConfiguration',
          'bedrock:ListGuardrails',
          'bedrock:ListImportedModels',
          'cloudtrail:DescribeTrails',
          'ec2:DescribeVpcEndpoints',
          'logs:DescribeLogGroups',
        ],
        Resource: '*',
      },
      {
        Sid: 'PostureReadBedrockResources',
        Effect: 'Allow',
        Action: ['bedrock:GetCustomModel', 'bedrock:GetGuardrail', 'bedrock:GetImportedModel'],
        Resource: ['arn:aws:bedrock:*:*:custom-model/*', 'arn:aws:bedrock:*:*:guardrail/*', 'arn:aws:bedrock:*:*:imported-model/*'],
      },
      { Sid: 'PostureReadTrails', Effect: 'Allow', Action: ['cloudtrail:GetEventSelectors', 'cloudtrail:GetTrailStatus'], Resource: 'arn:aws:cloudtrail:*:*:trail/*' },
      { Sid: 'PostureReadAlarms', Effect: 'Allow', Action: ['cloudwatch:DescribeAlarms'], Resource: 'arn:aws:cloudwatch:*:*:alarm:*' },
      { Sid: 'PostureReadBedrockFullAccessAttachments', Effect: 'Allow', Action: ['iam:ListEntitiesForPolicy'], Resource: 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess' },
      { Sid: 'PostureListBedrockApiKeys', Effect: 'Allow', Action: ['iam:ListServiceSpecificCredentials'], Resource: 'arn:aws:iam::*:user/*' },
    ],
  });
});

test('the policy grants exactly the calls of the checks, all read-only, and allChecks lists them per check', () => {
  const granted = requiredIamPolicy().Statement.flatMap((s) => s.Action).sort();
  assert.deepEqual(granted, requiredActions());
  assert.deepEqual([...new Set(allChecks.flatMap((c) => c.iamActions))].sort(), requiredActions());
  assert.equal(allChecks.length, 19);
  const logGroup = allChecks.find((c) => c.id === 'logging/log-group-protection')!;
  assert.deepEqual(logGroup, {
    id: 'logging/log-group-protection',
    title: 'Invocation log group: KMS key and 365-day retention',
    category: 'Logging',
    calls: ['bedrock:GetModelInvocationLoggingConfiguration', 'logs:DescribeLogGroups'],
    iamActions: ['bedrock:GetModelInvocationLoggingConfiguration', 'logs:DescribeLogGroups'],
  });
  const iam = sharedIamData();
  for (const action of granted) {
    const [service, name] = action.split(':');
    const info = iam.action(service, name);
    assert.ok(info, `${action} exists in the IAM data`);
    assert.match(info.accessLevel, /^(List|Read)$/, `${action} is read-only`);
  }
});

test('each action is scoped as the Service Authorization Reference allows: "*" only without required resource types, else ARNs of its types', () => {
  const iam = sharedIamData();
  for (const st of requiredIamPolicy().Statement) {
    const resources = Array.isArray(st.Resource) ? st.Resource : [st.Resource];
    for (const action of st.Action) {
      const [service, name] = action.split(':');
      const types = iam.action(service, name)!.resourceTypes;
      if (resources.includes('*')) {
        assert.ok(types.every((t) => !t.required), `${action} has no required resource type, so "*" is what a call without a resource needs`);
        continue;
      }
      const required = types.filter((t) => t.required).map((t) => iam.resourceType(service, t.name)!);
      assert.ok(required.length > 0, action);
      for (const rt of required) assert.ok(resources.some((arn) => arnMatchesResourceType(arn, rt)), `${action}: a resource of type ${rt.key} is granted`);
    }
  }
});

test('our own linter finds nothing to warn about in the required policy (ListGuardrails on "*" is a list action with an optional resource type)', () => {
  const findings = lint(JSON.stringify(requiredIamPolicy(), null, 2), { path: 'docs/posture-policy.json' }).filter((f) => f.severity === 'error' || f.severity === 'warning');
  assert.deepEqual(
    findings.map((f) => `${f.ruleId}: ${f.message}`),
    [],
  );
});

test('docs/posture-policy.json and the generated parts of docs/posture.md are up to date (npm run docs)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'posture-policy.json'), 'utf8'), policyJson());
  const doc = readFileSync(join(ROOT, 'docs', 'posture.md'), 'utf8');
  assert.equal(withGeneratedSections(doc), doc);
  for (const c of allChecks) assert.ok(doc.includes(`**${c.id}**`) || doc.includes(`**${c.id.split('/')[1]}**`), `docs/posture.md explains ${c.id}`);
});
