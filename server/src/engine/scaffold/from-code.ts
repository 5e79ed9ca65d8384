// "Generate policy from code": the Bedrock runtime calls of the workspace's code (the code model of
// server/src/engine/code) become the least-privilege policy that allows exactly the operations and
// models the code uses, and requires the guardrail when every model call passes one. Calls are
// reduced to plain JSON records first (`codeCalls`), so that the language server can collect
// them and the client can build the policy after asking for the Regions and the account.
//
// Operations and the IAM actions that authorize them (service authorization reference for Amazon
// Bedrock; Converse and ConverseStream have no IAM action of their own):
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html
import { GUARDRAIL_KEY, splitGuardrailIdentifier } from '../bedrock/guardrails';
import type { CodeModel, RuntimeCall } from '../code/model';
import { callGuardrail, operationName } from '../code/runtime-calls';
import { propValue, stringOf, type ObjectValue, type Value } from '../code/values';
import type { LineIndex } from '../text';
import { INVOKE_ACTIONS, modelStatements } from './least-privilege';
import { modelIdProblem, modelRef } from './models';
import { oneOrMany, statement, type ConditionBlock, type PolicyDocument, type PolicyStatement } from './policy-document';

/** The IAM action of each runtime command the generator covers. */
export const COMMAND_ACTIONS: Readonly<Record<string, string>> = {
  ConverseCommand: 'bedrock:InvokeModel',
  InvokeModelCommand: 'bedrock:InvokeModel',
  ConverseStreamCommand: 'bedrock:InvokeModelWithResponseStream',
  InvokeModelWithResponseStreamCommand: 'bedrock:InvokeModelWithResponseStream',
  CountTokensCommand: 'bedrock:CountTokens',
  ApplyGuardrailCommand: 'bedrock:ApplyGuardrail',
};

/** A guardrail a call passes: its identifier (ARN or id) and version as written, when resolved. */
export interface GuardrailUse {
  identifier?: string;
  version?: string;
}

/** One Bedrock runtime call of the code, as the generator needs it (plain JSON). */
export interface CodeCall {
  /** The file, relative to its workspace folder. */
  file: string;
  /** 1-based line of the command (or method) name. */
  line: number;
  /** The command class, e.g. `ConverseCommand`. */
  command: string;
  /** The model id, when the code's value is known. */
  modelId?: string;
  /**
   * The guardrail passed: `none` when the call passes none, `unknown` when the input cannot be
   * read completely, else what is written.
   */
  guardrail: 'none' | 'unknown' | GuardrailUse;
}

/** Everything the code uses, collected over the workspace. */
export interface CodeUsage {
  calls: CodeCall[];
  /** Regions written in SDK client constructions (`region: 'us-east-1'`). */
  regions: string[];
  /** Code files that mention Bedrock (the ones analysed). */
  files: number;
}

/** The guardrail a call passes, as far as the code tells. */
function guardrailOf(call: RuntimeCall): CodeCall['guardrail'] {
  const input = call.input?.kind === 'object' ? call.input : undefined;
  let holder: ObjectValue | undefined;
  let identifier: Value | undefined;
  let config: Value | undefined;
  if (call.command === 'ApplyGuardrailCommand') {
    holder = input;
    identifier = propValue(input, 'guardrailIdentifier');
  } else {
    const g = callGuardrail(call);
    holder = g?.holder;
    identifier = g?.identifier?.value;
    config = g?.config?.value;
  }
  if (identifier) return { identifier: stringOf(identifier), version: stringOf(propValue(holder, 'guardrailVersion')) };
  // No identifier written: none, unless the input (or a guardrailConfig that is not a literal) may hold one.
  if (!input || input.open || holder?.open || (config && !holder)) return 'unknown';
  return 'none';
}

/** The calls of one analysed file. */
export function codeCalls(model: CodeModel, file: string, lines: LineIndex): CodeCall[] {
  return model.calls.map((call) => {
    const out: CodeCall = { file, line: lines.positionAt(call.span.start).line + 1, command: call.command, guardrail: guardrailOf(call) };
    const modelId = stringOf(propValue(call.input, 'modelId'));
    if (modelId) out.modelId = modelId;
    return out;
  });
}

/** The Regions written in the file's SDK client constructions. */
export function clientRegions(model: CodeModel): string[] {
  return [...new Set(model.clients.map((c) => stringOf(propValue(c.config, 'region'))).filter((r): r is string => !!r && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(r)))];
}

/** What the generator needs besides the calls. */
export interface FromCodeOptions {
  /** Source Regions of the application. */
  regions: string[];
  /** The account of inference profiles and guardrails given by id. */
  account?: string;
  partition?: string;
}

/** The generated policy and what it does not cover. */
export interface GeneratedPolicy {
  policy: PolicyDocument;
  /** Sentences for the user: calls left out, why no guardrail is required, profiles skipped. */
  notes: string[];
}

const where = (c: CodeCall) => `${c.file}:${c.line}`;

/** True when building the policy needs the account (inference profiles, or guardrails given by id). */
export function fromCodeNeedsAccount(usage: CodeUsage): boolean {
  return usage.calls.some((c) => {
    if (c.modelId && !modelIdProblem(c.modelId) && !c.modelId.startsWith('arn:') && modelRef(c.modelId).kind === 'inference-profile') return true;
    return typeof c.guardrail === 'object' && !!c.guardrail.identifier && !c.guardrail.identifier.startsWith('arn:');
  });
}

/** A guardrail identifier as the condition key holds it (ARN, or ARN:version), or undefined for a partial one. */
function guardrailTargets(g: GuardrailUse, regions: readonly string[], account: string, partition: string): { arns: string[]; values: string[]; anyVersion: boolean } | undefined {
  const id = g.identifier?.trim();
  if (!id) return undefined;
  let arns: string[];
  if (id.startsWith('arn:')) {
    const p = splitGuardrailIdentifier(id);
    if (!p) return undefined;
    arns = [`arn:${p.partition}:bedrock:${p.region}:${p.account}:guardrail/${p.id}`];
  } else if (/^[a-z0-9]+$/.test(id) && /^\d{12}$/.test(account)) arns = regions.map((r) => `arn:${partition}:bedrock:${r}:${account}:guardrail/${id}`);
  else return undefined;
  const version = g.version?.trim();
  if (version && /^[1-9]\d{0,7}$/.test(version)) return { arns, values: arns.map((a) => `${a}:${version}`), anyVersion: false };
  // DRAFT: requests carry the ARN without a version; an unknown version: any version of the guardrail.
  if (version === 'DRAFT') return { arns, values: arns, anyVersion: false };
  return { arns, values: arns.flatMap((a) => [a, `${a}:*`]), anyVersion: true };
}

/** Builds the policy for the calls. */
export function policyFromCode(usage: CodeUsage, o: FromCodeOptions): GeneratedPolicy {
  const partition = o.partition ?? 'aws';
  const account = (o.account ?? '').trim();
  const regions = [...new Set(o.regions)];
  const notes: string[] = [];
  /** Model id → the invoke actions it is used with. */
  const invoked = new Map<string, Set<string>>();
  const counted = new Set<string>();
  const applied = new Set<string>();
  const inference: CodeCall[] = [];
  for (const c of usage.calls) {
    const action = COMMAND_ACTIONS[c.command];
    const op = operationName(c.command);
    if (!action) {
      notes.push(`${where(c)}: ${op} is not covered; add its permissions by hand.`);
      continue;
    }
    if (action === 'bedrock:ApplyGuardrail') {
      const t = typeof c.guardrail === 'object' ? guardrailTargets(c.guardrail, regions, account, partition) : undefined;
      if (t) for (const a of t.arns) applied.add(a);
      else notes.push(`${where(c)}: the guardrail of ${op} is not known from the code; allow bedrock:ApplyGuardrail on it by hand.`);
      continue;
    }
    if (!c.modelId || modelIdProblem(c.modelId)) {
      notes.push(`${where(c)}: the model of ${op} is not known from the code${c.modelId ? ` ("${c.modelId}")` : ''}; it is not in the policy.`);
      continue;
    }
    if (action === 'bedrock:CountTokens') {
      counted.add(c.modelId);
      continue;
    }
    const set = invoked.get(c.modelId) ?? new Set<string>();
    set.add(action);
    invoked.set(c.modelId, set);
    inference.push(c);
  }

  // The guardrail is required only when every model call names one the code makes known.
  let requireValues: string[] | undefined;
  let anyVersion = false;
  const required = new Set<string>();
  if (inference.length > 0) {
    const without = inference.filter((c) => c.guardrail === 'none');
    const unknown = inference.filter((c) => c.guardrail === 'unknown' || (typeof c.guardrail === 'object' && !guardrailTargets(c.guardrail, regions, account, partition)));
    if (without.length > 0) notes.push(`No guardrail is required: ${without.map(where).join(', ')} ${without.length === 1 ? 'calls' : 'call'} a model without one.`);
    else if (unknown.length > 0) notes.push(`No guardrail is required: the guardrail of ${unknown.map(where).join(', ')} is not known from the code.`);
    else {
      const values = new Set<string>();
      for (const c of inference) {
        const t = guardrailTargets(c.guardrail as GuardrailUse, regions, account, partition)!;
        t.values.forEach((v) => values.add(v));
        t.arns.forEach((a) => required.add(a));
        anyVersion ||= t.anyVersion;
      }
      requireValues = [...values];
    }
  }
  const allowCondition: ConditionBlock | undefined = requireValues && { [anyVersion ? 'StringLike' : 'StringEquals']: { [GUARDRAIL_KEY]: oneOrMany(requireValues) } };

  const statements: PolicyStatement[] = [];
  const groups: [string, string[]][] = [
    ['InvokeModels', ['bedrock:InvokeModel']],
    ['StreamModels', ['bedrock:InvokeModelWithResponseStream']],
    ['InvokeAndStreamModels', [...INVOKE_ACTIONS]],
  ];
  for (const [sid, actions] of groups) {
    const models = [...invoked].filter(([, set]) => set.size === actions.length && actions.every((a) => set.has(a))).map(([m]) => m);
    if (models.length === 0) continue;
    const built = modelStatements(models, actions, regions, account, partition, sid, allowCondition);
    statements.push(...built.statements);
    notes.push(...built.skipped.map((s) => `Left out ${s}.`));
  }
  if (counted.size > 0) {
    const arns = [...counted].flatMap((m) => {
      const ref = modelRef(m);
      return ref.kind === 'foundation-model' ? regions.map((r) => `arn:${partition}:bedrock:${r}::foundation-model/${ref.modelId}`) : ref.kind === 'arn' ? [ref.arn] : [];
    });
    if (arns.length > 0) statements.push(statement({ Sid: 'CountTokens', Effect: 'Allow', Action: 'bedrock:CountTokens', Resource: oneOrMany(arns) }));
  }
  if (requireValues) {
    statements.push(statement({ Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: [...INVOKE_ACTIONS], Resource: '*', Condition: { [anyVersion ? 'StringNotLike' : 'StringNotEquals']: { [GUARDRAIL_KEY]: oneOrMany(requireValues) } } }));
  }
  const applyArns = [...new Set([...required, ...applied])];
  if (applyArns.length > 0) statements.push(statement({ Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: oneOrMany(applyArns) }));
  return { policy: { Version: '2012-10-17', Statement: statements }, notes };
}
