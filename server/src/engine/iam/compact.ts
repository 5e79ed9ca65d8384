// The IAM data of one service in the compact form the engine reads: what the rules need from the
// package's actions/, resourceTypes/ and conditionKeys/ files (about 11 MB of indented JSON for
// all services), as positional arrays whose repeated strings (condition keys, resource type names,
// access levels) are indexes into one string table: about 1.8 MB for all services. Descriptions
// are left out; IamData reads them from the package's files when a hover asks. scripts/build.mjs
// writes dist/iam-data/compact/<service>.json with `compactService`; IamData decodes them, or
// compacts the package's files itself when it reads the package folder.

/** An action of the package's actions/<service>.json. */
export interface RawAction {
  name: string;
  description?: string;
  accessLevel?: string;
  resourceTypes?: { name: string; required?: boolean; conditionKeys?: string[]; dependentActions?: string[] }[];
  conditionKeys?: string[];
  dependentActions?: string[];
}

/** A resource type of the package's resourceTypes/<service>.json. */
export interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys?: string[];
}

/** A condition key of the package's conditionKeys/<service>.json. */
export interface RawConditionKey {
  key: string;
  description?: string;
  type?: string;
}

/** A resource type an action takes: name, required (1) or not (0), condition keys, dependent actions. */
export type CompactRef = [name: number, required: 0 | 1, conditionKeys: number[], dependentActions: number[]];

/**
 * An action: its key in the package's file (0 when it is the name in lower case), name, access
 * level, condition keys, dependent actions and resource types.
 */
export type CompactAction = [key: string | 0, name: string, accessLevel: number, conditionKeys: number[], dependentActions: number[], resourceTypes: CompactRef[]];

/** A resource type: its key in the package's file, key, ARN format, condition keys. */
export type CompactResourceType = [fileKey: string, key: string, arn: string, conditionKeys: number[]];

/** A condition key: its key in the package's file, key, type. */
export type CompactConditionKey = [fileKey: string, key: string, type: string];

export interface CompactService {
  /** The string table: every condition key, dependent action, resource type name and access level once. */
  s: string[];
  a: CompactAction[];
  r: CompactResourceType[];
  k: CompactConditionKey[];
}

/** The compact form of one service's files (missing fields as IamData has always read them: '' and []). */
export function compactService(actions: Record<string, RawAction>, types: Record<string, RawResourceType>, keys: Record<string, RawConditionKey>): CompactService {
  const s: string[] = [];
  const index = new Map<string, number>();
  const str = (x: string): number => {
    let i = index.get(x);
    if (i === undefined) {
      i = s.length;
      s.push(x);
      index.set(x, i);
    }
    return i;
  };
  const list = (xs: string[] | undefined): number[] => (xs ?? []).map(str);
  return {
    s,
    a: Object.entries(actions).map(([k, a]): CompactAction => [
      k === a.name.toLowerCase() ? 0 : k,
      a.name,
      str(a.accessLevel ?? ''),
      list(a.conditionKeys),
      list(a.dependentActions),
      (a.resourceTypes ?? []).map((r): CompactRef => [str(r.name), r.required ? 1 : 0, list(r.conditionKeys), list(r.dependentActions)]),
    ]),
    r: Object.entries(types).map(([k, r]): CompactResourceType => [k, r.key, r.arn, list(r.conditionKeys)]),
    k: Object.entries(keys).map(([k, c]): CompactConditionKey => [k, c.key, c.type ?? 'String']),
  };
}
