// Evaluates expressions of a parsed file to `Value`s from syntax alone: literals, `const`
// bindings in scope (also destructured ones and `require()`d modules), spreads and shorthand
// properties, template literals and `+` of known strings, and calls of functions whose result is
// an object literal — in the same file, or exported by a module the file imports relatively (one
// level deep: imports of that module are not followed). Parameters of a followed function are
// bound to the call's arguments. Anything else is `unknown`, never a guess.
import type * as TS from 'typescript';
import type { Span } from '../types';
import { propertyNameText, requiredModule, type Binding, type ParsedModule, type Scope } from './module';
import { typescript } from './typescript';
import type { ArrayValue, MemberSpan, ObjectValue, PropertyValue, ReferenceValue, SymbolRef, Value } from './values';

/**
 * Finds the modules that relative imports name. Front ends implement it (the CLI from disk, the
 * language server from its index of workspace modules and open documents); the engine does no
 * I/O of its own.
 */
export interface ModuleResolver {
  /** The module `specifier` (relative, e.g. `./input`) names from the file at `fromPath`, parsed with `parseModule`. */
  resolve(fromPath: string, specifier: string): ParsedModule | undefined;
}

/** How many constants, calls and imports one evaluation may go through. */
const MAX_DEPTH = 12;

/** Object and array nesting evaluated at most (deeper parts are unknown). */
const MAX_NESTING = 24;

interface Argument {
  expr: TS.Expression;
  frame: Frame;
}

/** Where an expression is evaluated. */
interface Frame {
  mod: ParsedModule;
  scope: Scope;
  /** True in the analysed file; false in an imported module. */
  local: boolean;
  /** In an imported module: the span in the analysed file that led there. */
  anchor?: Span;
  /** Parameters of followed functions, bound to the arguments of the call. */
  params?: Map<TS.Node, Argument>;
  depth: number;
  nesting: number;
}

/** The single return of each function looked at (null: none, or several), by function node. */
const singleReturns = new WeakMap<TS.Node, { expr: TS.Expression; scope: Scope } | null>();

let cachedKinds: Set<number> | undefined;

/** The expression kinds whose values the resolver caches. */
function cachedKindsOf(ts: typeof TS): Set<number> {
  const k = ts.SyntaxKind;
  return (cachedKinds ??= new Set([k.Identifier, k.CallExpression, k.PropertyAccessExpression, k.ElementAccessExpression, k.ObjectLiteralExpression, k.ArrayLiteralExpression, k.NewExpression]));
}

/** True for a specifier of a module of the workspace (`./x`, `../x`). */
export function isRelativeSpecifier(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../');
}

/** Evaluates expressions of one analysed file. */
export class Resolver {
  private readonly ts = typescript();
  private readonly cache = new Map<TS.Node, Value>();

  constructor(
    readonly mod: ParsedModule,
    private readonly modules?: ModuleResolver,
  ) {}

  /** The span of a node of the analysed file. */
  spanOf(node: TS.Node): Span {
    return { start: node.getStart(this.mod.sourceFile), end: node.end };
  }

  /** The value of an expression of the analysed file, evaluated in `scope`. */
  value(expr: TS.Expression, scope: Scope): Value {
    return this.eval(expr, this.frame(scope));
  }

  /** What an expression names when it is an imported name or a property path from one. */
  symbolOf(expr: TS.Expression, scope: Scope): SymbolRef | undefined {
    const v = this.eval(expr, this.frame(scope));
    return v.kind === 'reference' ? v.symbol : undefined;
  }

  /** What a type annotation names when it is an imported type (`BedrockRuntime`, `br.BedrockRuntime`). */
  symbolOfType(type: TS.TypeNode | undefined, scope: Scope): SymbolRef | undefined {
    const ts = this.ts;
    if (!type || !ts.isTypeReferenceNode(type)) return undefined;
    const parts: string[] = [];
    let n: TS.EntityName = type.typeName;
    while (ts.isQualifiedName(n)) {
      parts.unshift(n.right.text);
      n = n.left;
    }
    const b = scope.lookup(n.text);
    if (b?.kind !== 'import' || !b.module) return undefined;
    return { module: b.module, path: [...(b.imported === '*' ? [] : [b.imported ?? n.text]), ...parts] };
  }

  /** The binding a name has in `scope` (for callers that look at declarations themselves). */
  binding(name: string, scope: Scope): Binding | undefined {
    return scope.lookup(name);
  }

  private frame(scope: Scope): Frame {
    return { mod: this.mod, scope, local: true, depth: 0, nesting: 0 };
  }

  private span(node: TS.Node, f: Frame): Span {
    if (!f.local && f.anchor) return f.anchor;
    return { start: node.getStart(f.mod.sourceFile), end: node.end };
  }

  private unknown(node: TS.Node, f: Frame): Value {
    return { kind: 'unknown', span: this.span(node, f), literal: false };
  }

  /** A value reached through `node` (an identifier, a call): the same value, used at `node`. */
  private usedAt(v: Value, node: TS.Node, f: Frame): Value {
    return { ...v, span: this.span(node, f), literal: false } as Value;
  }

  private eval(expr: TS.Expression, f: Frame): Value {
    // Only what resolution goes through is remembered (names, calls, member accesses, object and
    // array literals); literals are cheaper to build again than to keep.
    const cacheable = f.local && !f.params && cachedKindsOf(this.ts).has(expr.kind);
    if (cacheable) {
      const hit = this.cache.get(expr);
      if (hit) return hit;
    }
    const v = this.evalUncached(expr, f);
    if (cacheable) this.cache.set(expr, v);
    return v;
  }

  private evalUncached(expr: TS.Expression, f: Frame): Value {
    const ts = this.ts;
    const e = expr;
    switch (e.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.NonNullExpression:
        return this.usedAt(this.eval((e as TS.ParenthesizedExpression).expression, f), e, f);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral: {
        const span = this.span(e, f);
        return { kind: 'string', value: (e as TS.StringLiteral).text, span, literal: f.local, complete: true, home: f.local ? span : undefined };
      }
      case ts.SyntaxKind.NumericLiteral: {
        const span = this.span(e, f);
        return { kind: 'number', value: (e as TS.NumericLiteral).text, span, literal: f.local, home: f.local ? span : undefined };
      }
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword: {
        const span = this.span(e, f);
        return { kind: 'boolean', value: e.kind === ts.SyntaxKind.TrueKeyword ? 'true' : 'false', span, literal: f.local, home: f.local ? span : undefined };
      }
      case ts.SyntaxKind.NullKeyword: {
        const span = this.span(e, f);
        return { kind: 'null', value: 'null', span, literal: f.local, home: f.local ? span : undefined };
      }
      case ts.SyntaxKind.TemplateExpression:
        return this.template(e as TS.TemplateExpression, f);
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(e as TS.BinaryExpression, f);
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.object(e as TS.ObjectLiteralExpression, f);
      case ts.SyntaxKind.ArrayLiteralExpression:
        return this.array(e as TS.ArrayLiteralExpression, f);
      case ts.SyntaxKind.Identifier:
        return this.identifier(e as TS.Identifier, f);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.member(e as TS.PropertyAccessExpression, (e as TS.PropertyAccessExpression).expression, (e as TS.PropertyAccessExpression).name.text, f);
      case ts.SyntaxKind.ElementAccessExpression: {
        const ea = e as TS.ElementAccessExpression;
        const key = ts.isStringLiteral(ea.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(ea.argumentExpression) || ts.isNumericLiteral(ea.argumentExpression) ? ea.argumentExpression.text : undefined;
        return key === undefined ? this.unknown(e, f) : this.member(ea, ea.expression, key, f);
      }
      case ts.SyntaxKind.CallExpression:
        return this.call(e as TS.CallExpression, f);
      case ts.SyntaxKind.NewExpression: {
        const ne = e as TS.NewExpression;
        const callee = this.eval(ne.expression, f);
        const args = f.nesting < MAX_NESTING ? (ne.arguments ?? []).map((a) => this.eval(a, { ...f, nesting: f.nesting + 1 })) : [];
        return {
          kind: 'new',
          symbol: callee.kind === 'reference' ? callee.symbol : undefined,
          callee: ne.expression.getText(f.mod.sourceFile),
          args,
          span: this.span(e, f),
          calleeSpan: this.span(ne.expression, f),
          literal: false,
        };
      }
      default:
        return this.unknown(e, f);
    }
  }

  private template(e: TS.TemplateExpression, f: Frame): Value {
    let value = e.head.text;
    let complete = true;
    for (const s of e.templateSpans) {
      const v = f.depth < MAX_DEPTH ? this.eval(s.expression, { ...f, depth: f.depth + 1 }) : undefined;
      if (v && (v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean') && (v.kind !== 'string' || v.complete)) value += v.value;
      else {
        value += '*';
        complete = false;
      }
      value += s.literal.text;
    }
    return { kind: 'string', value, span: this.span(e, f), literal: false, complete };
  }

  private binary(e: TS.BinaryExpression, f: Frame): Value {
    if (e.operatorToken.kind !== this.ts.SyntaxKind.PlusToken || f.depth >= MAX_DEPTH) return this.unknown(e, f);
    const next = { ...f, depth: f.depth + 1 };
    const l = this.eval(e.left, next);
    const r = this.eval(e.right, next);
    const text = (v: Value) => (v.kind === 'string' || v.kind === 'number' ? v.value : undefined);
    const lt = text(l);
    const rt = text(r);
    if (lt === undefined || rt === undefined || (l.kind !== 'string' && r.kind !== 'string')) return this.unknown(e, f);
    const complete = (l.kind !== 'string' || l.complete) && (r.kind !== 'string' || r.complete);
    return { kind: 'string', value: lt + rt, span: this.span(e, f), literal: false, complete };
  }

  private object(e: TS.ObjectLiteralExpression, f: Frame): Value {
    const ts = this.ts;
    const span = this.span(e, f);
    if (f.nesting >= MAX_NESTING) return { kind: 'object', props: [], open: true, members: [], span, literal: false };
    const inner = { ...f, nesting: f.nesting + 1 };
    const props: PropertyValue[] = [];
    const members: MemberSpan[] = [];
    let open = false;
    for (const p of e.properties) {
      const pSpan = this.span(p, f);
      if (ts.isSpreadAssignment(p)) {
        members.push({ name: '...', keySpan: pSpan, span: pSpan });
        open = this.spread(p.expression, pSpan, false, props, inner) || open;
        continue;
      }
      const name = propertyNameText(ts, p.name) ?? this.computedName(p.name, inner);
      if (name === undefined) {
        open = true;
        continue;
      }
      const keySpan = this.span(p.name!, f);
      members.push({ name, keySpan, span: pSpan });
      let value: Value;
      if (ts.isPropertyAssignment(p)) value = this.eval(p.initializer, inner);
      else if (ts.isShorthandPropertyAssignment(p)) value = this.eval(p.name, inner);
      else value = { kind: 'unknown', span: pSpan, literal: false };
      props.push({ name, keySpan, span: pSpan, value, own: true, conditional: false });
    }
    return { kind: 'object', props, open, members: f.local ? members : [], span, literal: f.local, home: f.local ? span : undefined };
  }

  /** A computed key that evaluates to a known string (`[KEY]: v`). */
  private computedName(name: TS.PropertyName | undefined, f: Frame): string | undefined {
    if (!name || !this.ts.isComputedPropertyName(name)) return undefined;
    const v = this.eval(name.expression, f);
    return v.kind === 'string' && v.complete ? v.value : undefined;
  }

  /**
   * Adds the properties a spread brings in; returns true when it may bring in properties that
   * cannot be listed. Both branches of `cond ? {…} : {…}` and the right side of `cond && {…}` count,
   * as conditional properties.
   */
  private spread(expr: TS.Expression, at: Span, conditional: boolean, props: PropertyValue[], f: Frame): boolean {
    const ts = this.ts;
    let e = expr;
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    if (ts.isConditionalExpression(e)) {
      const a = this.spread(e.whenTrue, at, true, props, f);
      const b = this.spread(e.whenFalse, at, true, props, f);
      return a || b;
    }
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      const left = e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? false : this.spread(e.left, at, true, props, f);
      return this.spread(e.right, at, true, props, f) || left;
    }
    const v = this.eval(e, f);
    if (v.kind === 'object') {
      for (const p of v.props) props.push({ ...p, keySpan: at, span: at, own: false, conditional: conditional || p.conditional });
      return v.open;
    }
    // Spreading nothing (undefined, null, false, '') adds nothing.
    if (v.kind === 'null' || v.kind === 'boolean' || (v.kind === 'string' && v.value === '')) return false;
    if (v.kind === 'reference' && v.path.length === 1 && v.path[0] === 'undefined') return false;
    return true;
  }

  private array(e: TS.ArrayLiteralExpression, f: Frame): ArrayValue {
    const ts = this.ts;
    const span = this.span(e, f);
    if (f.nesting >= MAX_NESTING) return { kind: 'array', items: [], open: true, span, literal: false };
    const inner = { ...f, nesting: f.nesting + 1 };
    const items: Value[] = [];
    let open = false;
    for (const el of e.elements) {
      if (ts.isSpreadElement(el)) {
        const v = this.eval(el.expression, inner);
        if (v.kind === 'array') {
          for (const item of v.items) items.push(this.usedAt(item, el, inner));
          open = open || v.open;
        } else open = true;
        continue;
      }
      if (ts.isOmittedExpression(el)) continue;
      items.push(this.eval(el, inner));
    }
    return { kind: 'array', items, open, span, literal: f.local, home: f.local ? span : undefined };
  }

  private reference(node: TS.Node, path: string[], symbol: SymbolRef | undefined, f: Frame): ReferenceValue {
    return { kind: 'reference', path, symbol, span: this.span(node, f), literal: false };
  }

  private identifier(id: TS.Identifier, f: Frame): Value {
    const name = id.text;
    const b = f.scope.lookup(name);
    if (!b) return this.reference(id, [name], undefined, f);
    return this.usedAt(this.bindingValue(b, id, f), id, f);
  }

  /** The value a binding holds, evaluated where it was declared. */
  private bindingValue(b: Binding, at: TS.Node, f: Frame): Value {
    if (f.depth >= MAX_DEPTH) return this.unknown(at, f);
    const next: Frame = { ...f, scope: b.scope, depth: f.depth + 1 };
    let base: Value;
    if (b.kind === 'param') {
      const arg = f.params?.get(b.node);
      if (!arg) return this.reference(at, [b.name], undefined, f);
      base = this.eval(arg.expr, { ...arg.frame, depth: f.depth + 1 });
    } else if (b.kind === 'import') {
      return this.importValue(b, at, f);
    } else if (b.kind === 'const' && b.init) {
      base = this.eval(b.init, next);
    } else return this.reference(at, [b.name], undefined, f);
    return b.path ? this.navigate(base, b.path, at, f) : base;
  }

  /** `base.p1.p2…` for a destructured binding. */
  private navigate(base: Value, path: string[], at: TS.Node, f: Frame): Value {
    let v = base;
    for (const key of path) {
      if (v.kind === 'object') {
        const p = v.props.filter((x) => x.name === key).pop();
        if (!p) return this.unknown(at, f);
        v = p.value;
      } else if (v.kind === 'array' && /^\d+$/.test(key)) {
        const item = v.items[Number(key)];
        if (!item) return this.unknown(at, f);
        v = item;
      } else if (v.kind === 'reference') {
        v = { ...v, path: [...v.path, key], symbol: v.symbol ? { module: v.symbol.module, path: [...v.symbol.path, key] } : undefined };
      } else return this.unknown(at, f);
    }
    return v;
  }

  private importValue(b: Binding, at: TS.Node, f: Frame): Value {
    const module = b.module ?? '';
    const symbol: SymbolRef = { module, path: b.imported === '*' ? [] : [b.imported ?? b.name] };
    if (b.imported === '*' || !this.canFollow(module, f)) return this.reference(at, [b.name], symbol, f);
    const ext = this.external(module, f);
    const exp = ext?.exports.get(b.imported ?? b.name);
    if (!ext || !exp) return this.reference(at, [b.name], symbol, f);
    return this.exportValue(ext, exp, at, f);
  }

  private canFollow(module: string, f: Frame): boolean {
    return f.local && !!this.modules && !!this.mod.path && isRelativeSpecifier(module);
  }

  private external(module: string, f: Frame): ParsedModule | undefined {
    if (!this.canFollow(module, f)) return undefined;
    try {
      return this.modules!.resolve(this.mod.path!, module);
    } catch {
      return undefined;
    }
  }

  /** Evaluates an export of another module, anchored at the use `at` in the analysed file. */
  private exportValue(ext: ParsedModule, exp: { binding?: Binding; expr?: TS.Expression; scope: Scope }, at: TS.Node, f: Frame): Value {
    const frame: Frame = { mod: ext, scope: exp.scope, local: false, anchor: this.span(at, f), depth: f.depth + 1, nesting: f.nesting };
    if (exp.binding) return this.bindingValue(exp.binding, at, frame);
    if (exp.expr) return this.eval(exp.expr, frame);
    return this.unknown(at, f);
  }

  /** `obj.name` and `obj['name']`. */
  private member(e: TS.Expression, objExpr: TS.Expression, name: string, f: Frame): Value {
    const ts = this.ts;
    // `ns.x` of `import * as ns from './relative'`: the module's export.
    if (ts.isIdentifier(objExpr)) {
      const b = f.scope.lookup(objExpr.text);
      if (b?.kind === 'import' && b.imported === '*' && b.module && this.canFollow(b.module, f)) {
        const ext = this.external(b.module, f);
        const exp = ext?.exports.get(name);
        if (ext && exp) return this.usedAt(this.exportValue(ext, exp, e, f), e, f);
      }
    }
    const obj = this.eval(objExpr, f);
    if (obj.kind === 'object') {
      const p = obj.props.filter((x) => x.name === name).pop();
      return p ? this.usedAt(p.value, e, f) : this.unknown(e, f);
    }
    if (obj.kind === 'reference') {
      return this.reference(e, [...obj.path, name], obj.symbol ? { module: obj.symbol.module, path: [...obj.symbol.path, name] } : undefined, f);
    }
    return this.unknown(e, f);
  }

  /** A call: `require()`, or a function whose result can be evaluated. */
  private call(e: TS.CallExpression, f: Frame): Value {
    const ts = this.ts;
    const mod = requiredModule(ts, e);
    if (mod !== undefined) return this.reference(e, ['require'], { module: mod, path: [] }, f);
    if (f.depth >= MAX_DEPTH) return this.unknown(e, f);
    const target = this.functionOf(e.expression, f);
    if (!target) return this.unknown(e, f);
    const { fn, frame } = target;
    const params = new Map(f.params ?? []);
    fn.parameters.forEach((p, i) => {
      const arg = e.arguments[i];
      if (arg && !ts.isSpreadElement(arg) && !p.dotDotDotToken && !e.arguments.slice(0, i).some((a) => ts.isSpreadElement(a))) params.set(p, { expr: arg, frame: f });
    });
    const results = this.returned(fn, { ...frame, params, depth: frame.depth + 1 });
    if (results.length !== 1) return this.unknown(e, f);
    return this.usedAt(results[0], e, f);
  }

  /** The function a callee names: a declaration, a `const` bound to a function, or an import of one. */
  private functionOf(callee: TS.Expression, f: Frame): { fn: TS.FunctionLikeDeclaration; frame: Frame } | undefined {
    const ts = this.ts;
    let c = callee;
    while (ts.isParenthesizedExpression(c) || ts.isNonNullExpression(c)) c = c.expression;
    let b: Binding | undefined;
    let frame = f;
    if (ts.isIdentifier(c)) b = f.scope.lookup(c.text);
    else if (ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression)) {
      const ns = f.scope.lookup(c.expression.text);
      if (ns?.kind !== 'import' || ns.imported !== '*' || !ns.module) return undefined;
      const ext = this.external(ns.module, f);
      const exp = ext?.exports.get(c.name.text);
      if (!ext || !exp) return undefined;
      frame = { mod: ext, scope: exp.scope, local: false, anchor: this.span(callee, f), depth: f.depth + 1, nesting: f.nesting };
      if (exp.binding) b = exp.binding;
      else if (exp.expr) return this.functionExpr(exp.expr, frame);
    }
    for (let hops = 0; b && hops < MAX_DEPTH; hops++) {
      if (b.kind === 'function' && ts.isFunctionDeclaration(b.node)) return { fn: b.node, frame: { ...frame, scope: b.scope } };
      if (b.kind === 'const' && b.init && !b.path) {
        const direct = this.functionExpr(b.init, { ...frame, scope: b.scope });
        if (direct) return direct;
        let init = b.init;
        while (ts.isParenthesizedExpression(init)) init = init.expression;
        if (!ts.isIdentifier(init)) return undefined;
        b = b.scope.lookup(init.text);
        continue;
      }
      if (b.kind === 'import' && b.module && b.imported !== '*') {
        const ext = this.external(b.module, frame);
        const exp = ext?.exports.get(b.imported ?? b.name);
        if (!ext || !exp) return undefined;
        frame = { mod: ext, scope: exp.scope, local: false, anchor: this.span(callee, f), depth: frame.depth + 1, nesting: frame.nesting };
        if (exp.expr) return this.functionExpr(exp.expr, frame);
        b = exp.binding;
        continue;
      }
      return undefined;
    }
    return undefined;
  }

  private functionExpr(expr: TS.Expression, frame: Frame): { fn: TS.FunctionLikeDeclaration; frame: Frame } | undefined {
    const ts = this.ts;
    let e = expr;
    while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    return ts.isArrowFunction(e) || ts.isFunctionExpression(e) ? { fn: e, frame } : undefined;
  }

  /** The value a function returns: its expression body, or its one `return <expr>` (outside nested functions). */
  private returned(fn: TS.FunctionLikeDeclaration, frame: Frame): Value[] {
    const ret = this.singleReturn(fn, frame.mod, frame.scope);
    return ret ? [this.eval(ret.expr, { ...frame, scope: ret.scope })] : [];
  }

  /** The expression a function returns and the scope it is in, when there is exactly one (memoised per function). */
  private singleReturn(fn: TS.FunctionLikeDeclaration, mod: ParsedModule, fallback: Scope): { expr: TS.Expression; scope: Scope } | undefined {
    const known = singleReturns.get(fn);
    if (known !== undefined) return known ?? undefined;
    const ts = this.ts;
    const fnScope = mod.scopes.get(fn) ?? fallback;
    const body = fn.body;
    let found: { expr: TS.Expression; scope: Scope } | null = null;
    if (body && !ts.isBlock(body)) found = { expr: body, scope: fnScope };
    else if (body) {
      let returns = 0;
      const visit = (node: TS.Node, scope: Scope): void => {
        if (returns > 1 || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        const here = mod.scopes.get(node) ?? scope;
        if (ts.isReturnStatement(node)) {
          returns++;
          if (node.expression && returns === 1) found = { expr: node.expression, scope: here };
          return;
        }
        ts.forEachChild(node, (child) => {
          visit(child, here);
        });
      };
      visit(body, fnScope);
      if (returns !== 1) found = null;
    }
    singleReturns.set(fn, found);
    return found ?? undefined;
  }
}
