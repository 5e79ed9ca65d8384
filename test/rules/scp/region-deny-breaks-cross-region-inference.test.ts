import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, findingsOf } from '../../helpers';
import ruleModule from '../../../server/src/engine/rules/scp/region-deny-breaks-cross-region-inference';

const RULE = 'scp/region-deny-breaks-cross-region-inference';
const scp = { kind: 'scp' as const };
const MESSAGE = (actions: string) =>
  `This Deny outside the listed Regions also blocks Bedrock cross-Region inference (${actions}): inference profiles route requests to other Regions, where this SCP denies them. Exempt inference-profile requests with an "ArnNotLike" condition on "bedrock:InferenceProfileArn".`;
const BOTH = 'bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream';

/** An SCP with one Deny statement built from the given elements. */
function denyScp(elements: Record<string, unknown>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'RegionDeny', Effect: 'Deny', ...elements }] }, null, 2);
}
const allowList = { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } };
const markKey = (text: string) => text.replace('"aws:RequestedRegion"', '⟦"aws:RequestedRegion"⟧');

test('reports a region deny whose NotAction does not exempt Bedrock (the usual allowed-Regions SCP)', () => {
  const text = denyScp({ NotAction: ['iam:*', 'organizations:*', 'sts:*'], Resource: '*', Condition: allowList });
  expectFindings(RULE, markKey(text), [MESSAGE(BOTH)], scp);
});

test('reports Action "*", "bedrock:*", "bedrock:Invoke*" and a single invoke action', () => {
  for (const action of ['*', 'bedrock:*', 'bedrock:Invoke*', ['ec2:*', 'bedrock:InvokeModel']]) {
    const expected = action === 'bedrock:*' || action === '*' || action === 'bedrock:Invoke*' ? BOTH : 'bedrock:InvokeModel';
    expectFindings(RULE, markKey(denyScp({ Action: action, Resource: '*', Condition: allowList })), [MESSAGE(expected)], scp);
  }
});

test('reports every negated string operator on aws:RequestedRegion, with set prefixes and IfExists', () => {
  for (const op of ['StringNotEquals', 'StringNotLike', 'StringNotEqualsIgnoreCase', 'ForAnyValue:StringNotEquals', 'ForAllValues:StringNotLike', 'StringNotEqualsIfExists']) {
    const found = findingsOf(RULE, denyScp({ Action: 'bedrock:*', Resource: '*', Condition: { [op]: { 'aws:RequestedRegion': 'eu-*' } } }), scp);
    assert.equal(found.length, 1, op);
  }
});

test('does not report when inference-profile requests are exempted by a condition', () => {
  const exemptions: Record<string, unknown>[] = [
    { ArnNotLike: { 'bedrock:InferenceProfileArn': 'arn:aws:bedrock:*:*:inference-profile/*' } },
    { ArnNotEquals: { 'bedrock:InferenceProfileArn': 'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0' } },
    { StringNotLike: { 'bedrock:InferenceProfileArn': 'arn:aws:bedrock:*' } },
    { Null: { 'bedrock:InferenceProfileArn': 'true' } },
  ];
  for (const extra of exemptions) {
    expectClean(RULE, denyScp({ Action: 'bedrock:*', Resource: '*', Condition: { ...allowList, ...extra } }), scp);
  }
});

test('does not report when the deny does not reach model invocation', () => {
  // NotAction exempting Bedrock, or exempting both invoke actions.
  expectClean(RULE, denyScp({ NotAction: ['bedrock:*', 'iam:*'], Resource: '*', Condition: allowList }), scp);
  expectClean(RULE, denyScp({ NotAction: ['bedrock:InvokeModel*'], Resource: '*', Condition: allowList }), scp);
  // Actions of other services only.
  expectClean(RULE, denyScp({ Action: ['ec2:*', 's3:*'], Resource: '*', Condition: allowList }), scp);
  // Resources that cannot be a foundation model.
  expectClean(RULE, denyScp({ Action: '*', Resource: 'arn:aws:s3:::*', Condition: allowList }), scp);
  // NotResource that exempts foundation models.
  expectClean(RULE, denyScp({ Action: '*', NotResource: 'arn:aws:bedrock:*::foundation-model/*', Condition: allowList }), scp);
  // An Allow, a deny list of Regions (StringEquals), or no Region condition at all.
  expectClean(RULE, denyScp({ Effect: 'Allow', Action: '*', Resource: '*', Condition: allowList }), scp);
  expectClean(RULE, denyScp({ Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': ['ap-east-1'] } } }), scp);
  expectClean(RULE, denyScp({ Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } } }), scp);
});

test('reports a deny on foundation-model resources, and one whose exemption is on another key', () => {
  expectFindings(RULE, markKey(denyScp({ Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:*::foundation-model/*', Condition: allowList })), [MESSAGE('bedrock:InvokeModel')], scp);
  expectFindings(
    RULE,
    markKey(denyScp({ Action: '*', Resource: '*', Condition: { ...allowList, ArnNotLike: { 'aws:PrincipalARN': 'arn:aws:iam::*:role/Admin' } } })),
    [MESSAGE(BOTH)],
    scp,
  );
});

test('applies to SCPs only', () => {
  expectClean(RULE, denyScp({ Action: '*', Resource: '*', Condition: allowList }));
});

test('fix adds an ArnNotLike operator exempting the profiles of the allowed Regions', () => {
  const text = denyScp({ NotAction: ['iam:*'], Resource: '*', Condition: allowList });
  const [fix] = fixesOf(RULE, text, 0, scp);
  assert.equal(fix.title, 'Exempt inference-profile requests ("ArnNotLike" on bedrock:InferenceProfileArn)');
  assert.equal(fix.isPreferred, true);
  const out = applyFix(RULE, text, scp);
  assert.deepEqual(JSON.parse(out).Statement[0].Condition, {
    ...allowList,
    ArnNotLike: {
      'bedrock:InferenceProfileArn': [
        'arn:aws:bedrock:us-east-1:*:inference-profile/*',
        'arn:aws:bedrock:us-east-1:*:application-inference-profile/*',
        'arn:aws:bedrock:us-west-2:*:inference-profile/*',
        'arn:aws:bedrock:us-west-2:*:application-inference-profile/*',
      ],
    },
  });
  // The edit is indented like its siblings.
  assert.equal(
    out.slice(out.indexOf('"Condition"')),
    [
      '"Condition": {',
      '        "StringNotEquals": {',
      '          "aws:RequestedRegion": [',
      '            "us-east-1",',
      '            "us-west-2"',
      '          ]',
      '        },',
      '        "ArnNotLike": {',
      '          "bedrock:InferenceProfileArn": [',
      '            "arn:aws:bedrock:us-east-1:*:inference-profile/*",',
      '            "arn:aws:bedrock:us-east-1:*:application-inference-profile/*",',
      '            "arn:aws:bedrock:us-west-2:*:inference-profile/*",',
      '            "arn:aws:bedrock:us-west-2:*:application-inference-profile/*"',
      '          ]',
      '        }',
      '      }',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  );
});

test('fix merges into an existing ArnNotLike instead of adding a second one', () => {
  const text = denyScp({ Action: '*', Resource: '*', Condition: { StringNotLike: { 'aws:RequestedRegion': 'eu-*' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } } });
  const out = applyFix(RULE, text, scp);
  assert.deepEqual(JSON.parse(out).Statement[0].Condition.ArnNotLike, {
    'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin',
    'bedrock:InferenceProfileArn': ['arn:aws:bedrock:eu-*:*:inference-profile/*', 'arn:aws:bedrock:eu-*:*:application-inference-profile/*'],
  });
  assert.equal(out.match(/"ArnNotLike"/g)?.length, 1);
});

test('fix falls back to every Region when the Region list has no usable value', () => {
  const text = denyScp({ Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': '${aws:PrincipalTag/home-region}' } } });
  const out = applyFix(RULE, text, scp);
  assert.deepEqual(JSON.parse(out).Statement[0].Condition.ArnNotLike['bedrock:InferenceProfileArn'], [
    'arn:aws:bedrock:*:*:inference-profile/*',
    'arn:aws:bedrock:*:*:application-inference-profile/*',
  ]);
});

test('scp/region-deny-breaks-cross-region-inference: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('scp/region-deny-breaks-cross-region-inference', bad!, { kind: 'scp' }).length > 0);
  expectClean('scp/region-deny-breaks-cross-region-inference', good!, { kind: 'scp' });
});
