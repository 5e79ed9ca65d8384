// IAM wildcard patterns (`*` any run of characters, `?` one character) and intersection of two
// patterns (a user's ARN with wildcards against a resource type's ARN template with variables).
import { detach } from '../memo';

const insensitiveMatchers = new Map<string, RegExp>();
const sensitiveMatchers = new Map<string, RegExp>();
/** Bound on each cache: policies are finite, but an editor session sees many versions of them. */
const MAX_CACHED_MATCHERS = 20_000;

/** A RegExp for an IAM glob. Action names match case-insensitively; ARNs case-sensitively. */
export function globMatcher(glob: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? insensitiveMatchers : sensitiveMatchers;
  let re = cache.get(glob);
  if (!re) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp('^' + body + '$', ignoreCase ? 'is' : 's');
    if (cache.size >= MAX_CACHED_MATCHERS) cache.clear();
    cache.set(detach(glob), re);
  }
  return re;
}

/**
 * A token of a pattern: a literal character, `*` (any run), `?` (one character), a template
 * variable (a non-empty run), or a template variable of a colon-separated ARN segment before the
 * resource part (a non-empty run without `:`: partition, region and account never hold colons).
 */
export type Tok = { t: 'c'; c: string } | { t: 'any' } | { t: 'one' } | { t: 'var' } | { t: 'segVar' };

// Tokens are immutable and shared: one object per kind and per character, so that the token
// arrays that caches keep (one per ARN seen) cost a pointer per character, not an object.
const ANY_TOK: Tok = Object.freeze({ t: 'any' });
const ONE_TOK: Tok = Object.freeze({ t: 'one' });
const VAR_TOK: Tok = Object.freeze({ t: 'var' });
const SEG_VAR_TOK: Tok = Object.freeze({ t: 'segVar' });
const charToks = new Map<string, Tok>();

function charTok(c: string): Tok {
  let t = charToks.get(c);
  if (!t) {
    t = Object.freeze({ t: 'c', c });
    charToks.set(c, t);
  }
  return t;
}

/**
 * Tokenises a user-written ARN: `*` any run, `?` one character, and IAM policy variables
 * (`${aws:username}`) any run; `${*}`, `${?}`, `${$}` are the literal characters. A user's `*`
 * may match colons: "If the * wildcard is the last character of a resource ARN segment, it can
 * expand to match beyond the colon boundaries"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
export function tokenizeUserPattern(s: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i);
      if (close > 0) {
        const inner = s.slice(i + 2, close);
        out.push(inner === '*' || inner === '?' || inner === '$' ? charTok(inner) : ANY_TOK);
        i = close;
        continue;
      }
    }
    out.push(c === '*' ? ANY_TOK : c === '?' ? ONE_TOK : charTok(c));
  }
  return out;
}

/**
 * Tokenises an ARN template from the IAM data: `${Name}` is a variable (one or more characters).
 * Variables in the partition, region and account segments (before the fifth colon) match no
 * colon, so `arn:aws:s3:::bucket/*` cannot name an access point
 * (`arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}`).
 */
export function tokenizeTemplate(s: string): Tok[] {
  const out: Tok[] = [];
  let colons = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i);
      if (close > 0) {
        out.push(colons < 5 ? SEG_VAR_TOK : VAR_TOK);
        i = close;
        continue;
      }
    }
    if (s[i] === ':') colons++;
    out.push(charTok(s[i]));
  }
  return out;
}

/** Internal tokens after expanding variables: runs and single characters, with or without `:`. */
const C = 0;
const ANY = 1;
const ONE = 2;
const SEG_ANY = 3;
const SEG_ONE = 4;

interface Expanded {
  kinds: Uint8Array;
  chars: string[];
}

function expand(toks: readonly Tok[]): Expanded {
  const kinds: number[] = [];
  const chars: string[] = [];
  const push = (k: number, c = '') => {
    kinds.push(k);
    chars.push(c);
  };
  for (const t of toks) {
    if (t.t === 'c') push(C, t.c);
    else if (t.t === 'any') push(ANY);
    else if (t.t === 'one') push(ONE);
    // A variable is one character followed by any run, so that it can be consumed partially.
    else if (t.t === 'var') {
      push(ONE);
      push(ANY);
    } else {
      push(SEG_ONE);
      push(SEG_ANY);
    }
  }
  return { kinds: Uint8Array.from(kinds), chars };
}

const isRun = (k: number) => k === ANY || k === SEG_ANY;

/** True when the run `run` (ANY or SEG_ANY) can absorb whatever token `k`/`c` produces. */
function absorbs(run: number, k: number, c: string): boolean {
  return run === ANY || k !== C || c !== ':';
}

/** True when two single-character tokens can stand for the same character. */
function charsMeet(k1: number, c1: string, k2: number, c2: string): boolean {
  if (k1 === ONE || k2 === ONE) return true;
  if (k1 === C && k2 === C) return c1 === c2;
  if (k1 === C) return c1 !== ':';
  if (k2 === C) return c2 !== ':';
  return true;
}

/** Search state buffers, reused across calls (a call marks states with its own stamp). */
const REUSED_STATES = 1 << 16;
const seen = new Uint32Array(REUSED_STATES);
const stack = new Int32Array(REUSED_STATES);
let stamp = 0;

/**
 * True when some string is matched by both token sequences. `any` stands for zero or more
 * characters, `one` for exactly one, `var` for one or more, `segVar` for one or more other than
 * `:`. A search over the states (i, j) = "A[..i) and B[..j) consumed" for a path to the end of
 * both: depth-first with an explicit stack (a pathologically long string cannot overflow the call
 * stack), visiting only the reachable states and stopping at the first path, after a quick
 * rejection when the literal prefixes or suffixes differ.
 */
export function patternsIntersect(a: readonly Tok[], b: readonly Tok[]): boolean {
  // Literal prefix and suffix first, on the tokens as given (most pairs differ there).
  let p = 0;
  for (; p < a.length && p < b.length; p++) {
    const x = a[p];
    const y = b[p];
    if (x.t !== 'c' || y.t !== 'c') break;
    if (x.c !== y.c) return false;
  }
  for (let k = 1; k <= a.length - p && k <= b.length - p; k++) {
    const x = a[a.length - k];
    const y = b[b.length - k];
    if (x.t !== 'c' || y.t !== 'c') break;
    if (x.c !== y.c) return false;
  }
  // The literal prefix expands to itself, so the search starts at (p, p) of the expansions.
  const A = expand(a);
  const B = expand(b);
  const n = A.kinds.length;
  const m = B.kinds.length;
  const width = m + 1;
  const states = (n + 1) * width;
  let marks = seen;
  let todo = stack;
  let mark: number;
  if (states > REUSED_STATES) {
    // Rare (a string of thousands of characters): buffers for this call only.
    marks = new Uint32Array(states);
    todo = new Int32Array(states);
    mark = 1;
  } else {
    if (++stamp === 0xffffffff) {
      seen.fill(0);
      stamp = 1;
    }
    mark = stamp;
  }
  let top = 0;
  const visit = (i: number, j: number) => {
    const key = i * width + j;
    if (marks[key] !== mark) {
      marks[key] = mark;
      todo[top++] = key;
    }
  };
  visit(p, p);
  while (top > 0) {
    const key = todo[--top];
    const i = (key / width) | 0;
    const j = key - i * width;
    if (i === n && j === m) return true;
    if (i < n && isRun(A.kinds[i])) {
      if (j < m && absorbs(A.kinds[i], B.kinds[j], B.chars[j])) visit(i, j + 1);
      visit(i + 1, j);
    } else if (j < m && isRun(B.kinds[j])) {
      if (i < n && absorbs(B.kinds[j], A.kinds[i], A.chars[i])) visit(i + 1, j);
      visit(i, j + 1);
    } else if (i < n && j < m && charsMeet(A.kinds[i], A.chars[i], B.kinds[j], B.chars[j])) {
      visit(i + 1, j + 1);
    }
  }
  return false;
}
