// Bounded memo tables for answers that depend only on a string (an Action entry, an ARN) and, for
// some, on the IAM data. Most entries repeat across the policies of a workspace, so every document
// after the first finds its answers here instead of re-reading the text. Keys are the strings the
// parser produced: V8 caches a string's hash in the string, so every later lookup with the same
// string object costs no hashing. Each table is cleared when it grows past its bound (an editor
// session sees every prefix of every name being typed). Keys cut from a document are stored as
// copies (`detach`), so that no cache keeps old versions of a document alive.
import type { IamData } from './iam/data';

/**
 * A copy of `s` that does not share the memory of the text it was cut from. V8 represents a
 * substring of 13 or more characters as a slice of its parent (here: the whole document), so a
 * cache keyed by a substring keeps the document alive; concatenating and slicing again copies
 * the characters into a string of their own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Entries a table holds before it starts over. */
export const MAX_MEMO_ENTRIES = 20_000;

/**
 * How many distinct entry texts (Action/Resource entries, ARNs) the caches of their facts keep
 * before they start over. A front end that only ever sees a few documents at a time may lower it
 * to bound its memory (the language server's main thread does: a workspace's open documents hold
 * far fewer); the CLI and the workspace scan worker, which read every file, keep the default.
 */
export const textCacheLimit = { entries: MAX_MEMO_ENTRIES };

/** A value in a box, so that `undefined` answers are cached too, with one lookup per hit. */
interface Box<V> {
  v: V;
}

/** `fn` memoised by its string argument. `fn` must be pure. */
export function memoByText<V>(fn: (text: string) => V, max = MAX_MEMO_ENTRIES): (text: string) => V {
  const table = new Map<string, Box<V>>();
  return (text) => {
    const hit = table.get(text);
    if (hit) return hit.v;
    const v = fn(text);
    if (table.size >= max) table.clear();
    table.set(detach(text), { v });
    return v;
  };
}

/** `fn` memoised per IamData instance (constants derived from the data, such as a list of actions). */
export function memoByIam<V>(fn: (iam: IamData) => V): (iam: IamData) => V {
  const table = new WeakMap<IamData, Box<V>>();
  return (iam) => {
    const hit = table.get(iam);
    if (hit) return hit.v;
    const v = fn(iam);
    table.set(iam, { v });
    return v;
  };
}

/** The property under which short-lived objects (statements of a parsed policy) carry their memo slots. */
const SLOTS = Symbol('memo');
let slotCount = 0;

/** Fallback for objects that cannot take a property (frozen ones). */
const frozenSlots = new WeakMap<object, unknown[]>();

function slotsOf(obj: object): unknown[] {
  const own = (obj as { [SLOTS]?: unknown[] })[SLOTS];
  if (own) return own;
  let slots: unknown[] | undefined;
  if (Object.isExtensible(obj)) {
    slots = [];
    // Non-enumerable: invisible to JSON, spreads and deep-equality checks of the model.
    Object.defineProperty(obj, SLOTS, { value: slots });
  } else {
    slots = frozenSlots.get(obj);
    if (!slots) frozenSlots.set(obj, (slots = []));
  }
  return slots;
}

/**
 * A value memoised on an object, such as a statement of a parsed policy. It is stored on the
 * object itself rather than in a WeakMap: a WeakMap's values survive young-generation garbage
 * collections until a full one finds their keys dead, so caching per-document objects in WeakMaps
 * makes every document's model and answers tenured garbage.
 */
export class ObjectSlot<V> {
  private readonly index = slotCount++;

  get(obj: object): V | undefined {
    return slotsOf(obj)[this.index] as V | undefined;
  }

  set(obj: object, value: V): V {
    slotsOf(obj)[this.index] = value;
    return value;
  }
}

/** `fn` memoised per object (a statement, a list of entries): computed once per parse of a document. */
export function memoByObject<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const slot = new ObjectSlot<Box<V>>();
  return (key) => {
    const hit = slot.get(key);
    if (hit) return hit.v;
    const v = fn(key);
    slot.set(key, { v });
    return v;
  };
}
