// Listing an account's models for the policy wizard (client/src/wizards/account-models.ts) against
// a local stand-in for the Amazon Bedrock control-plane API (restJson1: GET /foundation-models,
// GET /inference-profiles): the query the SDK sends, paging, what is offered and in which order,
// and the errors the wizard shows before falling back to typed ids.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { listAccountModels } from '../../../client/src/wizards/account-models';

const CREDENTIALS = { accessKeyId: 'AKIDWIZARDTEST', secretAccessKey: 'wizard-test-secret' };
const ACCOUNT = '111122223333';

const profile = (id: string, name: string, regions: string[], status = 'ACTIVE') => ({
  inferenceProfileId: id,
  inferenceProfileName: name,
  inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/${id}`,
  status,
  type: 'SYSTEM_DEFINED',
  models: regions.map((r) => ({ modelArn: `arn:aws:bedrock:${r}::foundation-model/${id.slice(id.indexOf('.') + 1)}` })),
});

describe('listing the models of an account', () => {
  let server: Server;
  let endpoint: string;
  const requests: string[] = [];
  let mode: 'ok' | 'denied' = 'ok';

  before(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url} ${req.headers.authorization ? 'signed' : 'unsigned'}`);
      res.setHeader('content-type', 'application/json');
      if (mode === 'denied') {
        res.statusCode = 403;
        res.setHeader('x-amzn-errortype', 'AccessDeniedException');
        res.end(JSON.stringify({ message: 'User is not authorized to perform: bedrock:ListFoundationModels' }));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/foundation-models') {
        res.end(
          JSON.stringify({
            modelSummaries: [
              { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0', modelId: 'amazon.nova-pro-v1:0', modelName: 'Nova Pro', providerName: 'Amazon', modelLifecycle: { status: 'ACTIVE' } },
              { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2', modelId: 'anthropic.claude-v2', modelName: 'Claude', providerName: 'Anthropic', modelLifecycle: { status: 'LEGACY' } },
              { modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', modelName: 'Claude 3 Haiku', providerName: 'Anthropic', modelLifecycle: { status: 'ACTIVE' } },
            ],
          }),
        );
      } else if (url.pathname === '/inference-profiles') {
        const page2 = url.searchParams.get('nextToken') === 'p2';
        res.end(
          JSON.stringify(
            page2
              ? { inferenceProfileSummaries: [profile('us.amazon.nova-pro-v1:0', 'US Nova Pro', ['us-east-1', 'us-east-2', 'us-west-2'])] }
              : { inferenceProfileSummaries: [profile('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'US Claude Sonnet 4.5', ['us-east-1', 'us-east-2', 'us-west-2']), profile('us.old.model-v1:0', 'Old', ['us-east-1'], 'INACTIVE')], nextToken: 'p2' },
          ),
        );
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('on-demand text models and active system-defined profiles, profiles first, each by name; legacy and inactive ones left out', async () => {
    requests.length = 0;
    mode = 'ok';
    const models = await listAccountModels({ region: 'us-east-1', endpoint, credentials: CREDENTIALS });
    assert.deepEqual(requests, [
      'GET /foundation-models?byInferenceType=ON_DEMAND&byOutputModality=TEXT signed',
      'GET /inference-profiles?maxResults=1000&type=SYSTEM_DEFINED signed',
      'GET /inference-profiles?maxResults=1000&nextToken=p2&type=SYSTEM_DEFINED signed',
    ]);
    assert.deepEqual(models, [
      { id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', kind: 'inference-profile', name: 'US Claude Sonnet 4.5', detail: 'routes to us-east-1, us-east-2, us-west-2', account: ACCOUNT },
      { id: 'us.amazon.nova-pro-v1:0', kind: 'inference-profile', name: 'US Nova Pro', detail: 'routes to us-east-1, us-east-2, us-west-2', account: ACCOUNT },
      { id: 'anthropic.claude-3-haiku-20240307-v1:0', kind: 'foundation-model', name: 'Claude 3 Haiku', detail: 'Anthropic' },
      { id: 'amazon.nova-pro-v1:0', kind: 'foundation-model', name: 'Nova Pro', detail: 'Amazon' },
    ]);
  });

  test('AccessDeniedException reaches the wizard as the SDK error, after one attempt', async () => {
    requests.length = 0;
    mode = 'denied';
    await assert.rejects(listAccountModels({ region: 'us-east-1', endpoint, credentials: CREDENTIALS }), (e: Error) => e.name === 'AccessDeniedException' && /not authorized/.test(e.message));
    assert.equal(requests.length, 1);
  });

  test('an unreachable endpoint fails fast instead of hanging the wizard', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(listAccountModels({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: CREDENTIALS }), /ECONNREFUSED/);
  });
});
