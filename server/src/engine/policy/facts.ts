// Facts about policy entries that several rules ask for, worked out once and shared.
//  - ActionText / ResourceText: what the text of an Action/NotAction or Resource/NotResource entry
//    means (its grammar, its lower-case form, the IAM actions it matches), cached by text across
//    documents: most entries repeat across a workspace's policies and across the versions of a
//    document being edited. Rules keep their own answers about a text in slots (`textAnswer`,
//    `textFact`), and their yes/no questions about every Action entry in flags (`actionFlag`,
//    `textFlag`), answered together once per text and ORed per statement (`actionFlagsOf`,
//    `textFlagsOf`), so that a rule skips the statements that have nothing for it.
//  - StatementFacts: the texts of a statement's entries, in order, looked up once per parse.
// Cached strings are copied out of the document first (see `detach`), so that no cache keeps a
// whole document's text alive through a substring of it.
import { arnFitsResourceType } from '../iam/arn';
import type { ActionInfo, IamData, ResourceTypeInfo } from '../iam/data';
import { globMatcher } from '../iam/patterns';
import { detach, ObjectSlot, textCacheLimit } from '../memo';
import type { Statement } from './model';

/** How an Action/NotAction entry reads (IAM's action grammar: `service:Action`, or `*`). */
export type ActionEntry =
  | { kind: 'all' }
  /** `service:name`; `prefix` is the service part as written, `service` in lower case, `key` the whole entry in lower case. */
  | { kind: 'action'; prefix: string; service: string; name: string; key: string; hasWildcard: boolean }
  /** A wildcard in the service part (`*:Get*`): nothing can be said about it. */
  | { kind: 'unknowable' }
  | { kind: 'malformed' };

const PREFIX = /^[A-Za-z0-9-]+$/;
/** Action names in the data use letters, digits and (once) a hyphen; policies add `*` and `?`. */
const NAME = /^[A-Za-z0-9*?-]+$/;
const ALL: ActionEntry = { kind: 'all' };
const UNKNOWABLE: ActionEntry = { kind: 'unknowable' };
const MALFORMED: ActionEntry = { kind: 'malformed' };

function classify(value: string, lower: string): ActionEntry {
  if (value === '*') return ALL;
  const colon = value.indexOf(':');
  if (colon <= 0) return MALFORMED;
  const prefix = value.slice(0, colon);
  const name = value.slice(colon + 1);
  if (/[*?]/.test(prefix)) return UNKNOWABLE;
  if (!PREFIX.test(prefix) || !NAME.test(name)) return MALFORMED;
  return { kind: 'action', prefix, service: prefix.toLowerCase(), name, key: lower, hasWildcard: /[*?]/.test(name) };
}

/** How many answer slots of each kind the rules have registered (`textFact`, `textAnswer`). */
interface SlotCounts {
  plain: number;
  iam: number;
}

/**
 * Answers about an entry text (`textFact`), and answers that also depend on the IAM data
 * (`textAnswer`), in arrays sized to the slots registered for that kind of text.
 */
abstract class Answered {
  private answersIam?: IamData;
  private iamAnswers?: unknown[];
  private plainAnswers?: unknown[];

  protected abstract slots(): SlotCounts;

  /** The answers that depend on the text alone. */
  plain(): unknown[] {
    return (this.plainAnswers ??= new Array(this.slots().plain));
  }

  /** The answers for `iam` (all are dropped when another IamData asks). */
  forIam(iam: IamData): unknown[] {
    if (this.answersIam !== iam || !this.iamAnswers) {
      this.answersIam = iam;
      this.iamAnswers = new Array(this.slots().iam);
    }
    return this.iamAnswers;
  }
}

const actionSlots: SlotCounts = { plain: 0, iam: 0 };
const resourceSlots: SlotCounts = { plain: 0, iam: 0 };

/** The text of an Action/NotAction entry and what it means. Shared: never modify. */
export class ActionText extends Answered {
  /** The entry's grammar. */
  readonly read: ActionEntry;
  /** The text in lower case (actions match case-insensitively). */
  readonly lower: string;
  /** Service prefix in lower case and action part as written (`*` gives `*`/`*`); undefined without a colon. */
  readonly split: { readonly service: string; readonly name: string } | undefined;
  /** The text has `*` or `?`. */
  readonly hasWildcard: boolean;
  /**
   * For a pattern: the lower-case service prefix every action it matches starts with, or `''`
   * when the prefix itself has wildcards (or there is none). Undefined for a plain name.
   */
  readonly patternService: string | undefined;
  private matcher?: RegExp;
  private iam?: IamData;
  private matched?: ActionInfo[];
  private flagsIam?: IamData;
  private flagBits = 0;
  private flagCount = 0;
  private plainBits = 0;
  private plainCount = -1;

  constructor(readonly text: string) {
    super();
    this.lower = text.toLowerCase();
    const read = classify(text, this.lower);
    this.read = read;
    this.hasWildcard = /[*?]/.test(this.lower);
    if (read.kind === 'action') {
      // Well-formed entries (nearly all) share the strings of `read`: an ASCII prefix, no wildcard in it.
      this.split = read;
      if (this.hasWildcard) this.patternService = read.service;
      return;
    }
    const colon = text.indexOf(':');
    this.split = text === '*' ? { service: '*', name: '*' } : colon > 0 ? { service: text.slice(0, colon).toLowerCase(), name: text.slice(colon + 1) } : undefined;
    if (this.hasWildcard) {
      const service = colon > 0 ? this.lower.slice(0, colon) : '';
      this.patternService = service && !/[*?]/.test(service) ? service : '';
    }
  }

  /** The text as a case-insensitive IAM glob. */
  get glob(): RegExp {
    return (this.matcher ??= globMatcher(this.text, true));
  }

  /** True when the entry matches `action` (`service:Name`), as IAM compares actions. */
  matches(action: string, actionLower: string, actionService: string | undefined): boolean {
    if (!this.hasWildcard) return this.lower === actionLower;
    // A pattern whose service part is literal can only match actions of that service.
    if (this.patternService && this.patternService !== actionService) return false;
    return this.glob.test(action);
  }

  protected override slots(): SlotCounts {
    return actionSlots;
  }

  /** The bits of the registered `ActionFlag`s this text has (all answered at once, once per IamData). */
  flags(iam: IamData): number {
    // Recomputed when a rule module registered a flag since (rules register theirs at load).
    if (this.flagsIam !== iam || this.flagCount !== actionFlags.length) {
      let bits = 0;
      for (const f of actionFlags) if (f.test(iam, this)) bits |= f.bit;
      this.flagBits = bits;
      this.flagsIam = iam;
      this.flagCount = actionFlags.length;
    }
    return this.flagBits;
  }

  /** The bits of the registered `textFlag`s this text has (answered at once, once per text). */
  plainFlags(): number {
    if (this.plainCount !== plainFlags.length) {
      let bits = 0;
      for (const f of plainFlags) if (f.test(this)) bits |= f.bit;
      this.plainBits = bits;
      this.plainCount = plainFlags.length;
    }
    return this.plainBits;
  }

  /** The IAM actions the entry names (`iam.matchActions` of its parts; empty for `*` and malformed text). */
  actions(iam: IamData): ActionInfo[] {
    if (this.iam !== iam || !this.matched) {
      const s = this.split;
      this.matched = s && s.service !== '*' ? iam.matchActions(s.service, s.name) : [];
      this.iam = iam;
    }
    return this.matched;
  }
}

/** The text of a Resource/NotResource entry. Shared: never modify. */
export class ResourceText extends Answered {
  /** `arnMatchesResourceType` answers for this text, by resource type (objects of the IAM data). */
  private typeMatches?: Map<ResourceTypeInfo, boolean>;

  constructor(readonly text: string) {
    super();
  }

  /** True when the text, read as a policy ARN, can name a resource of type `rt` (see iam/arn.ts). */
  matchesType(rt: ResourceTypeInfo): boolean {
    const known = (this.typeMatches ??= new Map()).get(rt);
    if (known !== undefined) return known;
    const r = arnFitsResourceType(this.text, rt);
    this.typeMatches.set(rt, r);
    return r;
  }

  protected override slots(): SlotCounts {
    return resourceSlots;
  }
}

/** A bounded table from text to facts, keyed by detached copies of the texts. */
function textTable<T>(make: (text: string) => T): (text: string) => T {
  const table = new Map<string, T>();
  return (text) => {
    let t = table.get(text);
    if (t === undefined) {
      const own = detach(text);
      t = make(own);
      if (table.size >= textCacheLimit.entries) table.clear();
      table.set(own, t);
    }
    return t;
  };
}

/** The facts of an Action/NotAction entry text (the same object for the same text while cached). */
export const actionText: (text: string) => ActionText = textTable((text) => new ActionText(text));

/** The facts of a Resource/NotResource entry text. */
export const resourceText: (text: string) => ResourceText = textTable((text) => new ResourceText(text));

/** Marks a cached `undefined` answer. */
const NONE = Symbol('none');

type TextClass<X> = abstract new (text: string) => X;

function countsOf(kind: TextClass<ActionText | ResourceText>): SlotCounts {
  return (kind as unknown) === ActionText ? actionSlots : resourceSlots;
}

/**
 * Memoises `compute` per entry text (of `kind`) and IamData: the answer must depend on nothing
 * else. Used by rules for the per-entry question they ask of every entry (is this action known,
 * is this ARN well-formed…), so that each distinct text is examined once.
 */
export function textAnswer<X extends ActionText | ResourceText, T>(kind: TextClass<X>, compute: (iam: IamData, text: X) => T): (iam: IamData, text: X) => T {
  const slot = countsOf(kind).iam++;
  return (iam, text) => {
    const values = text.forIam(iam);
    const v = values[slot];
    if (v !== undefined) return (v === NONE ? undefined : v) as T;
    const computed = compute(iam, text);
    values[slot] = computed === undefined ? NONE : computed;
    return computed;
  };
}

/** Memoises `compute` per entry text (of `kind`): the answer must depend on the text alone. */
export function textFact<X extends ActionText | ResourceText, T>(kind: TextClass<X>, compute: (text: X) => T): (text: X) => T {
  const slot = countsOf(kind).plain++;
  return (text) => {
    const values = text.plain();
    const v = values[slot];
    if (v !== undefined) return (v === NONE ? undefined : v) as T;
    const computed = compute(text);
    values[slot] = computed === undefined ? NONE : computed;
    return computed;
  };
}

/**
 * A yes/no question a rule asks of every Action/NotAction entry (is it malformed, an unknown
 * action, a wildcard…). All registered questions are answered together, once per text, and
 * `actionFlagsOf` ORs the answers over a statement's entries, so that a rule skips the statements
 * (nearly all) that have no entry for it without looking at their entries.
 */
export interface ActionFlag {
  readonly bit: number;
  /** Must depend on the text and the IAM data only, and be cheap: it runs for every distinct text. */
  readonly test: (iam: IamData, t: ActionText) => boolean;
}

const actionFlags: ActionFlag[] = [];

/** Registers a question about Action/NotAction entry texts (at module load: at most 31). */
export function actionFlag(test: (iam: IamData, t: ActionText) => boolean): ActionFlag {
  if (actionFlags.length >= 31) throw new Error('too many action flags');
  const flag = { bit: 1 << actionFlags.length, test };
  actionFlags.push(flag);
  return flag;
}

/** Like `ActionFlag`, for a question that depends on the text alone (no IamData needed to ask it). */
export interface TextFlag {
  readonly bit: number;
  readonly test: (t: ActionText) => boolean;
}

const plainFlags: TextFlag[] = [];

/** Registers a question about Action/NotAction entry texts that needs no IAM data (at module load: at most 31). */
export function textFlag(test: (t: ActionText) => boolean): TextFlag {
  if (plainFlags.length >= 31) throw new Error('too many text flags');
  const flag = { bit: 1 << plainFlags.length, test };
  plainFlags.push(flag);
  return flag;
}

/** The flags of a statement's Action and NotAction entries (each the OR over its entries). */
export interface ListFlags {
  readonly action: number;
  readonly notAction: number;
}

const flagsSlot = new ObjectSlot<{ iam: IamData; count: number; flags: ListFlags }>();

function orFlags(iam: IamData, texts: readonly ActionText[]): number {
  let bits = 0;
  for (let i = 0; i < texts.length; i++) bits |= texts[i].flags(iam);
  return bits;
}

const plainSlot = new ObjectSlot<{ count: number; flags: ListFlags }>();

function orPlain(texts: readonly ActionText[]): number {
  let bits = 0;
  for (let i = 0; i < texts.length; i++) bits |= texts[i].plainFlags();
  return bits;
}

/** The `textFlag`s of a statement's Action and NotAction entries (memoised per statement). */
export function textFlagsOf(st: Statement): ListFlags {
  const cached = plainSlot.get(st);
  if (cached && cached.count === plainFlags.length) return cached.flags;
  const f = statementFacts(st);
  const flags = { action: orPlain(f.action), notAction: orPlain(f.notAction) };
  plainSlot.set(st, { count: plainFlags.length, flags });
  return flags;
}

/** The flags of a statement's Action and NotAction entries (memoised per statement). */
export function actionFlagsOf(iam: IamData, st: Statement): ListFlags {
  const cached = flagsSlot.get(st);
  if (cached && cached.iam === iam && cached.count === actionFlags.length) return cached.flags;
  const f = statementFacts(st);
  const flags = { action: orFlags(iam, f.action), notAction: orFlags(iam, f.notAction) };
  flagsSlot.set(st, { iam, count: actionFlags.length, flags });
  return flags;
}

/** The entry texts of a statement, each list in the order of its entries. */
export interface StatementFacts {
  readonly action: readonly ActionText[];
  readonly notAction: readonly ActionText[];
  readonly resource: readonly ResourceText[];
  readonly notResource: readonly ResourceText[];
}

const NO_TEXTS: readonly never[] = [];
const factsSlot = new ObjectSlot<StatementFacts>();

/** The entry texts of a statement (memoised per statement object). */
export function statementFacts(st: Statement): StatementFacts {
  let f = factsSlot.get(st);
  if (!f) {
    f = {
      action: st.action ? st.action.entries.map((e) => actionText(e.value)) : NO_TEXTS,
      notAction: st.notAction ? st.notAction.entries.map((e) => actionText(e.value)) : NO_TEXTS,
      resource: st.resource ? st.resource.entries.map((e) => resourceText(e.value)) : NO_TEXTS,
      notResource: st.notResource ? st.notResource.entries.map((e) => resourceText(e.value)) : NO_TEXTS,
    };
    factsSlot.set(st, f);
  }
  return f;
}
