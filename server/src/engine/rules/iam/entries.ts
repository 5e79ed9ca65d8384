// Shared by the iam/* "is this real?" rules: how a finding points back at the entry it is about
// (an Action/Resource list entry or a condition key), so that fixes can be rebuilt from the
// finding's JSON `data` alone, and the edits that replace or remove such an entry.
import type { PolicyEditor } from '../../fixes';
import type { ConditionKeyNode, ConditionOperatorNode, KeyNode, ListElement, Policy, ScalarNode, Statement } from '../../policy/model';
import type { TextEdit } from '../../types';
import { ObjectSlot } from '../../memo';
import { statementFacts, type ActionText } from '../../policy/facts';
import type { ActionEntry } from './reference-gaps';

/** The list elements whose entries the rules check. */
export type ListName = 'Action' | 'NotAction' | 'Resource' | 'NotResource';

/** Points at one entry of a list element: statement index, element, entry index and its value. */
export interface EntryRef {
  statement: number;
  element: ListName;
  index: number;
  value: string;
}

/** Points at one key of a condition operator (or at the operator itself when `key` is -1). */
export interface ConditionRef {
  statement: number;
  operator: number;
  key: number;
  /** The operator or key name as written, to detect a stale finding. */
  name: string;
}

/** The list element `name` of a statement. */
export function listOf(st: Statement, name: ListName): ListElement | undefined {
  switch (name) {
    case 'Action':
      return st.action;
    case 'NotAction':
      return st.notAction;
    case 'Resource':
      return st.resource;
    case 'NotResource':
      return st.notResource;
  }
}

/** An entry of a list element; `ref` (built on use) finds it again from a finding's data. */
export class ListEntry {
  constructor(
    readonly statement: Statement,
    readonly list: ListElement,
    readonly element: ListName,
    readonly index: number,
    readonly entry: ScalarNode,
    /** The facts of an Action/NotAction entry's text (undefined for Resource/NotResource entries). */
    readonly text: ActionText | undefined,
  ) {}

  /** How an Action/NotAction entry reads (undefined for Resource/NotResource entries). */
  get action(): ActionEntry | undefined {
    return this.text?.read;
  }

  get ref(): EntryRef {
    return { statement: this.statement.index, element: this.element, index: this.index, value: this.entry.value };
  }
}

/** A statement's entries, per list element and per combination asked for. */
type EntryLists = Map<string, ListEntry[]>;

const entrySlot = new ObjectSlot<EntryLists>();

function listsOf(st: Statement): EntryLists {
  return entrySlot.get(st) ?? entrySlot.set(st, new Map());
}

function entriesOfList(st: Statement, lists: EntryLists, element: ListName): ListEntry[] {
  let out = lists.get(element);
  if (!out) {
    out = [];
    const list = listOf(st, element);
    const texts = element === 'Action' ? statementFacts(st).action : element === 'NotAction' ? statementFacts(st).notAction : undefined;
    if (list) {
      const entries = list.entries;
      for (let i = 0; i < entries.length; i++) out.push(new ListEntry(st, list, element, i, entries[i], texts?.[i]));
    }
    lists.set(element, out);
  }
  return out;
}

/** The cache key of a combination of list elements (the usual pairs without building a string). */
function comboKey(names: readonly ListName[]): string {
  if (names.length === 2) {
    if (names[0] === 'Action' && names[1] === 'NotAction') return 'Action,NotAction';
    if (names[0] === 'Resource' && names[1] === 'NotResource') return 'Resource,NotResource';
  }
  return names.join(',');
}

/** Every entry of the given list elements of a statement (memoised per statement). */
export function entriesOf(st: Statement, names: readonly ListName[]): ListEntry[] {
  const lists = listsOf(st);
  if (names.length === 1) return entriesOfList(st, lists, names[0]);
  const key = comboKey(names);
  let out = lists.get(key);
  if (!out) {
    out = [];
    for (const n of names) for (const e of entriesOfList(st, lists, n)) out.push(e);
    lists.set(key, out);
  }
  return out;
}

function statementAt(policy: Policy, index: unknown): Statement | undefined {
  return typeof index === 'number' ? policy.statements.find((s) => s.index === index) : undefined;
}

/**
 * Finds the entry a ref (read back from a finding's `data`) points at. Undefined when the data is
 * malformed or the document changed so that the entry no longer holds the same value.
 */
export function resolveEntry(policy: Policy, ref: unknown): { statement: Statement; list: ListElement; entry: ScalarNode } | undefined {
  if (!ref || typeof ref !== 'object') return undefined;
  const r = ref as Partial<EntryRef>;
  const statement = statementAt(policy, r.statement);
  if (!statement || typeof r.element !== 'string' || typeof r.index !== 'number') return undefined;
  const list = listOf(statement, r.element as ListName);
  const entry = list?.entries[r.index];
  if (!list || !entry || entry.value !== r.value || entry.computed) return undefined;
  return { statement, list, entry };
}

/** Finds the condition operator (and key) a ref points at; undefined when stale or malformed. */
export function resolveCondition(policy: Policy, ref: unknown): { statement: Statement; operator: ConditionOperatorNode; key?: ConditionKeyNode; node: KeyNode } | undefined {
  if (!ref || typeof ref !== 'object') return undefined;
  const r = ref as Partial<ConditionRef>;
  const statement = statementAt(policy, r.statement);
  if (!statement || typeof r.operator !== 'number' || typeof r.key !== 'number') return undefined;
  const operator = statement.condition?.operators[r.operator];
  if (!operator) return undefined;
  if (r.key < 0) return operator.key.name === r.name ? { statement, operator, node: operator.key } : undefined;
  const key = operator.keys[r.key];
  return key && key.key.name === r.name ? { statement, operator, key, node: key.key } : undefined;
}

/** Replaces an entry's literal with `value`. */
export function replaceEntry(editor: PolicyEditor, entry: ScalarNode, value: string): TextEdit {
  return editor.replace(entry.span, editor.literal(value));
}

/**
 * Removes an entry from an array together with the comma that separates it from a neighbour.
 * Undefined when the entry is the element's only value (removing it would leave no value).
 */
export function removeEntry(list: ListElement, entry: ScalarNode): TextEdit | undefined {
  if (!list.isArray) return undefined;
  const items = [...list.entries.map((e) => e.span), ...list.invalidEntries].sort((a, b) => a.start - b.start);
  const i = items.findIndex((s) => s.start === entry.span.start);
  if (i < 0 || items.length < 2) return undefined;
  if (i < items.length - 1) return { span: { start: entry.span.start, end: items[i + 1].start }, newText: '' };
  return { span: { start: items[i - 1].end, end: entry.span.end }, newText: '' };
}

/** A short list of names for messages: `a, b, c and 4 more`. */
export function summarize(names: readonly string[], max = 3): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
