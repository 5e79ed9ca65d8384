// What an expression of the analysed file evaluates to, as far as syntax alone can tell: strings
// (literals, constants, simple templates), objects with their properties (through spreads and
// shorthand properties), arrays, constructions (`new X(...)`), references that stay unknown
// (`process.env.X`, `props.arn`, enum members), and nothing more. Every value carries a span in
// the analysed file: where it is written, or the place in the file that led to it (a value found
// in an imported module points at the import's use).
import type { Span } from '../types';

/** An imported name: the module specifier and the property path from the module's exports. */
export interface SymbolRef {
  module: string;
  /** `['ConverseCommand']`, `['aws_iam', 'PolicyStatement']`, `['Effect', 'DENY']`, `[]` for the module itself. */
  path: string[];
}

interface Base {
  /**
   * Where the value is used: the expression in the analysed file that evaluates to it (an
   * identifier for a constant, a call for a helper's result), or the use of an import that led
   * to another module.
   */
  span: Span;
  /** True when the expression at `span` is itself a literal of this kind. */
  literal: boolean;
  /**
   * Where the value is written as a literal in the analysed file (the same as `span` for
   * literals; the constant's initializer for a constant). Undefined for values composed from
   * parts (templates, concatenations) or found in another module: fixes never edit those.
   */
  home?: Span;
}

export interface StringValue extends Base {
  kind: 'string';
  value: string;
  /** False when parts of a template could not be resolved (they are `*` in `value`). */
  complete: boolean;
}

export interface ScalarValue extends Base {
  kind: 'number' | 'boolean' | 'null';
  /** The value as text (`42`, `true`, `null`). */
  value: string;
}

/** One property of an object value. */
export interface PropertyValue {
  name: string;
  /** Span of the key as written (the spread for properties that came from a spread). */
  keySpan: Span;
  /** Span of the whole property (key through value), or of the spread it came from. */
  span: Span;
  /** The property's value; its `span` is the value as written in the property. */
  value: Value;
  /** True when the property is written in this object literal (not brought in by a spread). */
  own: boolean;
  /** True when the property is only present on some paths (`...(cond ? { a } : {})`). */
  conditional: boolean;
}

/** A member of an object literal as written: a property, method, accessor or spread. */
export interface MemberSpan {
  /** The member's name, `...` for spreads. */
  name: string;
  keySpan: Span;
  span: Span;
}

export interface ObjectValue extends Base {
  kind: 'object';
  props: PropertyValue[];
  /** True when the object may have properties not listed (an unresolved spread or computed key). */
  open: boolean;
  /** The members as written at `home`, in order (for inserting a property); empty without `home`. */
  members: MemberSpan[];
}

export interface ArrayValue extends Base {
  kind: 'array';
  items: Value[];
  /** True when the array may have items not listed (an unresolved spread). */
  open: boolean;
}

/** `new X(args)`. */
export interface NewValue extends Base {
  kind: 'new';
  /** What `X` is, when it is an imported name. */
  symbol?: SymbolRef;
  /** `X` as written, e.g. `iam.ServicePrincipal`. */
  callee: string;
  args: Value[];
  /** Span of `X`. */
  calleeSpan: Span;
}

/** A name or property path whose value is not known (`process.env.X`, `props.arn`, `iam.Effect.DENY`). */
export interface ReferenceValue extends Base {
  kind: 'reference';
  /** The path as written, e.g. `['process', 'env', 'X']`. */
  path: string[];
  /** What the path names when it starts at an imported name. */
  symbol?: SymbolRef;
}

/** A value syntax cannot tell anything about (a call, an operator, a parameter, …). */
export interface UnknownValue extends Base {
  kind: 'unknown';
}

export type Value = StringValue | ScalarValue | ObjectValue | ArrayValue | NewValue | ReferenceValue | UnknownValue;

/** The last property named `name` (the one that wins at run time), if any. */
export function prop(obj: ObjectValue, name: string): PropertyValue | undefined {
  for (let i = obj.props.length - 1; i >= 0; i--) if (obj.props[i].name === name) return obj.props[i];
  return undefined;
}

/** The property value `name` of `v` when `v` is an object that has it. */
export function propValue(v: Value | undefined, name: string): Value | undefined {
  return v?.kind === 'object' ? prop(v, name)?.value : undefined;
}

/** The string of a value when it is one whose every part is known. */
export function stringOf(v: Value | undefined): string | undefined {
  return v?.kind === 'string' && v.complete ? v.value : undefined;
}

/** The last element of a symbol's path (`PolicyStatement` for `aws_iam.PolicyStatement`). */
export function symbolName(s: SymbolRef | undefined): string | undefined {
  return s && s.path.length > 0 ? s.path[s.path.length - 1] : undefined;
}
