import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, lint } from '../../helpers';

const RULE = 'bedrock/bearer-token-unrestricted';
const policy = (statements: string) => `{"Version": "2012-10-17", "Statement": [${statements}]}`;
const TAIL = 'without a bedrock:BearerTokenType condition: Bedrock API keys of both kinds, including long-term keys, can use these permissions.';

test('an Allow that covers bedrock:CallWithBearerToken is reported on the entry that covers it', () => {
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ["bedrock:InvokeModel", ⟦"bedrock:CallWithBearerToken"⟧], "Resource": "*"}'), [`"bedrock:CallWithBearerToken" allows bedrock:CallWithBearerToken ${TAIL}`]);
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ["bedrock:Get*", ⟦"bedrock:*"⟧], "Resource": "*"}'), [`"bedrock:*" allows bedrock:CallWithBearerToken ${TAIL}`]);
  expectFindings(RULE, policy('{"Effect": "Allow", ⟦"NotAction"⟧: "iam:*", "Resource": "*"}'), [`"NotAction" allows bedrock:CallWithBearerToken ${TAIL}`]);
});

test('a BearerTokenType condition, a Deny of the action, a specific Resource and SCPs are not reported', () => {
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*", "Condition": {"StringEquals": {"bedrock:bearerTokenType": "SHORT_TERM"}}}'));
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"}, {"Effect": "Deny", "Action": "bedrock:CallWithBearerToken", "Resource": "*", "Condition": {"StringEquals": {"bedrock:BearerTokenType": "LONG_TERM"}}}'));
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"}, {"Effect": "Deny", "Action": "bedrock:CallWith*", "Resource": "*"}'));
  // CallWithBearerToken is wildcard-only: a specific ARN grants nothing for it.
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*"}'));
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"}'), { kind: 'scp' });
  // A Deny conditioned on something else does not restrict the key type.
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ⟦"*"⟧, "Resource": "*"}, {"Effect": "Deny", "Action": "bedrock:CallWithBearerToken", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}'));
});

test('a statement that only grants CallWithBearerToken gets the preferred SHORT_TERM condition', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:CallWithBearerToken",\n      "Resource": "*"\n    }\n  ]\n}';
  assert.deepEqual(
    fixesOf(RULE, text).map((f) => [f.title, f.isPreferred]),
    [
      ['Allow only short-term API keys (bedrock:BearerTokenType SHORT_TERM)', true],
      ['Add a Deny statement for long-term API keys', undefined],
    ],
  );
  assert.equal(
    applyFix(RULE, text),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:CallWithBearerToken",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "bedrock:BearerTokenType": "SHORT_TERM"\n        }\n      }\n    }\n  ]\n}',
  );
});

test('other statements get the Deny of long-term keys', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    }\n  ]\n}';
  assert.deepEqual(fixesOf(RULE, text).map((f) => f.title), ['Add a Deny statement for long-term API keys']);
  assert.equal(
    applyFix(RULE, text),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    },\n    {\n      "Sid": "DenyLongTermBedrockApiKeys",\n      "Effect": "Deny",\n      "Action": "bedrock:CallWithBearerToken",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "bedrock:BearerTokenType": "LONG_TERM"\n        }\n      }\n    }\n  ]\n}',
  );
});

test('malformed input does not crash the rule', () => {
  assert.doesNotThrow(() => lint(policy('{"Effect": "Allow", "Action": [null, "bedrock:CallWithBearerToken"], "Resource": {"a": 1}}')));
  assert.doesNotThrow(() => lint('{"Statement": [{"Effect": "Allow", "Action": "bedrock:CallWithBearerTok'));
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": [null, ⟦"bedrock:CallWithBearerToken"⟧], "Resource": ["*", 3]}'));
});
