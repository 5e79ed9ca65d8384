// Filtering of completion candidates by what the user typed, case-insensitively, loosely enough
// that an editor's own fuzzy filter never has fewer items to work with than it would expect:
// `inv` finds InvokeModel (prefix), `model` finds InvokeModel (a word inside), `imod` finds
// InvokeModel (letters in order, starting at a word).

/** True when `s[i]` starts a word: the first character, a capital after a lower-case letter or digit, or a character after a separator. */
function isWordStart(s: string, i: number): boolean {
  if (i === 0) return true;
  const prev = s[i - 1];
  const c = s[i];
  if (/[-:_/.\s${}]/.test(prev)) return true;
  return c >= 'A' && c <= 'Z' && !(prev >= 'A' && prev <= 'Z');
}

function isSubsequence(candidate: string, from: number, typed: string, at: number): boolean {
  let j = at;
  for (let i = from; i < candidate.length && j < typed.length; i++) if (candidate[i] === typed[j]) j++;
  return j === typed.length;
}

/**
 * How well `candidate` matches `typed`: 0 for a prefix, 1 for a word inside it, 2 for the typed
 * letters in order from a word start, -1 for no match. Empty `typed` matches everything with 0.
 */
export function matchRank(candidate: string, typed: string): number {
  if (typed === '') return 0;
  const c = candidate.toLowerCase();
  const t = typed.toLowerCase();
  if (c.startsWith(t)) return 0;
  for (let i = 1; i <= c.length - t.length; i++) if (isWordStart(candidate, i) && c.startsWith(t, i)) return 1;
  for (let i = 0; i < c.length; i++) if (c[i] === t[0] && isWordStart(candidate, i) && isSubsequence(c, i + 1, t, 1)) return 2;
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
