import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const RULE = 'bedrock/cross-region-inference-incomplete';
const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const profile = (prefix: string, region = 'us-east-1') => `arn:aws:bedrock:${region}:111122223333:inference-profile/${prefix}.${MODEL}`;
const fm = (region: string) => `arn:aws:bedrock:${region}::foundation-model/${MODEL}`;
const allow = (resources: string[], action = '"bedrock:InvokeModel"') => `{"Effect": "Allow", "Action": ${action}, "Resource": [${resources.map((r) => JSON.stringify(r)).join(', ')}]}`;
const policy = (...statements: string[]) => `{"Version": "2012-10-17", "Statement": [${statements.join(', ')}]}`;
const mark = (text: string, value: string) => text.replace(JSON.stringify(value), `⟦${JSON.stringify(value)}⟧`);

test('a US profile with the model only in us-east-1 is reported on the profile ARN', () => {
  expectFindings(RULE, mark(policy(allow([profile('us'), fm('us-east-1')])), profile('us')), [
    `US inference profile "us.${MODEL}" can route requests to us-east-1, us-east-2 and us-west-2, but the policy does not allow foundation-model/${MODEL} in us-east-2 and us-west-2, so requests routed there are denied. Some US profiles also route to us-west-1: GetInferenceProfile lists the exact Regions of this one.`,
  ]);
});

test('foundation-model grants anywhere in the policy count, and a * Region satisfies every Region', () => {
  expectClean(RULE, policy(allow([profile('us')]), allow(['arn:aws:bedrock:*::foundation-model/*'])));
  expectClean(RULE, policy(allow([profile('us'), fm('us-east-1'), fm('us-east-2')]), allow([fm('us-west-2')], '"bedrock:InvokeModel*"')));
  expectClean(RULE, policy(allow([profile('us')]), allow(['*'])));
  // us-west-1 is only mentioned when it is not covered.
  expectFindings(RULE, mark(policy(allow([profile('us'), fm('us-east-1'), fm('us-west-1')])), profile('us')), [/in us-east-2 and us-west-2, so requests routed there are denied\.$/]);
});

test('every invoke action the statement allows needs its own foundation-model grant', () => {
  const text = policy(allow([profile('us')], '["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]'), allow(['arn:aws:bedrock:*::foundation-model/*']));
  expectFindings(RULE, mark(text, profile('us')), [/does not allow foundation-model\/.* in us-east-1, us-east-2 and us-west-2,/]);
});

test('the source Region is required too, and a wildcard source Region requires only the destinations', () => {
  expectFindings(RULE, mark(policy(allow([profile('eu', 'eu-west-2'), fm('eu-central-1'), fm('eu-west-1'), fm('eu-west-3')])), profile('eu', 'eu-west-2')), [
    `EU inference profile "eu.${MODEL}" can route requests to eu-central-1, eu-west-1 and eu-west-3 and is called from eu-west-2, but the policy does not allow foundation-model/${MODEL} in eu-west-2, so requests routed there are denied. Some EU profiles also route to eu-north-1, eu-south-1 and eu-south-2: GetInferenceProfile lists the exact Regions of this one.`,
  ]);
  expectClean(RULE, policy(allow([profile('jp', '*'), fm('ap-northeast-1'), fm('ap-northeast-3')])));
});

test('a global profile needs the model in its source Region and the Region-less ARN', () => {
  expectFindings(RULE, mark(policy(allow([profile('global'), fm('us-east-2')])), profile('global')), [
    `Global inference profile "global.${MODEL}" can route requests to any commercial Region, which needs foundation-model/${MODEL} in the source Region us-east-1 and the Region-less ARN arn:aws:bedrock:::foundation-model/${MODEL}; the policy does not allow them, so these invocations are denied.`,
  ]);
  expectClean(RULE, policy(allow([profile('global'), fm('us-east-1'), fm('')])));
});

test('application profiles, unknown prefixes, wildcard ids, Deny and SCPs are not checked', () => {
  expectClean(RULE, policy(allow(['arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc'])));
  expectClean(RULE, policy(allow([profile('xx')])));
  expectClean(RULE, policy(allow(['arn:aws:bedrock:*:*:inference-profile/*', 'arn:aws:bedrock:*:*:inference-profile/us.*'])));
  expectClean(RULE, policy(`{"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "${profile('us')}"}`));
  expectClean(RULE, policy(allow([profile('us')], '"bedrock:GetInferenceProfile"')));
  expectClean(RULE, policy(allow([profile('us')])), { kind: 'scp' });
});

test('the preferred fix adds the missing ARNs to the Resource list, in its layout', () => {
  const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": [\n        "${profile('us')}",\n        "${fm('us-east-1')}"\n      ]\n    }\n  ]\n}`;
  const fixes = fixesOf(RULE, text);
  assert.deepEqual(
    fixes.map((f) => [f.title, f.isPreferred]),
    [
      ['Add the foundation model in us-east-2 and us-west-2', true],
      [`Allow the model in every Region (arn:aws:bedrock:*::foundation-model/${MODEL})`, undefined],
    ],
  );
  assert.equal(
    applyFix(RULE, text),
    `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": [\n        "${profile('us')}",\n        "${fm('us-east-1')}",\n        "${fm('us-east-2')}",\n        "${fm('us-west-2')}"\n      ]\n    }\n  ]\n}`,
  );
  assert.equal(
    applyFix(RULE, text, { title: /^Allow the model in every Region/ }),
    `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": [\n        "${profile('us')}",\n        "${fm('us-east-1')}",\n        "arn:aws:bedrock:*::foundation-model/${MODEL}"\n      ]\n    }\n  ]\n}`,
  );
});

test('a Resource written as one string becomes a list, and a global profile gets the Region-less ARN', () => {
  const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "${profile('global', 'eu-west-1')}"\n    }\n  ]\n}`;
  assert.equal(fixesOf(RULE, text)[0].title, 'Add the foundation model in eu-west-1 and the Region-less ARN');
  assert.equal(
    applyFix(RULE, text),
    `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": [\n        "${profile('global', 'eu-west-1')}",\n        "${fm('eu-west-1')}",\n        "${fm('')}"\n      ]\n    }\n  ]\n}`,
  );
});
