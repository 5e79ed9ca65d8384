import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GEOGRAPHIES, inferenceProfileRef, requiredModelRegions } from '../../server/src/engine/bedrock/inference-profiles';

test('the geography table holds well-formed, distinct Regions', () => {
  for (const g of GEOGRAPHIES.values()) {
    const all = [...g.regions, ...g.alsoRegions];
    for (const r of all) assert.match(r, /^[a-z]{2}(-gov)?-[a-z]+-\d$/, `${g.prefix}: ${r}`);
    assert.equal(new Set(all).size, all.length, `${g.prefix}: duplicate Region`);
    assert.ok(g.regions.length >= 2, `${g.prefix}: a cross-Region profile routes to two Regions or more`);
  }
  assert.deepEqual([...GEOGRAPHIES.keys()], ['us', 'us-gov', 'eu', 'apac', 'jp', 'au']);
});

test('profile ARNs are read into prefix, model and source Region', () => {
  assert.deepEqual(inferenceProfileRef('arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:inference-profile/us-gov.anthropic.claude-3-haiku-20240307-v1:0'), {
    partition: 'aws-us-gov',
    sourceRegion: 'us-gov-west-1',
    profileId: 'us-gov.anthropic.claude-3-haiku-20240307-v1:0',
    modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
    geography: GEOGRAPHIES.get('us-gov'),
    global: false,
  });
  const g = inferenceProfileRef('arn:${aws:Partition}:bedrock:*:*:inference-profile/global.amazon.nova-2-lite-v1:0');
  assert.equal(g?.partition, 'aws');
  assert.equal(g?.sourceRegion, undefined);
  assert.deepEqual(requiredModelRegions(g!), ['']);
  for (const arn of [
    'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc',
    'arn:aws:bedrock:us-east-1:111122223333:inference-profile/*',
    'arn:aws:bedrock:us-east-1:111122223333:inference-profile/u*.anthropic.claude',
    'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.*',
    'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude',
    'arn:aws:s3:::inference-profile/us.x',
    'not an arn',
  ]) {
    assert.equal(inferenceProfileRef(arn), undefined, arn);
  }
});

test('required Regions: the source Region plus the destinations, without duplicates', () => {
  const ref = inferenceProfileRef('arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.meta.llama3-3-70b-instruct-v1:0')!;
  assert.deepEqual(requiredModelRegions(ref), ['us-east-2', 'us-east-1', 'us-west-2']);
  const apac = inferenceProfileRef('arn:aws:bedrock:ap-southeast-3:111122223333:inference-profile/apac.amazon.nova-lite-v1:0')!;
  assert.deepEqual(requiredModelRegions(apac), ['ap-southeast-3', 'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2']);
});
