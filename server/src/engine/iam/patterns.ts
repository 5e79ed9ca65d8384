// IAM wildcard patterns (`*` any run of characters, `?` one character) and intersection of two
// patterns (a user's ARN with wildcards against a resource type's ARN template with variables).

const matcherCache = new Map<string, RegExp>();

/** A RegExp for an IAM glob. Action names match case-insensitively; ARNs case-sensitively. */
export function globMatcher(glob: string, ignoreCase: boolean): RegExp {
  const cacheKey = (ignoreCase ? 'i' : 's') + glob;
  let re = matcherCache.get(cacheKey);
  if (!re) {
    const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp('^' + body + '$', ignoreCase ? 'is' : 's');
    matcherCache.set(cacheKey, re);
  }
  return re;
}

/** A token of a pattern: a literal character, `*` (any run), or a template variable (non-empty run). */
type Tok = { t: 'c'; c: string } | { t: 'any' } | { t: 'one' } | { t: 'var' };

/**
 * Tokenises a user-written ARN: `*` any run, `?` one character, and IAM policy variables
 * (`${aws:username}`) any run; `${*}`, `${?}`, `${$}` are the literal characters.
 */
export function tokenizeUserPattern(s: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i);
      if (close > 0) {
        const inner = s.slice(i + 2, close);
        if (inner === '*' || inner === '?' || inner === '$') out.push({ t: 'c', c: inner });
        else out.push({ t: 'any' });
        i = close;
        continue;
      }
    }
    if (c === '*') out.push({ t: 'any' });
    else if (c === '?') out.push({ t: 'one' });
    else out.push({ t: 'c', c });
  }
  return out;
}

/** Tokenises an ARN template from the IAM data: `${Name}` is a variable (one or more characters). */
export function tokenizeTemplate(s: string): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i);
      if (close > 0) {
        out.push({ t: 'var' });
        i = close;
        continue;
      }
    }
    out.push({ t: 'c', c: s[i] });
  }
  return out;
}

/**
 * True when some string is matched by both token sequences. A `var` stands for one or more
 * characters, `any` for zero or more, `one` for exactly one. Memoised dynamic programming over
 * (i, j) states; the sequences are short (ARNs), so this is cheap.
 */
export function patternsIntersect(a: Tok[], b: Tok[]): boolean {
  const memo = new Map<number, boolean>();
  // A `var` consumed partially is modelled by rewriting it as `one` followed by `any`.
  const expand = (toks: Tok[]): Tok[] => toks.flatMap((t) => (t.t === 'var' ? [{ t: 'one' } as Tok, { t: 'any' } as Tok] : [t]));
  const A = expand(a);
  const B = expand(b);
  const go = (i: number, j: number): boolean => {
    const key = i * (B.length + 1) + j;
    const m = memo.get(key);
    if (m !== undefined) return m;
    let r: boolean;
    if (i === A.length && j === B.length) r = true;
    else if (i < A.length && A[i].t === 'any') r = go(i + 1, j) || (j < B.length && go(i, j + 1));
    else if (j < B.length && B[j].t === 'any') r = go(i, j + 1) || (i < A.length && go(i + 1, j));
    else if (i === A.length || j === B.length) r = false;
    else {
      const x = A[i];
      const y = B[j];
      const ok = x.t === 'one' || y.t === 'one' || (x.t === 'c' && y.t === 'c' && x.c === y.c);
      r = ok && go(i + 1, j + 1);
    }
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}
