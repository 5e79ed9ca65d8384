// The Regions offered by the Region picker of the Account Posture view: every public Region of
// the engine's list (server/src/engine/iam/regions.ts, from the AWS SDK's partitions data), the
// commercial partition first. The list does not say where Amazon Bedrock is offered; the posture
// engine reports a Region without Bedrock as not applicable.
import { REGIONS, region as regionInfo } from '../../../server/src/engine/iam/regions';

/** Region code → display name, for every public Region (commercial first). */
export const AWS_REGIONS: Readonly<Record<string, string>> = Object.fromEntries(REGIONS.map((r) => [r.code, r.name]));

/** A Region code as AWS writes them (`us-east-1`, `us-gov-west-1`, `eusc-de-east-1`). */
export const REGION_PATTERN = /^[a-z]{2,}(-[a-z]+)+-\d+$/;

/** The display name of a Region, or undefined for one not in the list. */
export function regionName(code: string): string | undefined {
  return regionInfo(code)?.name;
}

/**
 * The items of the Region picker: any `selected` Region that is not in the list first (so that
 * a Region set by hand is not dropped by the picker), then the known Regions in list order.
 */
export function regionChoices(selected: readonly string[]): { region: string; name?: string; partition?: string; picked: boolean }[] {
  const chosen = new Set(selected);
  const extra = selected.filter((r) => !regionInfo(r)).map((r) => ({ region: r, name: undefined, partition: undefined, picked: true }));
  return [...extra, ...REGIONS.map((r) => ({ region: r.code, name: r.name, partition: r.partition, picked: chosen.has(r.code) }))];
}
