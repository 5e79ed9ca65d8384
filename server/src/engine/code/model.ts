// The code model the sdk/* and cdk/* rules read: calls of the Bedrock runtime API with their
// resolved inputs, SDK client constructions with their configuration, Bedrock agent constructs,
// secrets written in the code, and the model ids the file names. Built by analyze.ts from one
// parse; rules never see syntax trees or raw text.
import type { Policy } from '../policy/model';
import type { Span } from '../types';
import type { ObjectValue, Value } from './values';

/** The runtime package whose commands the model tracks. */
export const RUNTIME_PACKAGE = '@aws-sdk/client-bedrock-runtime';

/** The aggregated runtime client class (`new BedrockRuntime({}).converse({...})`). */
export const AGGREGATED_CLIENT = 'BedrockRuntime';

/** One call of a Bedrock runtime operation. */
export interface RuntimeCall {
  /** Position in `CodeModel.calls` (what findings refer to). */
  index: number;
  /** The command class, e.g. `ConverseCommand`, also for aggregated-client method calls. */
  command: string;
  /** `new ConverseCommand(input)`, or `client.converse(input)` on an aggregated client. */
  style: 'command' | 'method';
  /** The command class name or the method name as written (where findings go). */
  span: Span;
  /** The input argument; undefined when the call passes none. */
  input?: Value;
}

/** `new <Client>(config)` of an AWS SDK v3 client. */
export interface ClientConstruction {
  index: number;
  /** The package, e.g. `@aws-sdk/client-bedrock-runtime`. */
  module: string;
  /** The class, e.g. `BedrockRuntimeClient`. */
  className: string;
  /** The class name as written. */
  span: Span;
  config?: Value;
}

/** A Bedrock agent construct of the AWS CDK. */
export interface AgentConstruct {
  index: number;
  /** `CfnAgent` (L1, `guardrailConfiguration`) or `Agent` (L2, `guardrail` / `addGuardrail()`). */
  construct: 'CfnAgent' | 'Agent';
  /** The construct's class name as written. */
  span: Span;
  /** The props argument (third argument). */
  props?: Value;
  /** True when `addGuardrail(...)` is called on the construct's variable. */
  guardrailAdded: boolean;
}

/** Code that puts a value into `AWS_BEARER_TOKEN_BEDROCK`. */
export interface BearerTokenAssignment {
  /** The assignment, or the property of an environment object. */
  span: Span;
  value: Value;
  /** `process.env.X = …`, or a `{ AWS_BEARER_TOKEN_BEDROCK: … }` property (a child process's env). */
  style: 'assignment' | 'property';
}

/** A property named like a credential (`accessKeyId`, `secretAccessKey`, `sessionToken`). */
export interface CredentialProperty {
  name: string;
  /** The property as written. */
  span: Span;
  keySpan: Span;
  value: Value;
}

/** A string literal holding an access key id or a Bedrock API key. */
export interface SecretString {
  kind: 'access-key-id' | 'bedrock-api-key';
  span: Span;
  /** The secret's text (the matched part for access key ids). */
  text: string;
}

/** A model id or inference profile id written in the file. */
export interface ModelIdMention {
  id: string;
  span: Span;
}

/** Everything the code rules read about one file. */
export interface CodeModel {
  path?: string;
  calls: RuntimeCall[];
  clients: ClientConstruction[];
  agents: AgentConstruct[];
  bearerTokens: BearerTokenAssignment[];
  credentials: CredentialProperty[];
  secrets: SecretString[];
  modelIds: ModelIdMention[];
  /** The quote character most string literals use (fixes write strings with it). */
  quote: "'" | '"';
}

/** The result of analysing a code file: its code model and the IAM policies written in it. */
export interface CodeAnalysis {
  model: CodeModel;
  policies: Policy[];
}

/** The object a call's input is, when it is one whose properties are all known. */
export function closedInput(call: RuntimeCall): ObjectValue | undefined {
  return call.input?.kind === 'object' && !call.input.open ? call.input : undefined;
}
