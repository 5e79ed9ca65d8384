// Reads the SCP files of a workspace folder (the scpFiles globs) and returns the Regions they
// leave open, for sdk/region-not-allowed. File-system side of engine/policy/scp-regions.ts.
import { readFileSync, statSync } from 'node:fs';
import { parseJsonPolicy } from '../engine/policy/json-parser';
import type { Policy } from '../engine/policy/model';
import { scpAllowedRegions } from '../engine/policy/scp-regions';
import { isScpPath, type EngineSettings } from '../engine/settings';
import { walkFiles, workspaceRelative } from './workspace';

/** SCP files larger than this are not read (Organizations' quota is 5,120 characters). */
const MAX_SCP_BYTES = 1_000_000;

/** The Regions the folder's SCPs allow; undefined when none restricts Regions or none exists. */
export function workspaceScpRegions(root: string, settings: EngineSettings, maxFiles = 50_000): string[] | undefined {
  let files: string[];
  try {
    files = walkFiles(root, { extensions: ['.json'], maxFiles });
  } catch {
    return undefined;
  }
  const policies: Policy[] = [];
  for (const f of files) {
    if (!isScpPath(workspaceRelative(root, f), settings.scpFiles)) continue;
    try {
      if (statSync(f).size > MAX_SCP_BYTES) continue;
      const policy = parseJsonPolicy(readFileSync(f, 'utf8'), 'scp');
      if (policy) policies.push(policy);
    } catch {
      // An unreadable SCP restricts nothing we can know of.
    }
  }
  return scpAllowedRegions(policies);
}
