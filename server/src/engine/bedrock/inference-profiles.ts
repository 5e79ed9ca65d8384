// Cross-Region (system-defined) inference profiles: which Regions a geographic profile routes
// requests to, and what an identity needs to use one.
//
// Sources (checked 2026-11-30):
// - Amazon Bedrock User Guide, "Supported Regions and models for inference profiles"
//   https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html
// - "Geographic cross-Region inference": a geographic profile needs the inference-profile ARN, the
//   foundation model in the source Region and the foundation model in every destination Region.
//   https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html
// - "Global cross-Region inference": a global profile needs the foundation model in the source
//   Region and the Region-less foundation-model ARN `arn:aws:bedrock:::foundation-model/<model>`.
//   https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html
//
// Routing differs per model and per source Region: AWS's own example is
// us.anthropic.claude-3-haiku-20240307-v1:0, which from us-east-2 routes to us-east-1, us-east-2
// and us-west-2 but from us-west-2 only to us-east-1 and us-west-2. The exact list for one profile
// is in the `models` of GetInferenceProfile. This table is deliberately conservative: `regions` are
// the Regions the geography's profiles route to from their usual source Regions (the rule asks for
// these); `alsoRegions` are Regions that only some (mostly newer) models of the geography use (the
// rule only mentions them).
import { parseArn } from '../iam/arn';

/** Routing of one geography's cross-Region inference profiles. */
export interface Geography {
  /** The profile id prefix, e.g. `us` in `us.anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  prefix: string;
  /** A name for messages ("US", "EU", …). */
  name: string;
  /** Destination Regions the geography's profiles route to (the rule requires these). */
  regions: readonly string[];
  /** Destination Regions that only some models' profiles of this geography use. */
  alsoRegions: readonly string[];
}

/** Geographic profiles by prefix. `global` is handled separately (all commercial Regions). */
export const GEOGRAPHIES: ReadonlyMap<string, Geography> = new Map(
  (
    [
      { prefix: 'us', name: 'US', regions: ['us-east-1', 'us-east-2', 'us-west-2'], alsoRegions: ['us-west-1'] },
      { prefix: 'us-gov', name: 'AWS GovCloud (US)', regions: ['us-gov-east-1', 'us-gov-west-1'], alsoRegions: [] },
      { prefix: 'eu', name: 'EU', regions: ['eu-central-1', 'eu-west-1', 'eu-west-3'], alsoRegions: ['eu-north-1', 'eu-south-1', 'eu-south-2'] },
      {
        prefix: 'apac',
        name: 'APAC',
        regions: ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2'],
        alsoRegions: ['ap-northeast-3', 'ap-south-2', 'ap-southeast-4'],
      },
      { prefix: 'jp', name: 'Japan', regions: ['ap-northeast-1', 'ap-northeast-3'], alsoRegions: [] },
      { prefix: 'au', name: 'Australia', regions: ['ap-southeast-2', 'ap-southeast-4'], alsoRegions: [] },
    ] satisfies Geography[]
  ).map((g) => [g.prefix, g]),
);

/** The prefix of global profiles, which route to any commercial Region. */
export const GLOBAL_PREFIX = 'global';

/** A system-defined inference profile named by a policy resource. */
export interface InferenceProfileRef {
  /** The partition of the ARN, `aws` when it is a wildcard or a variable. */
  partition: string;
  /** The Region of the ARN (the source Region); undefined when it is a wildcard or a variable. */
  sourceRegion?: string;
  /** The profile id, e.g. `us.anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  profileId: string;
  /** The model id after the prefix, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  modelId: string;
  /** The geography, or undefined for a global profile. */
  geography?: Geography;
  global: boolean;
}

const CONCRETE = /^[a-z0-9-]+$/;

/**
 * Reads a resource entry that names a system-defined inference profile of a known geography
 * (`arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.…`). Undefined for other
 * resources, application inference profiles, unknown prefixes and prefixes with wildcards.
 */
export function inferenceProfileRef(arn: string): InferenceProfileRef | undefined {
  const p = parseArn(arn);
  if (!p || p.service !== 'bedrock' || !p.resource.startsWith('inference-profile/')) return undefined;
  const profileId = p.resource.slice('inference-profile/'.length);
  const dot = profileId.indexOf('.');
  if (dot <= 0) return undefined;
  const prefix = profileId.slice(0, dot);
  const modelId = profileId.slice(dot + 1);
  if (!CONCRETE.test(prefix) || modelId === '' || modelId === '*') return undefined;
  const global = prefix === GLOBAL_PREFIX;
  const geography = GEOGRAPHIES.get(prefix);
  if (!global && !geography) return undefined;
  return {
    partition: CONCRETE.test(p.partition) ? p.partition : 'aws',
    sourceRegion: CONCRETE.test(p.region) ? p.region : undefined,
    profileId,
    modelId,
    geography,
    global,
  };
}

/**
 * The Regions in which the foundation model must be allowed for the profile to work: the source
 * Region and the geography's destinations, or for a global profile the source Region and `''`
 * (the Region-less foundation-model ARN).
 */
export function requiredModelRegions(ref: InferenceProfileRef): string[] {
  const out = new Set<string>();
  if (ref.sourceRegion) out.add(ref.sourceRegion);
  if (ref.global) out.add('');
  else for (const r of ref.geography?.regions ?? []) out.add(r);
  return [...out];
}

/** The foundation-model ARN of a model in a Region (`''` gives the Region-less ARN). */
export function foundationModelArn(partition: string, region: string, modelId: string): string {
  return `arn:${partition}:bedrock:${region}::foundation-model/${modelId}`;
}
