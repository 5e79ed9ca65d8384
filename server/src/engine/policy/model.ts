// The policy model: every element of an IAM policy or SCP with the exact source span it came
// from. Parsers (JSON today, TypeScript object literals later) build it; rules read only it.
import type { Span } from '../types';

/** Which kind of policy a document is; decides which rules apply. */
export type PolicyKind = 'identity' | 'resource' | 'scp';

/** The source language of the policy; fixes use it to write keys and strings correctly. */
export type PolicyDialect = 'json' | 'typescript';

/** A property key as written, e.g. `"Resources"`. */
export interface KeyNode {
  /** The key's text without quotes. */
  name: string;
  /** Span of the key literal (including quotes). */
  span: Span;
  /** Span of the whole property, key through value. */
  propertySpan: Span;
}

/** A JSON value's kind as written in the source. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'unknown';

/** A scalar value (string, number or boolean) with its span. */
export interface ScalarNode {
  /** The value as a string (`true`, `42`, or the string's content). */
  value: string;
  kind: ValueKind;
  /** Span of the literal (including quotes for strings). */
  span: Span;
  /**
   * True when the value was not a plain literal in the source (a TypeScript expression that was
   * resolved, or could not be): rules should not suggest text edits to it.
   */
  computed?: boolean;
}

/** An element whose value is one string or an array of strings (Action, Resource, …). */
export interface ListElement {
  key: KeyNode;
  /** Span of the value (the string, or the whole array). */
  valueSpan: Span;
  valueKind: ValueKind;
  isArray: boolean;
  /** The string entries, in order. */
  entries: ScalarNode[];
  /** Entries that are not strings (a policy error). */
  invalidEntries: Span[];
}

/** A single-valued element (Version, Sid, Effect). */
export interface ScalarElement {
  key: KeyNode;
  valueSpan: Span;
  valueKind: ValueKind;
  /** Present when the value is a scalar. */
  value?: ScalarNode;
}

/** One `"AWS": [...]`, `"Service": "..."` entry of a Principal. */
export interface PrincipalEntry {
  key: KeyNode;
  values: ScalarNode[];
}

/** `Principal` / `NotPrincipal`: `"*"` or a map of principal types to values. */
export interface PrincipalElement {
  key: KeyNode;
  valueSpan: Span;
  valueKind: ValueKind;
  /** Set when the value is the string `"*"` (or another string, which is invalid). */
  scalar?: ScalarNode;
  entries: PrincipalEntry[];
}

/** `"aws:SourceAccount": ["111122223333"]` inside a condition operator. */
export interface ConditionKeyNode {
  key: KeyNode;
  valueSpan: Span;
  valueKind: ValueKind;
  values: ScalarNode[];
}

/** `"StringEquals": { ... }` inside a Condition block. */
export interface ConditionOperatorNode {
  key: KeyNode;
  valueSpan: Span;
  valueKind: ValueKind;
  keys: ConditionKeyNode[];
}

export interface ConditionElement {
  key: KeyNode;
  valueSpan: Span;
  valueKind: ValueKind;
  operators: ConditionOperatorNode[];
}

export interface Statement {
  index: number;
  /** Span of the statement object. */
  span: Span;
  /** Every property of the statement object, in source order (known or not). */
  keys: KeyNode[];
  sid?: ScalarElement;
  effect?: ScalarElement;
  action?: ListElement;
  notAction?: ListElement;
  resource?: ListElement;
  notResource?: ListElement;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  condition?: ConditionElement;
}

/** A syntax problem that stopped part of the policy from being read. */
export interface SyntaxProblem {
  message: string;
  span: Span;
}

/** How a policy written in code spells what fixes write into it. */
export interface CodeSyntax {
  /**
   * Keys of statement elements, by AWS element name, where the source spells them differently
   * (an AWS CDK `PolicyStatement` says `actions`, `resources`, `conditions`, …). Key nodes of the
   * model always carry the AWS name; fixes write new keys through this map.
   */
  elementNames?: Readonly<Record<string, string>>;
  /** The quote character of the file's string literals. */
  quote: "'" | '"';
}

export interface Policy {
  dialect: PolicyDialect;
  /** For policies written in code: how fixes must spell keys and strings. */
  syntax?: CodeSyntax;
  kind: PolicyKind;
  /** Span of the policy object (for a CDK `PolicyStatement`, of its properties object). */
  span: Span;
  /** Every top-level property, in source order. */
  keys: KeyNode[];
  version?: ScalarElement;
  id?: ScalarElement;
  /**
   * The `Statement` property; its value may be an object or an array of objects. Absent for a
   * CDK `PolicyStatement`, which stands alone: no statement can be added next to it.
   */
  statementKey?: KeyNode;
  statementValueSpan?: Span;
  statementIsArray: boolean;
  statements: Statement[];
  /** Items of the Statement array that are not objects (a policy error). */
  invalidStatements: Span[];
  syntaxProblems: SyntaxProblem[];
  /**
   * For policies written in code: the model and inference profile ids the same file names
   * (`modelId: 'us.anthropic.…'`), so that fixes can write their exact ARNs.
   */
  invokedModels?: string[];
  /**
   * Length of the policy as AWS counts it for quotas (JSON without insignificant whitespace).
   * Undefined for policies not written as JSON text.
   */
  compactLength?: number;
}

/** The statement elements AWS defines, with the spelling AWS requires. */
export const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'] as const;

/** The top-level policy elements AWS defines. */
export const POLICY_KEYS = ['Version', 'Id', 'Statement'] as const;

/** Every string entry of Action and NotAction, with which element it came from. */
export function actionEntries(st: Statement): ScalarNode[] {
  return st.action ? st.action.entries : [];
}

/** True when any condition operator of the statement tests `key` (case-insensitive). */
export function statementHasConditionKey(st: Statement, key: string): boolean {
  const k = key.toLowerCase();
  return !!st.condition?.operators.some((op) => op.keys.some((ck) => ck.key.name.toLowerCase() === k));
}
