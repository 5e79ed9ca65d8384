// Each posture check's pure function, without the network: responses in (SDK shapes), verdict
// out — exact states, summaries, evidence and fixes for pass, warning, fail and not applicable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GetGuardrailResponse } from '@aws-sdk/client-bedrock';
import type { VpcEndpoint } from '@aws-sdk/client-ec2';
import type { CheckContext } from '../../server/src/posture/check';
import { CHECKS } from '../../server/src/posture/checks/index';
import type { DatasetValues, GuardrailsData, TrailData } from '../../server/src/posture/datasets';
import accountEnforced from '../../server/src/posture/checks/guardrails/account-enforced';
import contextualGrounding from '../../server/src/posture/checks/guardrails/contextual-grounding';
import customerKmsKey from '../../server/src/posture/checks/guardrails/customer-kms-key';
import guardrailsExist from '../../server/src/posture/checks/guardrails/exists';
import promptAttackHigh from '../../server/src/posture/checks/guardrails/prompt-attack-high';
import sensitiveInformation from '../../server/src/posture/checks/guardrails/sensitive-information';
import cloudtrailBedrockDataEvents from '../../server/src/posture/checks/logging/cloudtrail-bedrock-data-events';
import cloudtrailTrail from '../../server/src/posture/checks/logging/cloudtrail-trail';
import destinations from '../../server/src/posture/checks/logging/destinations';
import invocationLogging from '../../server/src/posture/checks/logging/invocation-logging';
import logGroupProtection from '../../server/src/posture/checks/logging/log-group-protection';
import textDelivery from '../../server/src/posture/checks/logging/text-delivery';
import endpointPolicy from '../../server/src/posture/checks/network/endpoint-policy';
import endpointPrivateDns from '../../server/src/posture/checks/network/endpoint-private-dns';
import { isOpenPolicy } from '../../server/src/posture/checks/network/endpoints';
import vpcEndpoints from '../../server/src/posture/checks/network/vpc-endpoints';
import modelKmsKey from '../../server/src/posture/checks/encryption/model-kms-key';
import bedrockAlarms from '../../server/src/posture/checks/monitoring/bedrock-alarms';
import bedrockFullAccess from '../../server/src/posture/checks/identity/bedrock-full-access';
import longTermApiKeys from '../../server/src/posture/checks/identity/long-term-api-keys';

const ctx: CheckContext = { region: 'us-east-1', partition: 'aws', now: new Date('2026-06-01T00:00:00Z') };
const ARN = 'arn:aws:bedrock:us-east-1:111122223333:guardrail';
const KMS = 'arn:aws:kms:us-east-1:111122223333:key/k1';

function guardrail(id: string, over: Partial<GetGuardrailResponse> = {}): GetGuardrailResponse {
  return { guardrailId: id, guardrailArn: `${ARN}/${id}`, name: `g-${id}`, version: 'DRAFT', status: 'READY', createdAt: new Date(0), updatedAt: new Date(0), blockedInputMessaging: 'no', blockedOutputsMessaging: 'no', ...over };
}

function guardrails(...details: GetGuardrailResponse[]): GuardrailsData {
  return { summaries: details.map((d) => ({ id: d.guardrailId, arn: d.guardrailArn, name: d.name, status: d.status, version: d.version, createdAt: d.createdAt, updatedAt: d.updatedAt })), details, truncated: false };
}

const pick = <T extends object, K extends keyof T>(o: T, ...keys: K[]): Pick<T, K> => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

test('every check has a unique id in its category folder, a title and at least one dataset', () => {
  const ids = CHECKS.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(CHECKS.length, 19);
  for (const c of CHECKS) {
    assert.match(c.id, /^(guardrails|logging|network|encryption|monitoring|identity)\/[a-z0-9-]+$/);
    assert.equal(c.id.split('/')[0], c.category.toLowerCase());
    assert.ok(c.title.length > 5 && c.needs.length > 0, c.id);
  }
});

test('guardrails/exists: ready guardrails pass, none or none ready fail with a create-guardrail command', () => {
  const two = guardrails(guardrail('a'), guardrail('b', { status: 'FAILED' })).summaries;
  const pass = guardrailsExist.evaluate({ guardrailList: two }, ctx);
  assert.deepEqual(pick(pass, 'state', 'summary'), { state: 'pass', summary: '1 guardrail ready, 1 not ready' });
  assert.deepEqual(pass.evidence, [
    { label: 'g-a', value: `${ARN}/a (READY)` },
    { label: 'g-b', value: `${ARN}/b (FAILED)` },
  ]);
  assert.equal(pass.consoleUrl, 'https://us-east-1.console.aws.amazon.com/bedrock/home?region=us-east-1#/guardrails');
  assert.equal(pass.remediation, undefined);
  const none = guardrailsExist.evaluate({ guardrailList: [] }, ctx);
  assert.deepEqual(pick(none, 'state', 'summary', 'evidence'), { state: 'fail', summary: 'No guardrails', evidence: [] });
  assert.match(none.remediation!.cliCommand!, /^aws bedrock create-guardrail --region us-east-1 --name baseline .*"type":"PROMPT_ATTACK","inputStrength":"HIGH","outputStrength":"NONE"/);
  const failed = guardrailsExist.evaluate({ guardrailList: [two[1]] }, ctx);
  assert.deepEqual(pick(failed, 'state', 'summary'), { state: 'fail', summary: 'No ready guardrail (1 not ready)' });
});

test('guardrails/prompt-attack-high: HIGH input that blocks passes; lower, disabled or detect-only do not', () => {
  const high = guardrail('a', { contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE' }] } });
  const medium = guardrail('b', { contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'MEDIUM', outputStrength: 'NONE' }] } });
  const detect = guardrail('c', { contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE', inputAction: 'NONE' }] } });
  const off = guardrail('d', { contentPolicy: { filters: [{ type: 'PROMPT_ATTACK', inputStrength: 'HIGH', outputStrength: 'NONE', inputEnabled: false }] } });
  const none = guardrail('e', { contentPolicy: { filters: [{ type: 'HATE', inputStrength: 'HIGH', outputStrength: 'HIGH' }] } });
  const all = promptAttackHigh.evaluate({ guardrails: guardrails(high) }, ctx);
  assert.deepEqual(pick(all, 'state', 'summary', 'evidence'), {
    state: 'pass',
    summary: 'Prompt-attack filter at HIGH: 1 of 1 guardrail',
    evidence: [{ label: `g-a (${ARN}/a, version DRAFT)`, value: 'input strength HIGH' }],
  });
  const some = promptAttackHigh.evaluate({ guardrails: guardrails(high, medium, detect, off, none) }, ctx);
  assert.deepEqual(pick(some, 'state', 'summary'), { state: 'warning', summary: 'Prompt-attack filter at HIGH: 1 of 5 guardrails' });
  assert.deepEqual(
    some.evidence.map((e) => e.value),
    ['input strength HIGH', 'input strength MEDIUM', 'input strength HIGH, detect only (input action NONE)', 'input strength HIGH, input disabled', 'No prompt-attack filter'],
  );
  assert.match(some.remediation!.snippet!, /"inputStrength": "HIGH"/);
  assert.equal(promptAttackHigh.evaluate({ guardrails: guardrails(medium) }, ctx).state, 'fail');
  assert.deepEqual(pick(promptAttackHigh.evaluate({ guardrails: guardrails() }, ctx), 'state', 'summary'), { state: 'not-applicable', summary: 'No guardrails to inspect' });
});

test('guardrails/sensitive-information: PII types or regexes that act pass; detect-only filters do not count', () => {
  const pii = guardrail('a', { sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL', action: 'ANONYMIZE' }, { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' }], regexes: [{ name: 'id', pattern: '\\d+', action: 'BLOCK' }] } });
  const detectOnly = guardrail('b', { sensitiveInformationPolicy: { piiEntities: [{ type: 'EMAIL', action: 'NONE' }] } });
  const v = sensitiveInformation.evaluate({ guardrails: guardrails(pii, detectOnly) }, ctx);
  assert.deepEqual(pick(v, 'state', 'summary'), { state: 'warning', summary: 'Sensitive-information filters: 1 of 2 guardrails' });
  assert.deepEqual(v.evidence.map((e) => e.value), ['2 PII types (EMAIL, US_SOCIAL_SECURITY_NUMBER), 1 regex', 'No sensitive-information filters']);
  assert.equal(sensitiveInformation.evaluate({ guardrails: guardrails(detectOnly) }, ctx).state, 'fail');
  assert.equal(sensitiveInformation.evaluate({ guardrails: guardrails(pii) }, ctx).state, 'pass');
});

test('guardrails/contextual-grounding: both filters pass; one is partial; none is only a warning', () => {
  const both = guardrail('a', { contextualGroundingPolicy: { filters: [{ type: 'GROUNDING', threshold: 0.75 }, { type: 'RELEVANCE', threshold: 0.5 }] } });
  const one = guardrail('b', { contextualGroundingPolicy: { filters: [{ type: 'GROUNDING', threshold: 0.8 }, { type: 'RELEVANCE', threshold: 0.5, enabled: false }] } });
  const none = guardrail('c');
  const v = contextualGrounding.evaluate({ guardrails: guardrails(both, one, none) }, ctx);
  assert.deepEqual(pick(v, 'state', 'summary'), { state: 'warning', summary: 'Contextual grounding checks: 1 of 3 guardrails' });
  assert.deepEqual(v.evidence.map((e) => e.value), ['GROUNDING 0.75, RELEVANCE 0.5', 'GROUNDING 0.8, no RELEVANCE', 'No contextual grounding checks']);
  assert.equal(contextualGrounding.evaluate({ guardrails: guardrails(none) }, ctx).state, 'warning');
  assert.equal(contextualGrounding.evaluate({ guardrails: guardrails(both) }, ctx).state, 'pass');
});

test('guardrails/customer-kms-key: a kmsKeyArn passes, the AWS owned key fails', () => {
  const v = customerKmsKey.evaluate({ guardrails: guardrails(guardrail('a', { kmsKeyArn: KMS }), guardrail('b')) }, ctx);
  assert.deepEqual(pick(v, 'state', 'summary'), { state: 'warning', summary: 'Customer managed KMS key: 1 of 2 guardrails' });
  assert.deepEqual(v.evidence.map((e) => e.value), [KMS, 'AWS owned key']);
  assert.equal(customerKmsKey.evaluate({ guardrails: guardrails(guardrail('b')) }, ctx).state, 'fail');
  const truncated = customerKmsKey.evaluate({ guardrails: { ...guardrails(guardrail('a', { kmsKeyArn: KMS })), summaries: new Array(101).fill({}), truncated: true } }, ctx);
  assert.deepEqual(truncated.evidence.at(-1), { label: 'Not inspected', value: '100 more guardrails' });
});

test('guardrails/account-enforced: a configuration passes; none is a warning that mentions IAM/SCP enforcement', () => {
  const v = accountEnforced.evaluate({ enforcedGuardrails: [{ configId: 'c1', guardrailArn: `${ARN}/a`, guardrailId: 'a', guardrailVersion: '3', owner: 'ACCOUNT' }] }, ctx);
  assert.deepEqual(pick(v, 'state', 'summary', 'evidence'), { state: 'pass', summary: 'Enforced: a version 3', evidence: [{ label: 'Configuration c1', value: `${ARN}/a version 3 (owner ACCOUNT)` }] });
  const none = accountEnforced.evaluate({ enforcedGuardrails: [] }, ctx);
  assert.deepEqual(pick(none, 'state', 'summary'), { state: 'warning', summary: 'No account-enforced guardrail' });
  assert.equal(none.remediation!.cliCommand, `aws bedrock put-enforced-guardrail-configuration --region us-east-1 --guardrail-inference-config '{"guardrailIdentifier":"<guardrail-arn>","guardrailVersion":"1"}'`);
});

const LOGGING: DatasetValues['invocationLogging'] = {
  cloudWatchConfig: { logGroupName: '/aws/bedrock/inv', roleArn: 'arn:aws:iam::111122223333:role/log', largeDataDeliveryS3Config: { bucketName: 'big', keyPrefix: 'l/' } },
  textDataDeliveryEnabled: true,
};

test('logging/invocation-logging, text-delivery and destinations read one logging configuration', () => {
  assert.deepEqual(pick(invocationLogging.evaluate({ invocationLogging: LOGGING }, ctx), 'state', 'summary'), { state: 'pass', summary: 'On: CloudWatch Logs' });
  const both = { ...LOGGING, s3Config: { bucketName: 'logs' } };
  assert.deepEqual(pick(invocationLogging.evaluate({ invocationLogging: both }, ctx), 'state', 'summary'), { state: 'pass', summary: 'On: CloudWatch Logs and S3' });
  assert.deepEqual(invocationLogging.evaluate({ invocationLogging: LOGGING }, ctx).evidence, [
    { label: 'CloudWatch log group', value: '/aws/bedrock/inv' },
    { label: 'Delivery role', value: 'arn:aws:iam::111122223333:role/log' },
    { label: 'Large data bucket', value: 's3://big/l/' },
    { label: 'Text data delivery', value: 'on' },
  ]);
  const off = invocationLogging.evaluate({ invocationLogging: undefined }, ctx);
  assert.deepEqual(pick(off, 'state', 'summary'), { state: 'fail', summary: 'Model invocation logging is off' });
  assert.match(off.remediation!.cliCommand!, /^aws bedrock put-model-invocation-logging-configuration --region us-east-1 --logging-config '\{"cloudWatchConfig":/);
  assert.deepEqual(pick(invocationLogging.evaluate({ invocationLogging: { textDataDeliveryEnabled: true } }, ctx), 'state', 'summary'), { state: 'fail', summary: 'Logging configured without a destination' });

  assert.deepEqual(pick(textDelivery.evaluate({ invocationLogging: LOGGING }, ctx), 'state', 'summary'), { state: 'pass', summary: 'Text delivery on' });
  assert.deepEqual(pick(textDelivery.evaluate({ invocationLogging: { ...LOGGING, textDataDeliveryEnabled: false } }, ctx), 'state', 'summary'), { state: 'fail', summary: 'Text delivery off: prompts and responses are not logged' });
  assert.deepEqual(pick(textDelivery.evaluate({ invocationLogging: undefined }, ctx), 'state', 'summary'), { state: 'not-applicable', summary: 'Model invocation logging is off' });

  assert.deepEqual(pick(destinations.evaluate({ invocationLogging: LOGGING }, ctx), 'state', 'summary'), { state: 'pass', summary: 'CloudWatch Logs /aws/bedrock/inv' });
  const noLarge = { ...LOGGING, cloudWatchConfig: { logGroupName: '/aws/bedrock/inv', roleArn: 'arn:aws:iam::111122223333:role/log' } };
  assert.deepEqual(pick(destinations.evaluate({ invocationLogging: noLarge }, ctx), 'state', 'summary'), { state: 'warning', summary: 'CloudWatch Logs without an S3 bucket for large data' });
  assert.deepEqual(pick(destinations.evaluate({ invocationLogging: { ...noLarge, s3Config: { bucketName: 'logs' } } }, ctx), 'state', 'summary'), { state: 'pass', summary: 'CloudWatch Logs /aws/bedrock/inv, S3 logs' });
  const noRole = { cloudWatchConfig: { logGroupName: '/aws/bedrock/inv', roleArn: '' } };
  assert.deepEqual(pick(destinations.evaluate({ invocationLogging: noRole }, ctx), 'state', 'summary'), { state: 'fail', summary: 'CloudWatch Logs destination without a delivery role' });
  assert.equal(destinations.evaluate({ invocationLogging: undefined }, ctx).state, 'not-applicable');
});

test('logging/log-group-protection: KMS and at least 365 days (or never expire) pass; each gap is named with its fix', () => {
  const group = (over: object) => ({ logGroupName: '/aws/bedrock/inv', logGroup: { logGroupName: '/aws/bedrock/inv', arn: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/bedrock/inv:*', ...over } });
  const ok = logGroupProtection.evaluate({ invocationLogGroup: group({ kmsKeyId: KMS, retentionInDays: 365 }) }, ctx);
  assert.deepEqual(pick(ok, 'state', 'summary'), { state: 'pass', summary: 'KMS key, retention 365 days' });
  assert.equal(ok.consoleUrl, 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/%252Faws%252Fbedrock%252Finv');
  assert.deepEqual(pick(logGroupProtection.evaluate({ invocationLogGroup: group({ kmsKeyId: KMS }) }, ctx), 'state', 'summary'), { state: 'pass', summary: 'KMS key, never expire' });
  const bad = logGroupProtection.evaluate({ invocationLogGroup: group({ retentionInDays: 30 }) }, ctx);
  assert.deepEqual(pick(bad, 'state', 'summary'), { state: 'fail', summary: 'No KMS key, retention 30 days (under 365)' });
  assert.deepEqual(bad.evidence, [
    { label: 'Log group', value: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/bedrock/inv:*' },
    { label: 'KMS key', value: 'none' },
    { label: 'Retention', value: '30 days' },
  ]);
  assert.equal(
    bad.remediation!.cliCommand,
    'aws logs associate-kms-key --region us-east-1 --log-group-name /aws/bedrock/inv --kms-key-id <kms-key-arn> && aws logs put-retention-policy --region us-east-1 --log-group-name /aws/bedrock/inv --retention-in-days 365',
  );
  assert.deepEqual(pick(logGroupProtection.evaluate({ invocationLogGroup: { logGroupName: '/gone' } }, ctx), 'state', 'summary'), { state: 'fail', summary: 'Log group /gone does not exist' });
  assert.deepEqual(pick(logGroupProtection.evaluate({ invocationLogGroup: {} }, ctx), 'state', 'summary'), { state: 'not-applicable', summary: 'No CloudWatch Logs destination for invocation logs' });
});

function trail(name: string, over: Partial<TrailData['trail']> = {}, logging = true, advanced: TrailData['selectors']['AdvancedEventSelectors'] = undefined): TrailData {
  return {
    trail: { Name: name, TrailARN: `arn:aws:cloudtrail:us-east-1:111122223333:trail/${name}`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, LogFileValidationEnabled: true, KmsKeyId: KMS, ...over },
    status: { IsLogging: logging },
    selectors: { AdvancedEventSelectors: advanced },
  };
}

test('logging/cloudtrail-trail: picks the best logging multi-Region trail and names what it lacks', () => {
  assert.deepEqual(pick(cloudtrailTrail.evaluate({ trails: [trail('org')] }, ctx), 'state', 'summary'), { state: 'pass', summary: 'Trail org: multi-Region, logging, validated, KMS' });
  const weak = cloudtrailTrail.evaluate({ trails: [trail('a', { LogFileValidationEnabled: false, KmsKeyId: undefined }), trail('b', { KmsKeyId: undefined })] }, ctx);
  assert.deepEqual(pick(weak, 'state', 'summary'), { state: 'warning', summary: 'Trail b: no KMS key' });
  assert.equal(weak.remediation!.cliCommand, 'aws cloudtrail update-trail --region us-east-1 --name arn:aws:cloudtrail:us-east-1:111122223333:trail/b --kms-key-id <kms-key-arn>');
  assert.deepEqual(weak.evidence[0], { label: 'a', value: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/a, multi-Region, logging, validation off, no KMS key' });
  assert.deepEqual(pick(cloudtrailTrail.evaluate({ trails: [trail('x', {}, false)] }, ctx), 'state', 'summary'), { state: 'fail', summary: 'Multi-Region trail x is not logging' });
  assert.deepEqual(pick(cloudtrailTrail.evaluate({ trails: [trail('local', { IsMultiRegionTrail: false })] }, ctx), 'state', 'summary'), { state: 'fail', summary: 'No multi-Region trail' });
  assert.deepEqual(pick(cloudtrailTrail.evaluate({ trails: [] }, ctx), 'state', 'summary'), { state: 'fail', summary: 'No multi-Region trail' });
});

test('logging/cloudtrail-bedrock-data-events: advanced selectors on AWS::Bedrock::* data events of a logging trail covering the Region', () => {
  const data = (types: { Equals?: string[]; StartsWith?: string[] }) => [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', ...types }] }];
  const v = cloudtrailBedrockDataEvents.evaluate({ trails: [trail('org', {}, true, data({ Equals: ['AWS::S3::Object', 'AWS::Bedrock::AgentAlias', 'AWS::Bedrock::Guardrail'] }))] }, ctx);
  assert.deepEqual(pick(v, 'state', 'summary', 'evidence'), { state: 'pass', summary: 'Trail org records AWS::Bedrock::AgentAlias, AWS::Bedrock::Guardrail', evidence: [{ label: 'org', value: 'AWS::Bedrock::AgentAlias, AWS::Bedrock::Guardrail' }] });
  assert.deepEqual(pick(cloudtrailBedrockDataEvents.evaluate({ trails: [trail('org', {}, true, data({ StartsWith: ['AWS::Bedrock'] }))] }, ctx), 'summary'), { summary: 'Trail org records AWS::Bedrock*' });
  // Management selectors, S3 data events, a trail that is not logging, a single-Region trail of another Region: none counts.
  const none = cloudtrailBedrockDataEvents.evaluate(
    {
      trails: [
        trail('mgmt', {}, true, [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }]),
        trail('s3', {}, true, data({ Equals: ['AWS::S3::Object'] })),
        trail('stopped', {}, false, data({ Equals: ['AWS::Bedrock::AgentAlias'] })),
        trail('west', { IsMultiRegionTrail: false, HomeRegion: 'us-west-2' }, true, data({ Equals: ['AWS::Bedrock::AgentAlias'] })),
      ],
    },
    ctx,
  );
  assert.deepEqual(pick(none, 'state', 'summary'), { state: 'warning', summary: 'No trail records Bedrock data events' });
  const selectors = JSON.parse(/--advanced-event-selectors '(.*)'$/.exec(none.remediation!.cliCommand!)![1]);
  assert.deepEqual(selectors[0], { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }, 'the suggested selectors keep management events');
  assert.deepEqual(pick(cloudtrailBedrockDataEvents.evaluate({ trails: [] }, ctx), 'state', 'summary'), { state: 'warning', summary: 'No logging trail covers this Region' });
});

const OPEN = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] });
const RESTRICTED = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'bedrock:InvokeModel', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }] });
// EC2 answers states in lower case ("available"); the SDK's enum spells them "Available".
const endpoint = (id: string, service: string, over: object = {}): VpcEndpoint =>
  ({ VpcEndpointId: id, VpcEndpointType: 'Interface', VpcId: 'vpc-1', ServiceName: `com.amazonaws.us-east-1.${service}`, State: 'available', PrivateDnsEnabled: true, PolicyDocument: RESTRICTED, ...over }) as unknown as VpcEndpoint;

test('network/vpc-endpoints: bedrock-runtime is required, bedrock and bedrock-agent-runtime recommended', () => {
  const all = [endpoint('vpce-1', 'bedrock-runtime'), endpoint('vpce-2', 'bedrock'), endpoint('vpce-3', 'bedrock-agent-runtime')];
  assert.deepEqual(pick(vpcEndpoints.evaluate({ vpcEndpoints: all }, ctx), 'state', 'summary'), { state: 'pass', summary: 'Available for bedrock-runtime, bedrock, bedrock-agent-runtime' });
  const some = vpcEndpoints.evaluate({ vpcEndpoints: [all[0], endpoint('vpce-4', 'bedrock', { State: 'pending' })] }, ctx);
  assert.deepEqual(pick(some, 'state', 'summary'), { state: 'warning', summary: 'bedrock-runtime available; none for bedrock, bedrock-agent-runtime' });
  assert.deepEqual(some.evidence, [
    { label: 'vpce-1 (bedrock-runtime, vpc-1)', value: 'available' },
    { label: 'vpce-4 (bedrock, vpc-1)', value: 'pending' },
  ]);
  const none = vpcEndpoints.evaluate({ vpcEndpoints: [endpoint('vpce-5', 'bedrock-runtime', { State: 'failed' })] }, ctx);
  assert.deepEqual(pick(none, 'state', 'summary'), { state: 'fail', summary: 'No available bedrock-runtime interface endpoint' });
  assert.match(none.remediation!.cliCommand!, /--vpc-endpoint-type Interface --service-name com\.amazonaws\.us-east-1\.bedrock-runtime .*--private-dns-enabled$/);
  assert.equal(vpcEndpoints.evaluate({ vpcEndpoints: [] }, ctx).state, 'fail');
});

test('network/endpoint-private-dns and endpoint-policy judge every Bedrock interface endpoint', () => {
  const eps = [endpoint('vpce-1', 'bedrock-runtime'), endpoint('vpce-2', 'bedrock', { PrivateDnsEnabled: false, PolicyDocument: OPEN }), endpoint('vpce-3', 'bedrock-agent-runtime', { PolicyDocument: undefined })];
  const dns = endpointPrivateDns.evaluate({ vpcEndpoints: eps }, ctx);
  assert.deepEqual(pick(dns, 'state', 'summary'), { state: 'warning', summary: 'Private DNS: 2 of 3 endpoints' });
  assert.equal(dns.remediation!.cliCommand, 'aws ec2 modify-vpc-endpoint --region us-east-1 --vpc-endpoint-id vpce-2 --private-dns-enabled');
  const policy = endpointPolicy.evaluate({ vpcEndpoints: eps }, ctx);
  assert.deepEqual(pick(policy, 'state', 'summary'), { state: 'warning', summary: 'Restrictive policy: 1 of 3 endpoints' });
  assert.deepEqual(policy.evidence.map((e) => e.value), ['restricted', 'full access (Allow * to *)', 'full access (Allow * to *)']);
  assert.match(policy.remediation!.snippet!, /"aws:PrincipalAccount": "<account-id>"/);
  assert.equal(endpointPolicy.evaluate({ vpcEndpoints: [eps[0]] }, ctx).state, 'pass');
  assert.equal(endpointPolicy.evaluate({ vpcEndpoints: [endpoint('vpce-9', 'bedrock', { PolicyDocument: '{broken' })] }, ctx).evidence[0].value, 'policy could not be read');
  for (const check of [endpointPrivateDns, endpointPolicy]) {
    assert.deepEqual(pick(check.evaluate({ vpcEndpoints: [{ ...eps[0], VpcEndpointType: 'Gateway' }] }, ctx), 'state', 'summary'), { state: 'not-applicable', summary: 'No Bedrock interface endpoints' });
  }
});

test('isOpenPolicy: no policy, Allow * or bedrock:* to any principal without conditions is open', () => {
  assert.equal(isOpenPolicy(undefined), true);
  assert.equal(isOpenPolicy(OPEN), true);
  assert.equal(isOpenPolicy(JSON.stringify({ Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: ['bedrock:*'], Resource: ['*'] } })), true);
  assert.equal(isOpenPolicy(RESTRICTED), false);
  assert.equal(isOpenPolicy(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: '*', Resource: '*' }] })), false);
  assert.equal(isOpenPolicy(JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] })), false);
  assert.equal(isOpenPolicy('{"Statement": ['), undefined);
  assert.equal(isOpenPolicy('42'), undefined);
});

test('encryption/model-kms-key: every custom and imported model needs a customer managed key', () => {
  const custom = [{ modelArn: 'arn:aws:bedrock:us-east-1:111122223333:custom-model/m1', modelName: 'tuned', modelKmsKeyArn: KMS, creationTime: new Date(0) }];
  const imported = [{ modelArn: 'arn:aws:bedrock:us-east-1:111122223333:imported-model/i1', modelName: 'imp', creationTime: new Date(0) }];
  const v = modelKmsKey.evaluate({ models: { custom, imported, truncated: false } }, ctx);
  assert.deepEqual(pick(v, 'state', 'summary', 'evidence'), {
    state: 'fail',
    summary: 'Customer managed KMS key: 1 of 2 models',
    evidence: [
      { label: 'tuned (custom, arn:aws:bedrock:us-east-1:111122223333:custom-model/m1)', value: KMS },
      { label: 'imp (imported, arn:aws:bedrock:us-east-1:111122223333:imported-model/i1)', value: 'AWS owned key' },
    ],
  });
  assert.equal(modelKmsKey.evaluate({ models: { custom, imported: [], truncated: false } }, ctx).state, 'pass');
  assert.deepEqual(pick(modelKmsKey.evaluate({ models: { custom: [], imported: [], truncated: false } }, ctx), 'state', 'summary'), { state: 'not-applicable', summary: 'No custom or imported models' });
});

test('monitoring/bedrock-alarms: alarms that notify on errors and throttles, metric-math included', () => {
  const alarm = (name: string, metric: string, over: object = {}) => ({ AlarmName: name, Namespace: 'AWS/Bedrock', MetricName: metric, ActionsEnabled: true, AlarmActions: ['arn:aws:sns:us-east-1:111122223333:oncall'], StateValue: 'OK' as const, ...over });
  const mathThrottles = { AlarmName: 'math', ActionsEnabled: true, AlarmActions: ['arn:aws:sns:x'], Metrics: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/Bedrock', MetricName: 'InvocationThrottles' }, Period: 60, Stat: 'Sum' } }] };
  const pass = bedrockAlarms.evaluate({ alarms: [alarm('errors', 'InvocationServerErrors'), mathThrottles, alarm('cpu', 'CPUUtilization', { Namespace: 'AWS/EC2' })] }, ctx);
  assert.deepEqual(pick(pass, 'state', 'summary'), { state: 'pass', summary: '2 alarms on errors and throttles' });
  assert.deepEqual(pass.evidence, [
    { label: 'errors', value: 'InvocationServerErrors; 1 action(s); OK' },
    { label: 'math', value: 'InvocationThrottles; 1 action(s); no state' },
  ]);
  const silent = bedrockAlarms.evaluate({ alarms: [alarm('errors', 'InvocationClientErrors'), alarm('throttles', 'InvocationThrottles', { AlarmActions: [] })] }, ctx);
  assert.deepEqual(pick(silent, 'state', 'summary'), { state: 'warning', summary: 'No alarm that notifies on throttles' });
  assert.match(silent.remediation!.cliCommand!, /^aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name bedrock-throttles --namespace AWS\/Bedrock --metric-name InvocationThrottles /);
  assert.deepEqual(pick(bedrockAlarms.evaluate({ alarms: [alarm('lat', 'InvocationLatency')] }, ctx), 'state', 'summary'), { state: 'warning', summary: 'No alarm that notifies on errors or throttles' });
  assert.deepEqual(pick(bedrockAlarms.evaluate({ alarms: [] }, ctx), 'state', 'summary'), { state: 'fail', summary: 'No alarms on AWS/Bedrock' });
});

test('identity/bedrock-full-access: attachments are a warning listing roles, users and groups', () => {
  const policyArn = 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess';
  const v = bedrockFullAccess.evaluate({ bedrockFullAccess: { policyArn, users: [{ UserName: 'alice' }], groups: [], roles: [{ RoleName: 'ds' }, { RoleName: 'ml' }] } }, { ...ctx, region: 'global' });
  assert.deepEqual(pick(v, 'state', 'summary', 'evidence'), {
    state: 'warning',
    summary: 'Attached to 2 roles, 1 user',
    evidence: [
      { label: 'Role', value: 'ds' },
      { label: 'Role', value: 'ml' },
      { label: 'User', value: 'alice' },
    ],
  });
  assert.equal(v.remediation!.cliCommand, `aws iam detach-role-policy --role-name ds --policy-arn ${policyArn}`);
  assert.equal(v.consoleUrl, 'https://console.aws.amazon.com/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FAmazonBedrockFullAccess?section=entities_attached');
  assert.deepEqual(pick(bedrockFullAccess.evaluate({ bedrockFullAccess: { policyArn, users: [], groups: [], roles: [] } }, ctx), 'state', 'summary'), { state: 'pass', summary: 'AmazonBedrockFullAccess is not attached' });
});

test('identity/long-term-api-keys: active keys without expiry fail, expiring ones warn, inactive and expired pass', () => {
  const key = (user: string, id: string, over: object = {}) => ({ UserName: user, ServiceSpecificCredentialId: id, Status: 'Active' as const, ServiceName: 'bedrock.amazonaws.com', CreateDate: new Date('2026-01-01T00:00:00Z'), ...over });
  const forever = longTermApiKeys.evaluate({ bedrockApiKeys: [key('ci', 'K1'), key('ops', 'K2', { ExpirationDate: new Date('2026-09-01T00:00:00Z') })] }, ctx);
  assert.deepEqual(pick(forever, 'state', 'summary'), { state: 'fail', summary: '1 active key without expiry (ci)' });
  assert.deepEqual(forever.evidence, [
    { label: 'ci', value: 'K1: Active, created 2026-01-01, expires never' },
    { label: 'ops', value: 'K2: Active, created 2026-01-01, expires 2026-09-01' },
  ]);
  assert.equal(forever.remediation!.cliCommand, 'aws iam update-service-specific-credential --user-name ci --service-specific-credential-id K1 --status Inactive');
  assert.deepEqual(pick(longTermApiKeys.evaluate({ bedrockApiKeys: [key('ops', 'K2', { ExpirationDate: new Date('2026-09-01T00:00:00Z') })] }, ctx), 'state', 'summary'), { state: 'warning', summary: '1 active key, all expiring' });
  const quiet = longTermApiKeys.evaluate({ bedrockApiKeys: [key('old', 'K3', { Status: 'Inactive' }), key('gone', 'K4', { ExpirationDate: new Date('2026-05-01T00:00:00Z') })] }, ctx);
  assert.deepEqual(pick(quiet, 'state', 'summary'), { state: 'pass', summary: 'No active long-term Bedrock API keys' });
  assert.equal(quiet.evidence[1].value, 'K4: Active (expired), created 2026-01-01, expires 2026-05-01');
});

test('checks tolerate odd but well-typed data: holes in lists and missing fields', () => {
  const holes = [undefined, null] as unknown as never[];
  assert.equal(guardrailsExist.evaluate({ guardrailList: holes }, ctx).state, 'fail');
  assert.equal(vpcEndpoints.evaluate({ vpcEndpoints: holes }, ctx).state, 'fail');
  assert.equal(bedrockAlarms.evaluate({ alarms: holes }, ctx).state, 'fail');
  assert.equal(longTermApiKeys.evaluate({ bedrockApiKeys: holes }, ctx).state, 'pass');
  assert.equal(promptAttackHigh.evaluate({ guardrails: guardrails(guardrail('a', { contentPolicy: { filters: [null as never] } })) }, ctx).state, 'fail');
  assert.equal(cloudtrailBedrockDataEvents.evaluate({ trails: [trail('t', {}, true, [{ FieldSelectors: undefined as never }])] }, ctx).state, 'warning');
});
