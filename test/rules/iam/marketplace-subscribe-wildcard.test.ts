import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectFindings, findingsOf, policyJson } from '../../helpers';

const ID = 'iam/marketplace-subscribe-wildcard';
const ADVICE = ' Add "ForAnyValue:StringEquals": {"aws-marketplace:ProductId": [...]} with the models\' product ids.';

test('iam/marketplace-subscribe-wildcard reports Subscribe on "*" without a product condition', () => {
  expectFindings(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [⟦"aws-marketplace:Subscribe"⟧, "aws-marketplace:ViewSubscriptions"], "Resource": "*"}]}',
    [
      'aws-marketplace:Subscribe is allowed without an "aws-marketplace:ProductId" condition: this principal can subscribe the account to any AWS Marketplace product, including every paid model in Amazon Bedrock.' +
        ADVICE,
    ],
  );
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ⟦"aws-marketplace:*"⟧, "Resource": ["*"]}]}', [
    /^"aws-marketplace:\*" allows aws-marketplace:Subscribe without an "aws-marketplace:ProductId" condition/,
  ]);
});

test('iam/marketplace-subscribe-wildcard says what a CalledVia condition still leaves open', () => {
  expectFindings(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ⟦"aws-marketplace:Subscribe"⟧, "Resource": "*", "Condition": {"StringEquals": {"aws:CalledViaLast": "bedrock.amazonaws.com"}}}]}',
    [
      'aws-marketplace:Subscribe is allowed without an "aws-marketplace:ProductId" condition: this principal can subscribe the account to any product the calling service offers through AWS Marketplace (through Amazon Bedrock: every paid model).' +
        ADVICE,
    ],
  );
});

test('iam/marketplace-subscribe-wildcard accepts a ProductId condition, and ignores grants that grant nothing', () => {
  expectClean(
    ID,
    policyJson([
      { Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws-marketplace:ProductId': ['prod-m5ilt4siql27k'] } } },
    ]),
  );
  // Subscribe is wildcard-only: with a specific ARN the statement grants nothing for it.
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: 'arn:aws:aws-marketplace:us-east-1:111122223333:x/y' }]));
  expectClean(ID, policyJson([{ Effect: 'Deny', Action: 'aws-marketplace:Subscribe', Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: '*', Resource: '*' }]));
});

test('iam/marketplace-subscribe-wildcard does not count a ForAllValues or negated product condition', () => {
  for (const Condition of [
    { 'ForAllValues:StringEquals': { 'aws-marketplace:ProductId': ['prod-m5ilt4siql27k'] } },
    { StringNotEquals: { 'aws-marketplace:ProductId': 'prod-m5ilt4siql27k' } },
  ]) {
    assert.equal(findingsOf(ID, policyJson([{ Effect: 'Allow', Action: 'aws-marketplace:Subscribe', Resource: '*', Condition }])).length, 1);
  }
});
