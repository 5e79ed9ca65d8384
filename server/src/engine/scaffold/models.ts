// What a model identifier typed into a wizard (or returned by ListFoundationModels /
// ListInferenceProfiles) names, and the resources an identity needs to invoke it. Used by the
// policy builders; no editor, no I/O.
//
// Identifier shapes (Amazon Bedrock API reference, InvokeModel `modelId`):
// - a foundation model id, `provider.model` (`anthropic.claude-3-haiku-20240307-v1:0`);
// - a system-defined cross-Region inference profile id, a geography or `global` prefix before
//   the model id (`us.anthropic.claude-sonnet-4-5-20250929-v1:0`);
// - an ARN of a foundation model, an inference profile, an application inference profile, a
//   provisioned model, a custom model deployment, an imported model or a prompt router.
import { parseArn } from '../iam/arn';
import { foundationModelArn, GEOGRAPHIES, GLOBAL_PREFIX, type Geography } from '../bedrock/inference-profiles';

/** What a model identifier names. */
export type ModelRef =
  | { kind: 'foundation-model'; modelId: string }
  | { kind: 'inference-profile'; profileId: string; modelId: string; geography?: Geography; global: boolean }
  | { kind: 'arn'; arn: string; resourceType: string };

/** Foundation model ids: a provider, a dot, then the model name and version (`:0`, `:1:200k`). */
const MODEL_ID = /^[a-z0-9-]+\.[a-z0-9][a-z0-9._:-]*$/i;

/** Resource types of bedrock:InvokeModel that an ARN identifier may name (IAM data, bedrock InvokeModel). */
export const INVOKABLE_ARN_TYPES = ['foundation-model', 'inference-profile', 'application-inference-profile', 'provisioned-model', 'custom-model-deployment', 'imported-model', 'prompt-router'] as const;

/** Why `id` is not a usable model identifier, or undefined when it is one. */
export function modelIdProblem(id: string): string | undefined {
  const value = id.trim();
  if (value === '') return 'Enter a model id, an inference profile id or a model ARN.';
  if (/[*?]/.test(value)) return 'Wildcards are not least privilege: name each model.';
  if (value.startsWith('arn:')) {
    const p = parseArn(value);
    if (!p || p.service !== 'bedrock') return `${value} is not an Amazon Bedrock ARN.`;
    const type = p.resource.split('/')[0];
    if (!(INVOKABLE_ARN_TYPES as readonly string[]).includes(type)) return `${type} ARNs cannot be invoked; use one of: ${INVOKABLE_ARN_TYPES.join(', ')}.`;
    if (type !== 'foundation-model' && p.region === '') return `${value} has no Region.`;
    if (type !== 'foundation-model' && !/^\d{12}$/.test(p.account)) return `${value} has no 12-digit account id.`;
    if (p.resource.length <= type.length + 1) return `${value} names no ${type}.`;
    return undefined;
  }
  if (!MODEL_ID.test(value)) return `"${value}" is not a model id such as anthropic.claude-3-haiku-20240307-v1:0 or us.amazon.nova-pro-v1:0.`;
  return undefined;
}

/** Reads a model identifier (checked with `modelIdProblem`). */
export function modelRef(id: string): ModelRef {
  const value = id.trim();
  if (value.startsWith('arn:')) {
    const p = parseArn(value)!;
    const type = p.resource.split('/')[0];
    const rest = p.resource.slice(type.length + 1);
    if (type === 'foundation-model') return { kind: 'foundation-model', modelId: rest };
    if (type === 'inference-profile') {
      const profile = profileRef(rest);
      if (profile) return profile;
    }
    return { kind: 'arn', arn: value, resourceType: type };
  }
  return profileRef(value) ?? { kind: 'foundation-model', modelId: value };
}

/** A system-defined inference profile id of a known geography (or `global.`), else undefined. */
function profileRef(id: string): ModelRef | undefined {
  const dot = id.indexOf('.');
  if (dot <= 0) return undefined;
  const prefix = id.slice(0, dot);
  const modelId = id.slice(dot + 1);
  // The model id after the prefix has its own provider dot (`us.amazon.nova-pro-v1:0`).
  if (!modelId.includes('.')) return undefined;
  if (prefix === GLOBAL_PREFIX) return { kind: 'inference-profile', profileId: id, modelId, global: true };
  const geography = GEOGRAPHIES.get(prefix);
  return geography ? { kind: 'inference-profile', profileId: id, modelId, geography, global: false } : undefined;
}

/** The Regions a geographic profile may be called from and route to (required and model-specific ones). */
export function geographyRegions(g: Geography): string[] {
  return [...g.regions, ...g.alsoRegions];
}

/** The resources that invoking a set of models from a set of source Regions needs. */
export interface InvokeResources {
  /** Foundation-model ARNs in the source Regions and other invocable ARNs, granted directly. */
  direct: string[];
  /** Inference-profile ARNs in the source Regions. */
  profiles: string[];
  /**
   * Foundation-model ARNs that requests routed by the profiles need (source and destination
   * Regions, and the Region-less ARN for global profiles): granted only with a condition on
   * bedrock:InferenceProfileArn, so that they cannot be invoked directly.
   */
  routed: string[];
  /** Model/Region combinations that were left out, with the reason (for the wizard to show). */
  skipped: string[];
}

/**
 * The resources for invoking `models` from `regions` in `account`. Geographic profiles get the
 * foundation model in the source Region and in every Region of the geography (required and
 * model-specific ones: the grant is conditioned on the profile, so a Region a profile never uses
 * costs nothing); global profiles get the source Region and the Region-less ARN
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html). A
 * geographic profile is skipped in source Regions outside its geography, where it does not exist.
 */
export function invokeResources(models: readonly string[], regions: readonly string[], account: string, partition = 'aws'): InvokeResources {
  const direct = new Set<string>();
  const profiles = new Set<string>();
  const routed = new Set<string>();
  const skipped: string[] = [];
  for (const id of models) {
    const ref = modelRef(id);
    if (ref.kind === 'arn') {
      direct.add(ref.arn);
      continue;
    }
    if (ref.kind === 'foundation-model') {
      for (const r of regions) direct.add(foundationModelArn(partition, r, ref.modelId));
      continue;
    }
    const reachable = ref.geography ? geographyRegions(ref.geography) : undefined;
    for (const r of regions) {
      if (reachable && !reachable.includes(r)) {
        skipped.push(`${ref.profileId} in ${r}: ${ref.geography!.name} profiles are called from ${reachable.join(', ')}`);
        continue;
      }
      profiles.add(`arn:${partition}:bedrock:${r}:${account}:inference-profile/${ref.profileId}`);
      routed.add(foundationModelArn(partition, r, ref.modelId));
      if (ref.global) routed.add(foundationModelArn(partition, '', ref.modelId));
      else for (const d of reachable!) routed.add(foundationModelArn(partition, d, ref.modelId));
    }
  }
  return { direct: [...direct], profiles: [...profiles], routed: [...routed], skipped };
}
