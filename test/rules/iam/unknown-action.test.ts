import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const ID = 'iam/unknown-action';
const wrap = (actions: string, key = 'Action') => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "${key}": ${actions}, "Resource": "*"}]}`;

test('a misspelled action is reported with the closest action of its service', () => {
  expectFindings(ID, wrap('[⟦"bedrock:InvokeModels"⟧]'), ['"bedrock:InvokeModels" is not an action of Amazon Bedrock. Did you mean "bedrock:InvokeModel"?']);
});

test('the fix keeps the prefix as the user wrote it', () => {
  assert.equal(applyFix(ID, wrap('["Bedrock:InvokeModels"]')), wrap('["Bedrock:InvokeModel"]'));
});

test('action names are case-insensitive in IAM: a differently cased action is valid', () => {
  expectClean(ID, wrap('["bedrock:invokemodel", "BEDROCK:INVOKEMODELWITHRESPONSESTREAM", "s3:getobject"]'));
});

test('bedrock:Converse and bedrock:ConverseStream are explained and replaced by the authorizing actions', () => {
  expectFindings(ID, wrap('[⟦"bedrock:Converse"⟧, ⟦"bedrock:ConverseStream"⟧]'), [
    '"bedrock:Converse" is not an IAM action: the Converse API is authorized by "bedrock:InvokeModel", so this entry matches nothing.',
    '"bedrock:ConverseStream" is not an IAM action: the ConverseStream API is authorized by "bedrock:InvokeModelWithResponseStream", so this entry matches nothing.',
  ]);
  const once = applyFix(ID, wrap('["bedrock:Converse", "bedrock:ConverseStream"]'));
  assert.equal(once, wrap('["bedrock:InvokeModel", "bedrock:ConverseStream"]'));
  assert.equal(applyFix(ID, once), wrap('["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]'));
  assert.equal(applyFix(ID, wrap('"bedrock:converse"')), wrap('"bedrock:InvokeModel"'));
});

test('when the authorizing action is already allowed by the list, the Converse fix removes the entry', () => {
  assert.deepEqual(
    fixesOf(ID, wrap('["bedrock:Converse", "bedrock:InvokeModel"]')).map((f) => f.title),
    ['Remove "bedrock:Converse" ("bedrock:InvokeModel" is already allowed by this list)'],
  );
  assert.equal(applyFix(ID, wrap('["bedrock:Converse", "bedrock:InvokeModel"]')), wrap('["bedrock:InvokeModel"]'));
  assert.equal(applyFix(ID, wrap('["bedrock:InvokeModel", "bedrock:Converse"]')), wrap('["bedrock:InvokeModel"]'));
  assert.equal(applyFix(ID, wrap('["bedrock:Invoke*", "bedrock:ConverseStream", "s3:GetObject"]')), wrap('["bedrock:Invoke*", "s3:GetObject"]'));
});

test('a wildcard pattern that matches nothing is reported without a fix', () => {
  const text = wrap('"bedrock:Invok*Foo"');
  expectFindings(ID, wrap('⟦"bedrock:Invok*Foo"⟧'), ['"bedrock:Invok*Foo" matches no action of Amazon Bedrock.']);
  assert.deepEqual(fixesOf(ID, text), []);
});

test('a name with nothing close is reported without a suggestion', () => {
  expectFindings(ID, wrap('⟦"bedrock:TotallyMadeUpOperationName"⟧'), ['"bedrock:TotallyMadeUpOperationName" is not an action of Amazon Bedrock.']);
});

test('NotAction entries are checked too', () => {
  expectFindings(ID, wrap('⟦"bedrock:Converse"⟧', 'NotAction'), [/Converse API is authorized by "bedrock:InvokeModel"/]);
});

test('unknown services, retired services, malformed entries and actions AWS documents elsewhere are left to others', () => {
  expectClean(ID, wrap('["bedrok:InvokeModel", "deepracer:GetTrack", "InvokeModel", "*", "bedrock:*", "memorydb:ReplicateMultiRegionClusterData"]'));
});
