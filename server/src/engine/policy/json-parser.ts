// Builds the policy model from JSON text: well-formed JSON with the fast strict reader
// (strict-json.ts, which builds the same model directly), anything else from the tree of
// jsonc-parser's tolerant parser, so a half-typed document still yields every statement that can
// be read. AWS accepts neither comments nor trailing commas in policies: both are reported as
// syntax problems.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../types';
import type {
  ConditionElement,
  ConditionKeyNode,
  ConditionOperatorNode,
  KeyNode,
  ListElement,
  Policy,
  PolicyKind,
  PrincipalElement,
  ScalarElement,
  ScalarNode,
  Statement,
  SyntaxProblem,
  ValueKind,
} from './model';
import { readStrictPolicy } from './strict-json';

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace "}" expected',
  CloseBracketExpected: 'Closing bracket "]" expected',
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Comments are not allowed in IAM policies',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string',
};

const spanOf = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });

function kindOf(n: Node | undefined): ValueKind {
  if (!n) return 'unknown';
  switch (n.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'array':
    case 'object':
      return n.type;
    default:
      return 'unknown';
  }
}

function scalar(n: Node): ScalarNode | undefined {
  if (n.type === 'string' || n.type === 'number' || n.type === 'boolean') {
    return { value: String(n.value), kind: n.type, span: spanOf(n) };
  }
  return undefined;
}

interface Prop {
  key: KeyNode;
  value: Node | undefined;
}

/** The properties of an object node; a property being typed may have no value yet. */
function props(obj: Node): Prop[] {
  const out: Prop[] = [];
  for (const p of obj.children ?? []) {
    const k = p.children?.[0];
    if (!k || k.type !== 'string') continue;
    out.push({ key: { name: String(k.value), span: spanOf(k), propertySpan: spanOf(p) }, value: p.children?.[1] });
  }
  return out;
}

function valueSpan(p: Prop): Span {
  return p.value ? spanOf(p.value) : { start: p.key.span.end, end: p.key.span.end };
}

function scalarElement(p: Prop): ScalarElement {
  return { key: p.key, valueSpan: valueSpan(p), valueKind: kindOf(p.value), value: p.value ? scalar(p.value) : undefined };
}

function listElement(p: Prop): ListElement {
  const el: ListElement = { key: p.key, valueSpan: valueSpan(p), valueKind: kindOf(p.value), isArray: p.value?.type === 'array', entries: [], invalidEntries: [] };
  if (!p.value) return el;
  const items = p.value.type === 'array' ? p.value.children ?? [] : [p.value];
  for (const item of items) {
    if (item.type === 'string') el.entries.push({ value: String(item.value), kind: 'string', span: spanOf(item) });
    else el.invalidEntries.push(spanOf(item));
  }
  return el;
}

function scalarsOf(n: Node | undefined): ScalarNode[] {
  if (!n) return [];
  const items = n.type === 'array' ? n.children ?? [] : [n];
  const out: ScalarNode[] = [];
  for (const item of items) {
    const s = scalar(item);
    if (s) out.push(s);
  }
  return out;
}

function principalElement(p: Prop): PrincipalElement {
  const el: PrincipalElement = { key: p.key, valueSpan: valueSpan(p), valueKind: kindOf(p.value), entries: [] };
  if (p.value?.type === 'object') {
    for (const e of props(p.value)) el.entries.push({ key: e.key, values: scalarsOf(e.value) });
  } else if (p.value) {
    el.scalar = scalar(p.value);
  }
  return el;
}

function conditionElement(p: Prop): ConditionElement {
  const el: ConditionElement = { key: p.key, valueSpan: valueSpan(p), valueKind: kindOf(p.value), operators: [] };
  if (p.value?.type !== 'object') return el;
  for (const opProp of props(p.value)) {
    const op: ConditionOperatorNode = { key: opProp.key, valueSpan: valueSpan(opProp), valueKind: kindOf(opProp.value), keys: [] };
    if (opProp.value?.type === 'object') {
      for (const kp of props(opProp.value)) {
        const ck: ConditionKeyNode = { key: kp.key, valueSpan: valueSpan(kp), valueKind: kindOf(kp.value), values: scalarsOf(kp.value) };
        op.keys.push(ck);
      }
    }
    el.operators.push(op);
  }
  return el;
}

function statementOf(obj: Node, index: number): Statement {
  const st: Statement = { index, span: spanOf(obj), keys: [] };
  for (const p of props(obj)) {
    st.keys.push(p.key);
    switch (p.key.name) {
      case 'Sid':
        st.sid = scalarElement(p);
        break;
      case 'Effect':
        st.effect = scalarElement(p);
        break;
      case 'Action':
        st.action = listElement(p);
        break;
      case 'NotAction':
        st.notAction = listElement(p);
        break;
      case 'Resource':
        st.resource = listElement(p);
        break;
      case 'NotResource':
        st.notResource = listElement(p);
        break;
      case 'Principal':
        st.principal = principalElement(p);
        break;
      case 'NotPrincipal':
        st.notPrincipal = principalElement(p);
        break;
      case 'Condition':
        st.condition = conditionElement(p);
        break;
    }
  }
  return st;
}

/** Length of the JSON without whitespace outside strings (how AWS counts policy size quotas). */
export function compactJsonLength(text: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      n++;
      if (c === 92 /* \ */) {
        i++;
        n++;
      } else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
      n++;
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}

/** The root object of a JSON document if it has a top-level `Statement` property. */
export function isPolicyRoot(root: Node | undefined): boolean {
  return !!root && root.type === 'object' && !!root.children?.some((p) => p.children?.[0]?.value === 'Statement');
}

/**
 * Turns parser errors into problems a person can act on: one per position (the parser often
 * reports several at the same place), trailing commas named as such and put on the comma.
 */
function syntaxProblemsOf(text: string, errors: ParseError[]): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    let span: Span = { start: e.offset, end: e.offset + Math.max(e.length, 0) };
    let message = PARSE_MESSAGES[code] ?? code;
    if ((code === 'PropertyNameExpected' || code === 'ValueExpected') && (text[e.offset] === '}' || text[e.offset] === ']')) {
      let i = e.offset - 1;
      while (i >= 0 && /\s/.test(text[i])) i--;
      if (text[i] === ',') {
        span = { start: i, end: i + 1 };
        message = 'Trailing commas are not allowed in IAM policies';
      }
    }
    if (seen.has(span.start)) continue;
    seen.add(span.start);
    out.push({ message, span });
  }
  return out;
}

/**
 * Parses JSON text into the policy model. `kind` forces the policy kind (SCP files are known by
 * path); otherwise a policy with any Principal/NotPrincipal is a resource policy.
 */
export function parseJsonPolicy(text: string, kind?: PolicyKind): Policy | undefined {
  // Well-formed documents (nearly all of them) take the fast strict reader; the others get
  // jsonc-parser's tolerant parse, which reads what it can and reports the errors.
  const strict = readStrictPolicy(text, kind);
  return strict !== null ? strict : parseJsonPolicyTolerantly(text, kind);
}

/**
 * `parseJsonPolicy` with jsonc-parser's tolerant parse, whatever the text: the model of a
 * half-typed document, and its syntax problems. (Exported for the tests that compare both readers.)
 */
export function parseJsonPolicyTolerantly(text: string, kind?: PolicyKind): Policy | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  if (!isPolicyRoot(root) || !root) return undefined;
  const syntaxProblems = syntaxProblemsOf(text, errors);
  const policy: Policy = {
    dialect: 'json',
    kind: kind ?? 'identity',
    span: spanOf(root),
    keys: [],
    statementIsArray: false,
    statements: [],
    invalidStatements: [],
    syntaxProblems,
    compactLength: compactJsonLength(text),
  };
  for (const p of props(root)) {
    policy.keys.push(p.key);
    if (p.key.name === 'Version') policy.version = scalarElement(p);
    else if (p.key.name === 'Id') policy.id = scalarElement(p);
    else if (p.key.name === 'Statement') {
      policy.statementKey = p.key;
      policy.statementValueSpan = valueSpan(p);
      const v = p.value;
      if (v?.type === 'array') {
        policy.statementIsArray = true;
        for (const item of v.children ?? []) {
          if (item.type === 'object') policy.statements.push(statementOf(item, policy.statements.length));
          else policy.invalidStatements.push(spanOf(item));
        }
      } else if (v?.type === 'object') {
        policy.statements.push(statementOf(v, 0));
      }
    }
  }
  if (!kind && policy.statements.some((s) => s.principal || s.notPrincipal)) policy.kind = 'resource';
  return policy;
}
