// IAM policies written in code become the same policy model as JSON policies, with spans into
// the source, so that every iam/*, bedrock/* and policy/* rule runs on them unchanged:
//  - object literals with JSON keys: `{ Version, Statement: [...] }` documents (CDK's
//    `PolicyDocument.fromJson`, SDK `PutRolePolicy` documents, inline policies of L1 constructs)
//    and lone statements `{ Effect, Action, Resource }`;
//  - AWS CDK `new iam.PolicyStatement({ actions, resources, effect, conditions, principals, … })`,
//    whose camelCase keys map to the AWS elements (CDK writes Version 2012-10-17 and Effect Allow
//    when not given; https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_iam.PolicyStatementProps.html).
// Values are resolved (constants, templates, spreads of constant arrays); a value that is not a
// literal is `computed`, so fixes leave it alone. A statement whose actions, resources or effect
// cannot be resolved, or that is assembled from spreads, is not analysed: a partial statement
// would make rules report what the missing part may well provide.
import type * as TS from 'typescript';
import type {
  CodeSyntax,
  ConditionElement,
  ConditionKeyNode,
  KeyNode,
  ListElement,
  Policy,
  PrincipalElement,
  PrincipalEntry,
  ScalarElement,
  ScalarNode,
  Statement,
  ValueKind,
} from '../policy/model';
import type { Span } from '../types';
import type { Site } from './module';
import type { Resolver } from './resolve';
import { symbolName, type ObjectValue, type PropertyValue, type Value } from './values';

/** CDK `PolicyStatementProps` keys → AWS statement elements. */
const CDK_TO_AWS: Readonly<Record<string, string>> = {
  sid: 'Sid',
  effect: 'Effect',
  actions: 'Action',
  notActions: 'NotAction',
  resources: 'Resource',
  notResources: 'NotResource',
  principals: 'Principal',
  notPrincipals: 'NotPrincipal',
  conditions: 'Condition',
};

/** AWS statement elements → CDK keys (what fixes write into a CDK statement). */
export const CDK_ELEMENT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CDK_TO_AWS).map(([cdk, aws]) => [aws, cdk]));

/**
 * CDK principal classes and the `Principal` entry each stands for
 * (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_iam-readme.html#principals).
 */
const CDK_PRINCIPALS: Readonly<Record<string, string>> = {
  ServicePrincipal: 'Service',
  ArnPrincipal: 'AWS',
  AccountPrincipal: 'AWS',
  AccountRootPrincipal: 'AWS',
  Role: 'AWS',
  FederatedPrincipal: 'Federated',
  WebIdentityPrincipal: 'Federated',
  OpenIdConnectPrincipal: 'Federated',
  SamlPrincipal: 'Federated',
  CanonicalUserPrincipal: 'CanonicalUser',
  OrganizationPrincipal: 'AWS',
};

/** True for a module that CDK's IAM classes are imported from. */
export function isCdkModule(module: string): boolean {
  return module === 'aws-cdk-lib' || module.startsWith('aws-cdk-lib/') || module.startsWith('@aws-cdk/') || module === 'monocdk' || module.startsWith('monocdk/');
}

const zero = (at: number): Span => ({ start: at, end: at });

function valueKind(v: Value | undefined): ValueKind {
  if (!v) return 'unknown';
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'object':
    case 'array':
      return v.kind;
    default:
      return 'unknown';
  }
}

/** A resolved string that can stand for a policy value: complete, or an ARN whose gaps are `*`. */
function usableString(v: Value): boolean {
  return v.kind === 'string' && (v.complete || v.value.startsWith('arn:'));
}

function scalar(v: Value): ScalarNode | undefined {
  if (v.kind === 'string') return usableString(v) ? { value: v.value, kind: 'string', span: v.span, computed: !v.literal || undefined } : undefined;
  if (v.kind === 'number' || v.kind === 'boolean') return { value: v.value, kind: v.kind, span: v.span, computed: !v.literal || undefined };
  return undefined;
}

function keyOf(p: PropertyValue, name = p.name): KeyNode {
  return { name, span: p.keySpan, propertySpan: p.span };
}

function scalarElement(p: PropertyValue, name?: string): ScalarElement {
  return { key: keyOf(p, name), valueSpan: p.value.span, valueKind: valueKind(p.value), value: scalar(p.value) };
}

/**
 * A list element (Action, Resource, …); undefined when some entry cannot be resolved. Items that
 * are literals of another type are invalid entries, as in JSON.
 */
function listElement(p: PropertyValue, name?: string): ListElement | undefined {
  const v = p.value;
  const el: ListElement = { key: keyOf(p, name), valueSpan: v.span, valueKind: valueKind(v), isArray: v.kind === 'array', entries: [], invalidEntries: [] };
  const items = v.kind === 'array' ? v.items : [v];
  // An array spread from something unknown, or written in another module, cannot be edited or read whole.
  if (v.kind === 'array' && (v.open || !v.home)) return undefined;
  for (const item of items) {
    const s = item.kind === 'string' ? scalar(item) : undefined;
    if (s) el.entries.push(s);
    else if (item.kind === 'number' || item.kind === 'boolean' || item.kind === 'null' || item.kind === 'object' || item.kind === 'array') el.invalidEntries.push(item.span);
    else return undefined;
  }
  return el;
}

/** The strings of a condition value (a string, number, boolean, or an array of them); unresolved parts are left out. */
function scalarsOf(v: Value): ScalarNode[] {
  const items = v.kind === 'array' ? v.items : [v];
  return items.map(scalar).filter((s): s is ScalarNode => !!s);
}

/**
 * Where fixes may insert into an object value: its literal in this file. An object without one
 * (from another module) is read, but reported as `unknown` so that no fix edits it.
 */
function objectPlace(v: Value): { valueSpan: Span; valueKind: ValueKind } {
  if (v.kind === 'object') return v.home ? { valueSpan: v.home, valueKind: 'object' } : { valueSpan: v.span, valueKind: 'unknown' };
  return { valueSpan: v.span, valueKind: valueKind(v) };
}

/** The values of a condition key; undefined when one of them is not a known, complete scalar. */
function conditionValues(v: Value): ScalarNode[] | undefined {
  if (v.kind === 'array' && v.open) return undefined;
  const out: ScalarNode[] = [];
  for (const item of v.kind === 'array' ? v.items : [v]) {
    if (item.kind === 'object' || item.kind === 'array' || item.kind === 'null') continue;
    const s = (item.kind !== 'string' || item.complete) && scalar(item);
    if (!s) return undefined;
    out.push(s);
  }
  return out;
}

/**
 * The Condition element; undefined when a condition value cannot be resolved (`this.account`,
 * `guardrail.guardrailArn`): rules would read a restricting condition as missing or invalid.
 */
function conditionElement(p: PropertyValue, name?: string): ConditionElement | undefined {
  const el: ConditionElement = { key: keyOf(p, name), ...objectPlace(p.value), operators: [] };
  if (p.value.kind !== 'object') return p.value.kind === 'unknown' || p.value.kind === 'reference' || p.value.kind === 'new' ? undefined : el;
  if (p.value.open || p.value.props.some((x) => !x.own)) return undefined;
  for (const op of ownProps(p.value)) {
    const keys: ConditionKeyNode[] = [];
    if (op.value.kind === 'object') {
      if (op.value.open || op.value.props.some((x) => !x.own)) return undefined;
      for (const k of ownProps(op.value)) {
        const values = conditionValues(k.value);
        if (!values) return undefined;
        keys.push({ key: keyOf(k), valueSpan: k.value.span, valueKind: valueKind(k.value), values });
      }
    } else if (op.value.kind === 'unknown' || op.value.kind === 'reference' || op.value.kind === 'new') return undefined;
    el.operators.push({ key: keyOf(op), ...objectPlace(op.value), keys });
  }
  return el;
}

/** The properties written in an object (those that came from spreads are left out). */
function ownProps(obj: ObjectValue): PropertyValue[] {
  return obj.props.filter((p) => p.own);
}

/** `"Principal": {"AWS": …}` or `"*"` written as JSON keys. */
function jsonPrincipal(p: PropertyValue): PrincipalElement {
  const el: PrincipalElement = { key: keyOf(p), ...objectPlace(p.value), entries: [] };
  if (p.value.kind === 'object') for (const e of ownProps(p.value)) el.entries.push({ key: keyOf(e), values: scalarsOf(e.value) });
  else el.scalar = scalar(p.value);
  return el;
}

/** `principals: [new iam.ServicePrincipal('…'), new iam.AnyPrincipal(), …]`. */
function cdkPrincipal(p: PropertyValue, name: string): PrincipalElement {
  const el: PrincipalElement = { key: keyOf(p, name), valueSpan: p.value.span, valueKind: 'object', entries: [] };
  const items = p.value.kind === 'array' ? p.value.items : [];
  for (const item of items) {
    if (item.kind !== 'new') continue;
    const cls = symbolName(item.symbol) ?? item.callee.split('.').pop() ?? '';
    if (cls === 'AnyPrincipal' || cls === 'StarPrincipal') {
      el.scalar = { value: '*', kind: 'string', span: item.span, computed: true };
      continue;
    }
    const type = CDK_PRINCIPALS[cls];
    if (!type) continue;
    const entry: PrincipalEntry = { key: { name: type, span: item.calleeSpan, propertySpan: item.span }, values: [] };
    const first = item.args[0];
    if (first && cls !== 'AccountRootPrincipal' && cls !== 'Role') entry.values = scalarsOf(first).map((s) => ({ ...s, computed: true }));
    el.entries.push(entry);
  }
  return el;
}

/** The Effect of a CDK statement: `iam.Effect.ALLOW`/`DENY` (or the strings they stand for). */
function cdkEffect(p: PropertyValue): ScalarElement | undefined {
  const v = p.value;
  let effect: string | undefined;
  if (v.kind === 'reference' && v.path.length >= 2 && v.path[v.path.length - 2] === 'Effect') effect = { ALLOW: 'Allow', DENY: 'Deny' }[v.path[v.path.length - 1]];
  else if (v.kind === 'string' && v.complete) return scalarElement(p, 'Effect');
  if (!effect) return undefined;
  return { key: keyOf(p, 'Effect'), valueSpan: v.span, valueKind: 'string', value: { value: effect, kind: 'string', span: v.span, computed: true } };
}

/** Builds policies from the code's policy objects and CDK statements. */
export class PolicyBuilder {
  readonly policies: Policy[] = [];
  /** Object literal spans already read as part of a policy (a lone statement inside a document is not read twice). */
  private readonly used = new Set<number>();

  constructor(
    private readonly resolver: Resolver,
    private readonly quote: CodeSyntax['quote'],
  ) {}

  /** Reads the policy documents among the object literals with `Statement`/`Effect` keys. */
  addObjects(sites: readonly Site<TS.ObjectLiteralExpression>[]): void {
    const values = sites.map((s) => this.resolver.value(s.node, s.scope));
    // Documents first: the statements they hold are not read again as lone statements.
    values.forEach((v) => {
      if (v.kind === 'object' && v.props.some((p) => p.own && p.name === 'Statement')) this.document(v);
    });
    values.forEach((v) => {
      if (v.kind === 'object' && v.home && !this.used.has(v.home.start) && v.props.some((p) => p.own && p.name === 'Effect') && v.props.some((p) => p.own && /^(Not)?(Action|Resource|Principal)$/.test(p.name))) {
        const st = this.jsonStatement(v, 0);
        if (st) this.push({ span: v.home, keys: [], statementIsArray: false, statements: [st] });
      }
    });
  }

  /** Reads `new PolicyStatement(props)`. */
  addCdkStatement(props: Value): void {
    if (props.kind !== 'object' || !props.home || props.open || props.props.some((p) => !p.own)) return;
    const home = props.home;
    const st: Statement = { index: 0, span: home, keys: [] };
    for (const p of props.props) {
      const name = CDK_TO_AWS[p.name];
      // Keys CDK does not know are TypeScript errors; only the elements are the policy.
      if (!name) continue;
      st.keys.push(keyOf(p, name));
      if (!this.element(st, p, name, true)) return;
    }
    if (!st.effect) {
      // CDK's default effect is Allow; it is not written, so nothing can point at it but the object.
      const at = zero(home.start + 1);
      st.effect = { key: { name: 'Effect', span: at, propertySpan: at }, valueSpan: at, valueKind: 'string', value: { value: 'Allow', kind: 'string', span: at, computed: true } };
    }
    const at = zero(home.start + 1);
    this.push(
      {
        span: home,
        keys: [],
        version: { key: { name: 'Version', span: at, propertySpan: at }, valueSpan: at, valueKind: 'string', value: { value: '2012-10-17', kind: 'string', span: at, computed: true } },
        statementIsArray: false,
        statements: [st],
      },
      CDK_ELEMENT_NAMES,
    );
  }

  private push(p: Pick<Policy, 'span' | 'keys' | 'statementIsArray' | 'statements'> & Partial<Policy>, elementNames?: Readonly<Record<string, string>>): void {
    const kind = p.statements.some((s) => s.principal || s.notPrincipal) ? 'resource' : 'identity';
    this.policies.push({ dialect: 'typescript', kind, invalidStatements: [], syntaxProblems: [], ...p, syntax: elementNames ? { elementNames, quote: this.quote } : { quote: this.quote } });
    for (const st of p.statements) this.used.add(st.span.start);
  }

  /** `{ Version, Statement }`: only objects written in this file whose members are all plain properties. */
  private document(v: ObjectValue): void {
    if (!v.home || v.open || v.props.some((p) => !p.own)) return;
    const policy: Partial<Policy> & Pick<Policy, 'span' | 'keys' | 'statementIsArray' | 'statements'> = { span: v.home, keys: [], statementIsArray: false, statements: [] };
    const invalid: Span[] = [];
    for (const p of v.props) {
      policy.keys.push(keyOf(p));
      if (p.name === 'Version') policy.version = scalarElement(p);
      else if (p.name === 'Id') policy.id = scalarElement(p);
      else if (p.name === 'Statement') {
        policy.statementKey = keyOf(p);
        policy.statementValueSpan = p.value.span;
        const sv = p.value;
        if (sv.kind === 'array') {
          if (sv.open) return;
          policy.statementIsArray = true;
          for (const item of sv.items) {
            if (item.kind !== 'object') {
              if (item.kind === 'string' || item.kind === 'number' || item.kind === 'boolean' || item.kind === 'null' || item.kind === 'array') invalid.push(item.span);
              else return;
              continue;
            }
            const st = this.jsonStatement(item, policy.statements.length);
            if (!st) return;
            policy.statements.push(st);
          }
        } else if (sv.kind === 'object') {
          const st = this.jsonStatement(sv, 0);
          if (!st) return;
          policy.statements.push(st);
        } else if (sv.kind !== 'string' && sv.kind !== 'number' && sv.kind !== 'boolean' && sv.kind !== 'null') return;
      }
    }
    this.used.add(v.home.start);
    this.push({ ...policy, invalidStatements: invalid });
  }

  /** A statement written with AWS's keys; undefined when it cannot be read completely. */
  private jsonStatement(v: ObjectValue, index: number): Statement | undefined {
    if (!v.home || v.open || v.props.some((p) => !p.own)) return undefined;
    const st: Statement = { index, span: v.home, keys: [] };
    for (const p of v.props) {
      st.keys.push(keyOf(p));
      if (!this.element(st, p, p.name, false)) return undefined;
    }
    this.used.add(v.home.start);
    return st;
  }

  /** Sets one element of a statement; false when a value the rules depend on cannot be resolved. */
  private element(st: Statement, p: PropertyValue, name: string, cdk: boolean): boolean {
    switch (name) {
      case 'Sid':
        st.sid = scalarElement(p, name);
        return true;
      case 'Effect': {
        const el = cdk ? cdkEffect(p) : scalarElement(p, name);
        if (!el || (el.valueKind === 'unknown' && !el.value)) return false;
        st.effect = el;
        return true;
      }
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource': {
        const el = listElement(p, name);
        if (!el || el.valueKind === 'unknown') return false;
        const field = ({ Action: 'action', NotAction: 'notAction', Resource: 'resource', NotResource: 'notResource' } as const)[name];
        st[field] = el;
        return true;
      }
      case 'Principal':
      case 'NotPrincipal':
        st[name === 'Principal' ? 'principal' : 'notPrincipal'] = cdk ? cdkPrincipal(p, name) : jsonPrincipal(p);
        return true;
      case 'Condition': {
        const el = conditionElement(p, name);
        if (!el) return false;
        st.condition = el;
        return true;
      }
      default:
        return true;
    }
  }
}
