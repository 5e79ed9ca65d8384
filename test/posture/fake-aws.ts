// A local stand-in for the AWS endpoints the posture checks call, for tests only: an HTTP server
// on 127.0.0.1 (random port) that speaks each service's wire protocol as the SDK v3 clients
// expect it — bedrock restJson1 (routes by method and path), ec2 ec2Query and iam awsQuery (form
// body with Action=…, XML answers), cloudtrail and logs awsJson1_1 and cloudwatch awsJson1_0 with
// awsQueryCompatible errors (routed by X-Amz-Target). It verifies every request's SigV4 signature
// with the test credentials (an independent implementation of the canonical request and the
// signing key), records every operation, and answers from a scenario (an account described in
// JSON) with optional faults: AccessDenied, throttling, expired or rejected credentials,
// malformed bodies, slow answers, dropped connections.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Credentials the fake accepts (access key id → secret). */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDPOSTURETEST01', secretAccessKey: 'posture-test-secret-key', accountId: '111122223333' } as const;

/** What goes wrong with an operation. */
export interface Fault {
  /** `service:Operation`, e.g. `bedrock:ListGuardrails`. */
  operation: string;
  /** Only in this Region (the signing Region); every Region when omitted. */
  region?: string;
  kind: 'access-denied' | 'throttle' | 'malformed' | 'wrong-shape' | 'slow' | 'expired-token' | 'unrecognized-client' | 'reset';
  /** How many requests fail (then the operation answers normally); forever when omitted. */
  times?: number;
  /** For `slow`: how long the answer is held. */
  delayMs?: number;
}

type Json = Record<string, unknown>;

/** One Region of an account, in the SDK's shapes (dates as ISO strings). */
export interface RegionScenario {
  /** GetGuardrail answers; ListGuardrails lists them. */
  guardrails?: Json[];
  enforcedGuardrails?: Json[];
  /** GetModelInvocationLoggingConfiguration's loggingConfig (absent: logging off). */
  invocationLogging?: Json | null;
  /** GetCustomModel answers; ListCustomModels lists them. */
  customModels?: Json[];
  importedModels?: Json[];
  vpcEndpoints?: Json[];
  /** DescribeTrails entries, plus `IsLogging`, `EventSelectors` and `AdvancedEventSelectors`. */
  trails?: Json[];
  logGroups?: Json[];
  metricAlarms?: Json[];
}

/** An account: its Regions, its IAM state and the faults to inject. */
export interface Scenario {
  description: string;
  /** Another scenario this one starts from: its Regions and IAM state are used, then the fields here override. */
  extends?: string;
  regions: Record<string, RegionScenario>;
  iam?: { bedrockFullAccess?: { users?: Json[]; groups?: Json[]; roles?: Json[] }; bedrockApiKeys?: Json[] };
  faults?: Fault[];
  /** Lists answer in pages of this size (0 or absent: everything in one page). */
  pageSize?: number;
}

/** A request the fake received. */
export interface RecordedCall {
  /** `service:Operation` (the service is the SigV4 signing name). */
  operation: string;
  region: string;
  /** The SigV4 signature was present and correct. */
  signed: boolean;
}

/** Loads `test/posture/scenarios/<name>.json`, merged over the scenario it extends. */
export function loadScenario(name: string): Scenario {
  const root = join(__dirname, '..', '..', '..', 'test', 'posture', 'scenarios');
  const own = JSON.parse(readFileSync(join(root, `${name}.json`), 'utf8')) as Partial<Scenario>;
  const base: Partial<Scenario> = own.extends ? loadScenario(own.extends) : {};
  return { ...base, ...own, regions: own.regions ?? base.regions ?? {}, iam: own.iam ?? base.iam } as Scenario;
}

// ---- SigV4 verification (AWS General Reference, "Create a signed AWS API request") ----

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** RFC 3986 encoding: everything but unreserved characters. */
function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

interface Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string | undefined): Authorization | undefined {
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return undefined;
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] };
}

/** Whether the request carries a valid SigV4 signature made with the test credentials. */
function verifySignature(req: IncomingMessage, body: Buffer, auth: Authorization | undefined): boolean {
  if (!auth || auth.accessKeyId !== TEST_CREDENTIALS.accessKeyId) return false;
  const amzDate = req.headers['x-amz-date'];
  if (typeof amzDate !== 'string' || !amzDate.startsWith(auth.date) || !auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('x-amz-date')) return false;
  const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?');
  // Services other than S3 sign the URI-encoded path encoded once more.
  const canonicalUri = rawPath.split('/').map((seg) => rfc3986(seg)).join('/') || '/';
  const pairs = [...new URLSearchParams(rawQuery)].map(([k, v]) => [rfc3986(k), rfc3986(v)]);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const canonicalQuery = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const headers = auth.signedHeaders.map((h) => `${h}:${String(req.headers[h] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = typeof req.headers['x-amz-content-sha256'] === 'string' ? req.headers['x-amz-content-sha256'] : sha256(body);
  const canonical = [req.method, canonicalUri, canonicalQuery, headers, auth.signedHeaders.join(';'), payload].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${TEST_CREDENTIALS.secretAccessKey}`, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex') === auth.signature;
}

// ---- wire formats ----

type Protocol = 'restJson1' | 'awsJson1_1' | 'awsJson1_0' | 'ec2Query' | 'awsQuery';

const PROTOCOLS: Record<string, Protocol> = { bedrock: 'restJson1', cloudtrail: 'awsJson1_1', logs: 'awsJson1_1', monitoring: 'awsJson1_0', ec2: 'ec2Query', iam: 'awsQuery' };

/** The IAM service prefix of a signing name (CloudWatch signs as `monitoring`). */
const PREFIXES: Record<string, string> = { monitoring: 'cloudwatch' };

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** awsQuery XML: structures as nested elements, lists as `<member>` items. */
function queryXml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<member>${queryXml(v)}</member>`).join('');
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `<${k}>${queryXml(v)}</${k}>`).join('');
  return xmlEscape(String(value));
}

/** ec2Query XML of a VPC endpoint: lower-camel-case element names, lists as `<…Set><item>`. */
function ec2Xml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<item>${ec2Xml(v)}</item>`).join('');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => {
        const name = k.charAt(0).toLowerCase() + k.slice(1);
        const tag = Array.isArray(v) ? `${name.replace(/s$/, '')}Set` : name;
        return `<${tag}>${ec2Xml(v)}</${tag}>`;
      })
      .join('');
  }
  return xmlEscape(String(value));
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

let requestCounter = 0;

function errorAnswer(protocol: Protocol, prefix: string, kind: Exclude<Fault['kind'], 'malformed' | 'wrong-shape' | 'slow' | 'reset'>, requestId: string): Answer {
  const names: Record<typeof kind, Record<Protocol, [string, number]>> = {
    'access-denied': { restJson1: ['AccessDeniedException', 403], awsJson1_1: ['AccessDeniedException', 400], awsJson1_0: ['AccessDenied', 403], ec2Query: ['UnauthorizedOperation', 403], awsQuery: ['AccessDenied', 403] },
    throttle: { restJson1: ['ThrottlingException', 429], awsJson1_1: ['ThrottlingException', 400], awsJson1_0: ['Throttling', 400], ec2Query: ['RequestLimitExceeded', 503], awsQuery: ['Throttling', 400] },
    'expired-token': { restJson1: ['ExpiredTokenException', 403], awsJson1_1: ['ExpiredTokenException', 400], awsJson1_0: ['ExpiredToken', 403], ec2Query: ['ExpiredToken', 400], awsQuery: ['ExpiredToken', 403] },
    'unrecognized-client': { restJson1: ['UnrecognizedClientException', 403], awsJson1_1: ['UnrecognizedClientException', 400], awsJson1_0: ['InvalidClientTokenId', 403], ec2Query: ['AuthFailure', 401], awsQuery: ['InvalidClientTokenId', 403] },
  };
  const [code, status] = names[kind][protocol];
  const message = kind === 'access-denied' ? `User: arn:aws:iam::${TEST_CREDENTIALS.accountId}:user/posture is not authorized to perform this action` : `${code} (test fault)`;
  switch (protocol) {
    case 'restJson1':
      return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId }, body: JSON.stringify({ message }) };
    case 'awsJson1_1':
      return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId }, body: JSON.stringify({ __type: code, message }) };
    case 'awsJson1_0':
      return {
        status,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId, 'x-amzn-query-error': `${code};Sender` },
        body: JSON.stringify({ __type: `com.amazonaws.${prefix}#${code}`, message }),
      };
    case 'ec2Query':
      return { status, headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>` };
    case 'awsQuery':
      return {
        status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body: `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
  }
}

/** Well-formed JSON whose lists are strings (for every list field the JSON operations answer with). */
const WRONG_SHAPE = JSON.stringify(Object.fromEntries(['trailList', 'guardrails', 'guardrailsConfig', 'modelSummaries', 'logGroups', 'MetricAlarms'].map((k) => [k, 'not a list'])));

function malformedAnswer(protocol: Protocol, requestId: string): Answer {
  const json = protocol === 'restJson1' ? 'application/json' : protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
  if (protocol === 'ec2Query' || protocol === 'awsQuery') return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: '<DescribeVpcEndpointsResponse><vpcEndpointSet><item>' };
  return { status: 200, headers: { 'content-type': json, 'x-amzn-requestid': requestId }, body: '{"guardrails": [{"id": "gr1", ' };
}

function notFound(protocol: Protocol, prefix: string, what: string, requestId: string): Answer {
  const code = protocol === 'ec2Query' ? 'InvalidAction' : protocol === 'awsQuery' ? 'NoSuchEntity' : 'ResourceNotFoundException';
  if (protocol === 'ec2Query') return { status: 400, headers: { 'content-type': 'text/xml' }, body: `<Response><Errors><Error><Code>${code}</Code><Message>${xmlEscape(what)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>` };
  if (protocol === 'awsQuery') return { status: 404, headers: { 'content-type': 'text/xml' }, body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlEscape(what)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>` };
  if (protocol === 'restJson1') return { status: 404, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code }, body: JSON.stringify({ message: what }) };
  return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-query-error': `${code};Sender` }, body: JSON.stringify({ __type: `com.amazonaws.${prefix}#${code}`, message: what }) };
}

/** A page of `items` after `token` (a stringified offset). */
function page<T>(items: T[], token: unknown, size: number | undefined): { items: T[]; next?: string } {
  const start = typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : 0;
  if (!size) return { items: items.slice(start) };
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
}

/** The fake server. */
export class FakeAws {
  readonly calls: RecordedCall[] = [];
  private server?: Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly faultUses = new Map<Fault, number>();
  private readonly listeners: ((call: RecordedCall) => void)[] = [];

  constructor(private scenario: Scenario) {}

  /** Starts listening on 127.0.0.1 on a free port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** The URL to pass as `endpoint`. */
  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Replaces the scenario (and forgets fault counts). */
  use(scenario: Scenario): void {
    this.scenario = scenario;
    this.faultUses.clear();
  }

  /** Calls `listener` for every request as it arrives. */
  onCall(listener: (call: RecordedCall) => void): void {
    this.listeners.push(listener);
  }

  /** The recorded operations, sorted and without repeats. */
  operations(): string[] {
    return [...new Set(this.calls.map((c) => c.operation))].sort();
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const auth = parseAuthorization(req.headers.authorization);
      const signed = verifySignature(req, body, auth);
      const signingName = auth?.service ?? 'unknown';
      const protocol = PROTOCOLS[signingName] ?? 'restJson1';
      const prefix = PREFIXES[signingName] ?? signingName;
      const region = auth?.region ?? 'unknown';
      const requestId = `req-${++requestCounter}`;
      const { operation, input } = this.identify(req, body, protocol);
      const call: RecordedCall = { operation: `${prefix}:${operation}`, region, signed };
      this.calls.push(call);
      for (const l of this.listeners) l(call);
      if (!signed) {
        const a = errorAnswer(protocol, prefix, 'unrecognized-client', requestId);
        return this.send(res, { ...a, status: 403 });
      }
      const fault = this.fault(call.operation, region);
      if (fault?.kind === 'reset') return void req.socket.destroy();
      if (fault?.kind === 'slow') {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.send(res, this.answer(prefix, operation, input, region, protocol, requestId));
        }, fault.delayMs ?? 60_000);
        this.timers.add(timer);
        return;
      }
      if (fault?.kind === 'malformed') return this.send(res, malformedAnswer(protocol, requestId));
      if (fault?.kind === 'wrong-shape') return this.send(res, { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: WRONG_SHAPE });
      if (fault) return this.send(res, errorAnswer(protocol, prefix, fault.kind, requestId));
      this.send(res, this.answer(prefix, operation, input, region, protocol, requestId));
    });
  }

  private send(res: ServerResponse, a: Answer): void {
    if (res.destroyed) return;
    res.writeHead(a.status, { ...a.headers, 'content-length': Buffer.byteLength(a.body) });
    res.end(a.body);
  }

  private fault(operation: string, region: string): Fault | undefined {
    for (const f of this.scenario.faults ?? []) {
      if (f.operation !== operation || (f.region && f.region !== region)) continue;
      const used = this.faultUses.get(f) ?? 0;
      if (f.times !== undefined && used >= f.times) continue;
      this.faultUses.set(f, used + 1);
      return f;
    }
    return undefined;
  }

  /** The operation and its input, by protocol. */
  private identify(req: IncomingMessage, body: Buffer, protocol: Protocol): { operation: string; input: Record<string, unknown> } {
    const text = body.toString('utf8');
    if (protocol === 'ec2Query' || protocol === 'awsQuery') {
      const form = Object.fromEntries(new URLSearchParams(text));
      return { operation: form.Action ?? 'UnknownAction', input: form };
    }
    if (protocol === 'awsJson1_1' || protocol === 'awsJson1_0') {
      const target = String(req.headers['x-amz-target'] ?? '');
      let input: Record<string, unknown> = {};
      try {
        input = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        input = {};
      }
      return { operation: target.slice(target.indexOf('.') + 1) || 'UnknownTarget', input };
    }
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    // Route on the raw segments: an identifier may be an ARN with an encoded '/' (%2F).
    const path = url.pathname.split('/').map(decodeURIComponent);
    const shape = url.pathname.split('/').map((seg, i) => (i >= 2 ? '{id}' : seg)).join('/');
    const routes: Record<string, string> = {
      'GET /guardrails': 'ListGuardrails',
      'GET /guardrails/{id}': 'GetGuardrail',
      'GET /enforcedGuardrailsConfiguration': 'ListEnforcedGuardrailsConfiguration',
      'GET /logging/{id}': url.pathname === '/logging/modelinvocations' ? 'GetModelInvocationLoggingConfiguration' : '',
      'GET /custom-models': 'ListCustomModels',
      'GET /custom-models/{id}': 'GetCustomModel',
      'GET /imported-models': 'ListImportedModels',
      'GET /imported-models/{id}': 'GetImportedModel',
    };
    const route = routes[`${req.method} ${shape}`];
    return { operation: route || `${req.method} ${url.pathname}`, input: { ...query, $id: path[2] } };
  }

  private answer(prefix: string, operation: string, input: Record<string, unknown>, region: string, protocol: Protocol, requestId: string): Answer {
    const r: RegionScenario = this.scenario.regions[region] ?? {};
    const size = this.scenario.pageSize;
    const json = (body: unknown): Answer => ({
      status: 200,
      headers: { 'content-type': protocol === 'restJson1' ? 'application/json' : protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
      body: JSON.stringify(body),
    });
    const missing = (what: string) => notFound(protocol, prefix, what, requestId);
    const op = `${prefix}:${operation}`;
    switch (op) {
      case 'bedrock:ListGuardrails': {
        const p = page(r.guardrails ?? [], input.nextToken, size);
        const guardrails = p.items.map((g) => ({ id: g.guardrailId, arn: g.guardrailArn, name: g.name, status: g.status, version: g.version, createdAt: g.createdAt, updatedAt: g.updatedAt }));
        return json({ guardrails, ...(p.next ? { nextToken: p.next } : {}) });
      }
      case 'bedrock:GetGuardrail': {
        const g = (r.guardrails ?? []).find((x) => x.guardrailId === input.$id || x.guardrailArn === input.$id);
        return g ? json(g) : missing(`guardrail ${String(input.$id)}`);
      }
      case 'bedrock:ListEnforcedGuardrailsConfiguration':
        return json({ guardrailsConfig: r.enforcedGuardrails ?? [] });
      case 'bedrock:GetModelInvocationLoggingConfiguration':
        return json(r.invocationLogging ? { loggingConfig: r.invocationLogging } : {});
      case 'bedrock:ListCustomModels':
      case 'bedrock:ListImportedModels': {
        const models = (op === 'bedrock:ListCustomModels' ? r.customModels : r.importedModels) ?? [];
        const p = page(models, input.nextToken, size);
        return json({ modelSummaries: p.items.map((m) => ({ modelArn: m.modelArn, modelName: m.modelName, creationTime: m.creationTime })), ...(p.next ? { nextToken: p.next } : {}) });
      }
      case 'bedrock:GetCustomModel':
      case 'bedrock:GetImportedModel': {
        const models = (op === 'bedrock:GetCustomModel' ? r.customModels : r.importedModels) ?? [];
        const m = models.find((x) => x.modelArn === input.$id || x.modelName === input.$id);
        return m ? json(m) : missing(`model ${String(input.$id)}`);
      }
      case 'cloudtrail:DescribeTrails':
        return json({ trailList: (r.trails ?? []).map(({ IsLogging: _l, EventSelectors: _e, AdvancedEventSelectors: _a, ...trail }) => trail) });
      case 'cloudtrail:GetTrailStatus':
      case 'cloudtrail:GetEventSelectors': {
        const name = input.Name ?? input.TrailName;
        const t = (r.trails ?? []).find((x) => x.TrailARN === name || x.Name === name);
        if (!t) return { ...missing(`trail ${String(name)}`), body: JSON.stringify({ __type: 'TrailNotFoundException', message: 'not found' }) };
        if (op === 'cloudtrail:GetTrailStatus') return json({ IsLogging: t.IsLogging === true });
        return json({ TrailARN: t.TrailARN, ...(t.EventSelectors ? { EventSelectors: t.EventSelectors } : {}), ...(t.AdvancedEventSelectors ? { AdvancedEventSelectors: t.AdvancedEventSelectors } : {}) });
      }
      case 'logs:DescribeLogGroups': {
        const prefixFilter = typeof input.logGroupNamePrefix === 'string' ? input.logGroupNamePrefix : '';
        const p = page((r.logGroups ?? []).filter((g) => String(g.logGroupName).startsWith(prefixFilter)), input.nextToken, size);
        return json({ logGroups: p.items, ...(p.next ? { nextToken: p.next } : {}) });
      }
      case 'cloudwatch:DescribeAlarms': {
        const p = page(r.metricAlarms ?? [], input.NextToken, size);
        return json({ MetricAlarms: p.items, CompositeAlarms: [], ...(p.next ? { NextToken: p.next } : {}) });
      }
      case 'ec2:DescribeVpcEndpoints': {
        // Filter.1.Name=service-name&Filter.1.Value.1=…: the filter the client sends is applied.
        const names = Object.entries(input).filter(([k]) => /^Filter\.1\.Value\.\d+$/.test(k)).map(([, v]) => v);
        const filtered = input['Filter.1.Name'] === 'service-name' ? (r.vpcEndpoints ?? []).filter((e) => names.includes(String(e.ServiceName))) : (r.vpcEndpoints ?? []);
        const p = page(filtered, input.NextToken, size);
        const next = p.next ? `<nextToken>${p.next}</nextToken>` : '';
        return {
          status: 200,
          headers: { 'content-type': 'text/xml' },
          body: `<?xml version="1.0" encoding="UTF-8"?><DescribeVpcEndpointsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${requestId}</requestId><vpcEndpointSet>${ec2Xml(p.items)}</vpcEndpointSet>${next}</DescribeVpcEndpointsResponse>`,
        };
      }
      case 'iam:ListEntitiesForPolicy': {
        if (input.PolicyArn !== 'arn:aws:iam::aws:policy/AmazonBedrockFullAccess') return missing(`policy ${String(input.PolicyArn)}`);
        const e = this.scenario.iam?.bedrockFullAccess ?? {};
        return this.queryAnswer('ListEntitiesForPolicy', { PolicyGroups: e.groups ?? [], PolicyUsers: e.users ?? [], PolicyRoles: e.roles ?? [], IsTruncated: false }, requestId);
      }
      case 'iam:ListServiceSpecificCredentials': {
        const all = (this.scenario.iam?.bedrockApiKeys ?? []).filter((k) => !input.ServiceName || k.ServiceName === input.ServiceName);
        const keys = input.AllUsers === 'true' ? all : [];
        const p = page(keys, input.Marker, size);
        return this.queryAnswer('ListServiceSpecificCredentials', { ServiceSpecificCredentials: p.items, IsTruncated: p.next !== undefined, ...(p.next ? { Marker: p.next } : {}) }, requestId);
      }
      default:
        return missing(`unknown operation ${op}`);
    }
  }

  private queryAnswer(action: string, result: Record<string, unknown>, requestId: string): Answer {
    return {
      status: 200,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: `<${action}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><${action}Result>${queryXml(result)}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
    };
  }
}
