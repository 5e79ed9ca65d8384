// What the editor features need to know about a statement's actions: the actions its Action
// entries name (wildcards expanded), the resource types they take, the actions that take none,
// and the condition keys they support. Computed lazily and cached by the text of the Action
// entries, so that the many requests a user makes while editing one statement (each on a fresh
// parse of a new version) do the work once, even for ReadOnlyAccess-sized statements.
import type { ActionInfo, ConditionKeyInfo, IamData } from '../iam/data';
import { actionRefs } from '../policy/analysis';
import type { Statement } from '../policy/model';
import { UNLISTED_ACTION_KEYS } from '../rules/iam/reference-gaps';

/** A resource type that some of the statement's actions take. */
export interface TypeFact {
  service: string;
  key: string;
  /** The ARN format, as the reference writes it (`arn:${Partition}:bedrock:…`). */
  arn: string;
  /** The statement's actions that take it, as `service:Action`. */
  actions: string[];
}

/** A condition key offered for the statement. */
export interface KeyFact {
  /** The key as offered (variable parts written `${TagKey}`). */
  key: string;
  info?: ConditionKeyInfo;
  /** True for keys of the statement's actions (false for the other global keys). */
  forActions: boolean;
}

/** One spelling per key template: `aws:RequestTag/tag-key`, `…/<key>` and `…/${TagKey}` are one key. */
export function canonicalKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/\/(<[^>]+>|tag-key)$/, '/${}')
    .replace(/\$\{[^}]*\}/g, '${}');
}

/** A key as offered: variable parts written `${TagKey}` as the reference mostly does. */
export function displayKey(key: string): string {
  return key.replace(/\/(<[^>]+>|tag-key)$/, '/${TagKey}');
}

const keysOfAction = new WeakMap<ActionInfo, string[]>();

/** Every condition key an action supports: its own, per resource type, the types' own, and keys the data omits. */
function actionKeys(iam: IamData, a: ActionInfo): string[] {
  let keys = keysOfAction.get(a);
  if (!keys) {
    const all = new Set(a.conditionKeys);
    for (const r of a.resourceTypes) {
      for (const k of r.conditionKeys) all.add(k);
      for (const k of iam.resourceType(a.service, r.name)?.conditionKeys ?? []) all.add(k);
    }
    for (const k of UNLISTED_ACTION_KEYS.get(`${a.service}:${a.name.toLowerCase()}`) ?? []) all.add(k);
    keys = [...all];
    keysOfAction.set(a, keys);
  }
  return keys;
}

const byName = (x: string, y: string) => x.localeCompare(y, 'en', { sensitivity: 'base' });

/** The facts of one statement's Action element. */
export class StatementFacts {
  private typesCache?: TypeFact[];
  private starOnlyCache?: string[];
  private keysCache?: KeyFact[];
  private readonly derived = new Map<string, unknown>();

  /** `actions` is empty when the statement's actions cannot be listed (NotAction, `*`, no Action). */
  constructor(
    private readonly iam: IamData,
    readonly actions: readonly ActionInfo[],
  ) {}

  /** Resource types of the actions, the ones taken by more of them first, then by name. */
  get resourceTypes(): TypeFact[] {
    if (!this.typesCache) {
      const byType = new Map<string, TypeFact>();
      for (const a of this.actions) {
        for (const r of a.resourceTypes) {
          const info = this.iam.resourceType(a.service, r.name);
          if (!info) continue;
          const id = `${a.service}:${info.key}`;
          let fact = byType.get(id);
          if (!fact) byType.set(id, (fact = { service: a.service, key: info.key, arn: info.arn, actions: [] }));
          fact.actions.push(`${a.service}:${a.name}`);
        }
      }
      this.typesCache = [...byType.values()].sort((x, y) => y.actions.length - x.actions.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    }
    return this.typesCache;
  }

  /** The actions that take no resource type (they are only allowed with `"Resource": "*"`). */
  get starOnly(): string[] {
    return (this.starOnlyCache ??= this.actions.filter((a) => a.resourceTypes.length === 0).map((a) => `${a.service}:${a.name}`));
  }

  /** A value derived from these facts, computed once per `key` (what else it depends on must be in the key). */
  memo<T>(key: string, make: () => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = make();
    if (this.derived.size >= 16) this.derived.clear();
    this.derived.set(key, value);
    return value;
  }

  /** The keys the actions support (sorted), then the other global keys (aws: first). */
  get conditionKeys(): KeyFact[] {
    if (!this.keysCache) {
      const specific = new Map<string, string>();
      for (const a of this.actions) {
        for (const k of actionKeys(this.iam, a)) {
          const c = canonicalKey(k);
          if (!specific.has(c)) specific.set(c, displayKey(k));
        }
      }
      const forActions: KeyFact[] = [...specific.values()].sort(byName).map((key) => ({ key, info: this.iam.conditionKey(key.replace(/\$\{[^}]*\}$/, 'x')), forActions: true }));
      const globals: KeyFact[] = this.iam
        .conditionKeysOf('aws')
        .filter((g) => !specific.has(canonicalKey(g.key)))
        .map((g) => ({ key: displayKey(g.key), info: g, forActions: false }))
        .sort((x, y) => Number(!x.key.startsWith('aws:')) - Number(!y.key.startsWith('aws:')) || byName(x.key, y.key));
      this.keysCache = [...forActions, ...globals];
    }
    return this.keysCache;
  }
}

const MAX_CACHED = 64;
const caches = new WeakMap<IamData, Map<string, StatementFacts>>();

/**
 * The facts of a statement's Action element, cached by the text of its entries. A statement with
 * NotAction, an Action of `*`, or no Action has no listable actions (empty `actions`).
 */
export function statementFacts(iam: IamData, st: Statement | undefined): StatementFacts {
  const entries = st?.action?.entries;
  const key = entries ? entries.map((e) => e.value).join('\n') : '';
  let cache = caches.get(iam);
  if (!cache) caches.set(iam, (cache = new Map()));
  let facts = cache.get(key);
  if (facts) return facts;
  let actions: ActionInfo[] = [];
  if (st?.action) {
    const refs = actionRefs(iam, st);
    if (!refs.some((r) => r.service === '*')) {
      const set = new Set<ActionInfo>();
      for (const r of refs) for (const a of r.actions) set.add(a);
      actions = [...set];
    }
  }
  facts = new StatementFacts(iam, actions);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, facts);
  return facts;
}
