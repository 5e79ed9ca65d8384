// Filtering of completion candidates by what the user typed, case-insensitively: `inv` finds
// InvokeModel (a prefix), `model` finds InvokeModel (a word inside it), `imod` finds InvokeModel
// (runs of letters, each starting a word). Editors filter the list again with their own fuzzy
// matcher; this keeps the list short and ranked for clients that do not.

/** True when `s[i]` starts a word: the first character, a capital after a lower-case letter or digit, or a character after a separator. */
function isWordStart(s: string, i: number): boolean {
  if (i === 0) return true;
  const prev = s[i - 1];
  const c = s[i];
  if (/[-:_/.\s${}]/.test(prev)) return true;
  return c >= 'A' && c <= 'Z' && !(prev >= 'A' && prev <= 'Z');
}

/**
 * True when `typed` (from `at`) matches `candidate` (from `from`) in order, where every character
 * either follows the previous match directly or starts a word: `imod` → I·nvoke M·od·el.
 */
function matchesWordStarts(original: string, candidate: string, from: number, typed: string, at: number, memo: Set<number>): boolean {
  if (at === typed.length) return true;
  const key = from * (typed.length + 1) + at;
  if (memo.has(key)) return false;
  for (let i = from; i < candidate.length; i++) {
    if (candidate[i] === typed[at] && (i === from || isWordStart(original, i)) && matchesWordStarts(original, candidate, i + 1, typed, at + 1, memo)) return true;
  }
  memo.add(key);
  return false;
}

/**
 * How well `candidate` matches `typed`: 0 for a prefix, 1 for a word inside it, 2 for runs of the
 * typed letters that each start a word, -1 for no match. Empty `typed` matches everything with 0.
 */
export function matchRank(candidate: string, typed: string): number {
  if (typed === '') return 0;
  const c = candidate.toLowerCase();
  const t = typed.toLowerCase();
  if (c.startsWith(t)) return 0;
  for (let i = 1; i <= c.length - t.length; i++) if (isWordStart(candidate, i) && c.startsWith(t, i)) return 1;
  const memo = new Set<number>();
  for (let i = 0; i < c.length; i++) if (c[i] === t[0] && isWordStart(candidate, i) && matchesWordStarts(candidate, c, i + 1, t, 1, memo)) return 2;
  return -1;
}

/**
 * The candidates that match `typed`, best matches first, each group in its original order.
 * `textOf` gives the text to match (the label, or the filter text).
 */
export function filterAndRank<T>(candidates: readonly T[], typed: string, textOf: (c: T) => string): T[] {
  if (typed === '') return [...candidates];
  const groups: T[][] = [[], [], []];
  for (const c of candidates) {
    const r = matchRank(textOf(c), typed);
    if (r >= 0) groups[r].push(c);
  }
  return groups.flat();
}
