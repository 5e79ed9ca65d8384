import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnSyntaxProblem, resourceTypesForArn } from '../../../server/src/engine/iam/arn';
import { sharedIamData } from '../../../server/src/engine/iam/data';
import { applyFix, expectClean, expectFindings, findingsOf, fixesOf, policyJson } from '../../helpers';

const ID = 'iam/wildcard-resource';

/** A multi-line policy whose one statement has the given Action and Resource texts. */
function policy(action: string, resource: string, extra = '', version = '2012-10-17'): string {
  return `{
  "Version": "${version}",
  "Statement": [
    {
      "Sid": "Invoke",
      "Effect": "Allow",
      "Action": ${action},
      "Resource": ${resource}${extra}
    }
  ]
}`;
}

/**
 * Every string that looks like an ARN in a fixed policy must be well-formed and name a resource
 * type, and the ARN rules must have nothing to say about the result.
 */
function assertArnsValid(text: string): void {
  expectClean('iam/invalid-arn', text);
  expectClean('iam/resource-type-mismatch', text);
  const arns = [...text.matchAll(/"(arn:[^"]+)"/g)].map((m) => m[1]);
  assert.ok(arns.length > 0);
  for (const arn of arns) {
    assert.equal(arnSyntaxProblem(arn), undefined, arn);
    assert.ok(resourceTypesForArn(sharedIamData(), arn).length > 0, `${arn} names no resource type`);
  }
}

test('iam/wildcard-resource reports "*" for an action with resource types, on the "*"', () => {
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": ⟦"*"⟧}]}', [
    '"Resource": "*" applies bedrock:InvokeModel to every resource, but that action supports resource-level permissions: list the ARNs that are needed instead.',
  ]);
  expectFindings(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:GetGuardrail", "bedrock:ApplyGuardrail", "bedrock:Retrieve", "s3:GetObject", "bedrock:ListFoundationModels"], "Resource": ["arn:aws:s3:::kb-bucket/*", ⟦"*"⟧]}]}',
    [
      '"Resource": "*" applies 4 actions that support resource-level permissions (bedrock:GetGuardrail, bedrock:ApplyGuardrail, bedrock:Retrieve, and 1 more) to every resource: list the ARNs that are needed instead.',
    ],
  );
});

test('iam/wildcard-resource ignores wildcard-only actions, "*" / "service:*" entries, Deny and specific ARNs', () => {
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: ['bedrock:ListFoundationModels', 'bedrock:RetrieveAndGenerate'], Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: ['*', 'bedrock:*'], Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Deny', Action: 'bedrock:InvokeModel', Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:us-east-1::foundation-model/*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'notaservice:Get', Resource: '*' }]));
});

test('iam/wildcard-resource accepts the ABAC pattern, but not when the tag condition can be skipped', () => {
  const abac = { StringEquals: { 'aws:ResourceTag/project': '${aws:PrincipalTag/project}' } };
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:GetGuardrail', Resource: '*', Condition: abac }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:GetGuardrail', Resource: '*', Condition: { StringEquals: { 'aws:ResourceAccount': '111122223333' } } }]));
  const skippable = { StringEqualsIfExists: { 'aws:ResourceTag/project': 'x' } };
  assert.equal(findingsOf(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:GetGuardrail', Resource: '*', Condition: skippable }])).length, 1);
});

test('iam/wildcard-resource checks only identity policies', () => {
  const keyPolicy = policyJson([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:Decrypt', Resource: '*' }]);
  expectClean(ID, keyPolicy);
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }]), { kind: 'scp' });
});

test('iam/wildcard-resource fix writes foundation-model and inference-profile ARNs and splits off wildcard-only actions', () => {
  const text = policy('["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ListFoundationModels"]', '"*"', `,
      "Condition": {
        "StringEquals": { "aws:RequestedRegion": "us-east-1" }
      }`);
  const fixes = fixesOf(ID, text);
  assert.deepEqual(
    fixes.map((f) => [f.title, !!f.isPreferred]),
    [
      ['Replace "*" with ARNs of foundation-model, inference-profile; keep "*" for bedrock:ListFoundationModels in a new statement', false],
      ['Replace "*" with ARNs of every resource type the actions accept (12); keep "*" for bedrock:ListFoundationModels in a new statement', false],
    ],
  );
  const out = applyFix(ID, text, { title: /^Replace "\*" with ARNs of foundation-model/ });
  assert.equal(
    out,
    `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Invoke",
      "Effect": "Allow",
      "Action": [
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream"
      ],
      "Resource": [
        "arn:aws:bedrock:*::foundation-model/*",
        "arn:aws:bedrock:*:\${aws:PrincipalAccount}:inference-profile/*"
      ],
      "Condition": {
        "StringEquals": { "aws:RequestedRegion": "us-east-1" }
      }
    },
    {
      "Sid": "InvokeWildcardOnly",
      "Effect": "Allow",
      "Action": "bedrock:ListFoundationModels",
      "Resource": "*",
      "Condition": {
        "StringEquals": { "aws:RequestedRegion": "us-east-1" }
      }
    }
  ]
}`,
  );
  expectClean(ID, out);
  assertArnsValid(out);
});

test('iam/wildcard-resource second fix writes every resource type InvokeModel accepts', () => {
  const out = applyFix(ID, policy('"bedrock:InvokeModel"', '"*"'), { title: /every resource type/ });
  const resources = (JSON.parse(out) as { Statement: { Resource: string[] }[] }).Statement[0].Resource;
  assert.equal(resources.length, 12);
  assert.ok(resources.includes('arn:aws:bedrock:*:${aws:PrincipalAccount}:provisioned-model/*'));
  assert.ok(resources.includes('arn:aws:bedrock::${aws:PrincipalAccount}:system-tool/*'));
  expectClean(ID, out);
  assertArnsValid(out);
});

test('iam/wildcard-resource fix uses allowedRegions, except for foundation models (cross-Region inference)', () => {
  const settings = { allowedRegions: ['eu-west-1', 'eu-central-1'] };
  const out = applyFix(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:GetGuardrail"], "Resource": "*"}]}', {
    settings,
    title: /^Replace "\*" with ARNs of foundation-model/,
  });
  assert.equal(
    out,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:GetGuardrail"], "Resource": ["arn:aws:bedrock:*::foundation-model/*", "arn:aws:bedrock:eu-west-1:${aws:PrincipalAccount}:inference-profile/*", "arn:aws:bedrock:eu-central-1:${aws:PrincipalAccount}:inference-profile/*", "arn:aws:bedrock:eu-west-1:${aws:PrincipalAccount}:guardrail/*", "arn:aws:bedrock:eu-central-1:${aws:PrincipalAccount}:guardrail/*"]}]}',
  );
  expectClean(ID, out, { settings });
});

test('iam/wildcard-resource fix offers one fix when the data gives one answer, and keeps a plain string', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:GetGuardrail", "Resource": "*"}]}';
  assert.deepEqual(fixesOf(ID, text).map((f) => f.title), ['Replace "*" with ARNs of guardrail']);
  assert.equal(
    applyFix(ID, text),
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:GetGuardrail", "Resource": "arn:aws:bedrock:*:${aws:PrincipalAccount}:guardrail/*"}]}',
  );
});

test('iam/wildcard-resource fix keeps specific ARNs and adds only the types they do not name', () => {
  const text = policy('"bedrock:InvokeModel"', '["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "*"]');
  const out = applyFix(ID, text, { title: /^Replace "\*" with ARNs of foundation-model/ });
  assert.equal(
    out,
    policy(
      '"bedrock:InvokeModel"',
      `[
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "arn:aws:bedrock:*:\${aws:PrincipalAccount}:inference-profile/*"
      ]`,
    ),
  );
});

test('iam/wildcard-resource fix writes "*" as account without the 2012-10-17 language, and reuses the partition', () => {
  const old = applyFix(ID, policy('"bedrock:GetGuardrail"', '"*"', '', '2008-10-17'));
  assert.match(old, /"Resource": "arn:aws:bedrock:\*:\*:guardrail\/\*"/);
  const china = applyFix(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws-cn:s3:::b/*"}, {"Effect": "Allow", "Action": "bedrock:GetGuardrail", "Resource": "*"}]}',
  );
  assert.match(china, /"Resource": "arn:aws-cn:bedrock:\*:\$\{aws:PrincipalAccount\}:guardrail\/\*"/);
});

test('iam/wildcard-resource fix wraps a single Statement object in an array and picks an unused Sid', () => {
  const text =
    '{"Version": "2012-10-17", "Statement": {"Sid": "A", "Effect": "Allow", "Action": ["bedrock:GetGuardrail", "bedrock:ListFoundationModels", "bedrock:*"], "Resource": "*"}}';
  const out = applyFix(ID, text);
  assert.equal(
    out,
    '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["bedrock:GetGuardrail"], "Resource": "arn:aws:bedrock:*:${aws:PrincipalAccount}:guardrail/*"}, {"Sid": "AWildcardOnly", "Effect": "Allow", "Action": ["bedrock:ListFoundationModels", "bedrock:*"], "Resource": "*"}]}',
  );
  const taken = policyJson([
    { Sid: 'A', Effect: 'Allow', Action: ['bedrock:GetGuardrail', 'bedrock:ListFoundationModels'], Resource: '*' },
    { Sid: 'AWildcardOnly', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
  ]);
  assert.match(applyFix(ID, taken), /"Sid": "AWildcardOnly2"/);
});

test('iam/wildcard-resource offers no fix when a pattern mixes wildcard-only and resource-level actions', () => {
  const text = policyJson([{ Effect: 'Allow', Action: 'bedrock:List*', Resource: '*' }]);
  assert.equal(findingsOf(ID, text).length, 1);
  assert.deepEqual(fixesOf(ID, text), []);
});

test('iam/wildcard-resource offers no fix when a template of the data would give a malformed ARN', () => {
  // The data writes mediaconnect's Offering as arn:${Partition}:mediaconnect:${Region}:offering:${OfferingId}.
  const text = policyJson([{ Effect: 'Allow', Action: 'mediaconnect:DescribeOffering', Resource: '*' }]);
  assert.equal(findingsOf(ID, text).length, 1);
  assert.deepEqual(fixesOf(ID, text), []);
});

test('iam/wildcard-resource rebuilds nothing from a stale finding and never throws on broken input', () => {
  for (const text of [
    '{"Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"',
    '{"Statement": [{"Effect": "Allow", "Action": {"x": 1}, "Resource": "*"}]}',
    '{"Statement": [{"Effect": "Allow", "Action": "bedrock:GetGuardrail", "Resource": ["*", 5], "Condition": "x"}]}',
  ]) {
    assert.doesNotThrow(() => findingsOf(ID, text), text);
  }
  const half = '{"Statement": [{"Effect": "Allow", "Action": "bedrock:GetGuardrail", "Resource": "*"';
  assert.equal(findingsOf(ID, half).length, 1);
  assert.doesNotThrow(() => fixesOf(ID, half));
});

test('iam/wildcard-resource leaves list and create actions whose resource types are all optional on "*", but not other such actions', () => {
  // bedrock:ListGuardrails (List, optional guardrail) and bedrock:CreateGuardrail (Write, optional
  // associations) work on "*" by design; AWS's guardrail permissions example grants them so.
  expectClean(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:ListGuardrails", "bedrock:CreateGuardrail"], "Resource": "*"}]}');
  // s3:GetObject lists two alternative types, neither marked required: still scopable.
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ⟦"*"⟧}]}', [
    '"Resource": "*" applies s3:GetObject to every resource, but that action supports resource-level permissions: list the ARNs that are needed instead.',
  ]);
});
