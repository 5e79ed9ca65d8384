// One parse and one walk of a TypeScript or JavaScript file: its lexical scopes and the names
// they bind (variables, functions, classes, parameters, imports and require() calls), what the
// module exports, and the nodes the code rules look at (constructions, method calls, object
// literals that look like IAM policies, assignments to the bearer-token variable, string
// literals that look like secrets or model ids). Nothing is resolved here; see resolve.ts.
import type * as TS from 'typescript';
import { ACCESS_KEY_ID, type CodeLanguage } from './languages';
import { typescript } from './typescript';

/** What a name is bound to. */
export interface Binding {
  kind: 'const' | 'let' | 'var' | 'function' | 'class' | 'param' | 'import';
  name: string;
  /** The declaration: a variable, function, class, parameter or import specifier. */
  node: TS.Node;
  /** The scope the declaration's initializer is evaluated in. */
  scope: Scope;
  /** The initializer of a variable (`const x = <init>`). */
  init?: TS.Expression;
  /** For destructuring: the property names from the initializer to the bound value. */
  path?: string[];
  /** For imports: the module specifier. */
  module?: string;
  /** For imports: the imported name; `*` for a namespace import. */
  imported?: string;
  /** The type annotation of a variable, parameter or property, when written. */
  type?: TS.TypeNode;
}

/** A lexical scope: a module, function, block, loop or catch clause. */
export class Scope {
  readonly bindings = new Map<string, Binding>();

  constructor(readonly parent?: Scope) {}

  /** The binding of `name` here or in an enclosing scope. */
  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const b = s.bindings.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

/** A node found by the walk, with the scope it is in and the class around it (for `this.x`). */
export interface Site<T extends TS.Node = TS.Node> {
  node: T;
  scope: Scope;
  cls?: TS.ClassLikeDeclaration;
}

/** A string literal (or template part) whose text the rules look at. */
export interface StringSite {
  node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral | TS.TemplateLiteralLikeNode;
  /** The literal's text, without quotes. */
  text: string;
}

/** What the module exports, by exported name. */
export interface ModuleExport {
  /** The local binding exported, when the export names one. */
  binding?: Binding;
  /** The exported expression (`export default <expr>`, `module.exports.x = <expr>`). */
  expr?: TS.Expression;
  scope: Scope;
}

/** A parsed file: its syntax tree, scopes, exports and the nodes the rules look at. */
export interface ParsedModule {
  /** The file's path, as the front end gave it (absent for unsaved documents). */
  path?: string;
  text: string;
  sourceFile: TS.SourceFile;
  /** The module scope. */
  root: Scope;
  /** The scope each scope-creating node (function, block, loop, …) introduces. */
  scopes: Map<TS.Node, Scope>;
  exports: Map<string, ModuleExport>;
  /** Every `new X(...)`. */
  constructions: Site<TS.NewExpression>[];
  /** Calls `x.m(...)` of the methods in `INTERESTING_METHODS`, and calls of plain identifiers. */
  calls: Site<TS.CallExpression>[];
  /** Object literals with an `Effect` or `Statement` key. */
  policyObjects: Site<TS.ObjectLiteralExpression>[];
  /** Properties named like credentials or the bearer-token variable. */
  secretProperties: Site<TS.PropertyAssignment | TS.ShorthandPropertyAssignment>[];
  /** Assignments to `process.env.AWS_BEARER_TOKEN_BEDROCK`. */
  envAssignments: Site<TS.BinaryExpression>[];
  /** String literals holding an access key id, a Bedrock API key, or a model id. */
  strings: StringSite[];
  /** The quote character most string literals of the file use. */
  quote: "'" | '"';
}

/** The environment variable the SDK sends as a Bedrock API key (bearer token). */
export const BEARER_TOKEN_VARIABLE = 'AWS_BEARER_TOKEN_BEDROCK';

/** Property names whose string values are secrets in an AWS SDK credentials object. */
export const CREDENTIAL_PROPERTIES = new Set(['accessKeyId', 'secretAccessKey', 'sessionToken']);

/**
 * Method calls worth recording: the aggregated runtime client's methods (filled in by the caller
 * from the generated command list), CDK's policy helpers and agent guardrail method.
 */
export const INTERESTING_METHODS = new Set(['fromJson', 'addGuardrail', 'assign', 'addToPolicy', 'addToPrincipalPolicy', 'addToRolePolicy', 'addToResourcePolicy', 'addStatements']);

/**
 * Bedrock model ids and inference profile ids as written in code: an optional geography prefix,
 * a provider, and the model name (https://docs.aws.amazon.com/bedrock/latest/userguide/models-supported.html).
 */
export const MODEL_ID = /^(?:(?:us|us-gov|eu|apac|jp|au|ca|global)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|stability|deepseek|openai|qwen|writer|twelvelabs|luma|moonshot|minimax|google|nvidia)\.[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/**
 * Bedrock API keys: short-term keys start with `bedrock-api-key-`, long-term keys are base64
 * text starting with `ABSK`, also after `Bearer ` in an Authorization header value
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-how.html).
 */
export const BEDROCK_API_KEY = /^(?:Bearer\s+)?(?:bedrock-api-key-[A-Za-z0-9+/=_-]{20,}|ABSK[A-Za-z0-9+/=]{20,})$/;

function scriptKind(ts: typeof TS, language: CodeLanguage): TS.ScriptKind {
  switch (language) {
    case 'typescriptreact':
      return ts.ScriptKind.TSX;
    case 'javascript':
      return ts.ScriptKind.JS;
    case 'javascriptreact':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.TS;
  }
}

/** The name of a property (or binding element) when it is written as a plain name or string. */
export function propertyNameText(ts: typeof TS, name: TS.PropertyName | TS.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}

/** True for `process.env.NAME` / `process.env['NAME']` with the given name. */
export function isProcessEnv(ts: typeof TS, node: TS.Expression, name: string): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n)) n = n.expression;
  let key: string | undefined;
  let obj: TS.Expression;
  if (ts.isPropertyAccessExpression(n)) {
    key = n.name.text;
    obj = n.expression;
  } else if (ts.isElementAccessExpression(n) && (ts.isStringLiteral(n.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(n.argumentExpression))) {
    key = n.argumentExpression.text;
    obj = n.expression;
  } else return false;
  return key === name && ts.isPropertyAccessExpression(obj) && obj.name.text === 'env' && ts.isIdentifier(obj.expression) && obj.expression.text === 'process';
}

const isFunctionLike = (ts: typeof TS, n: TS.Node): n is TS.FunctionLikeDeclaration =>
  ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n) || ts.isArrowFunction(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isGetAccessorDeclaration(n) || ts.isSetAccessorDeclaration(n);

const hasModifier = (ts: typeof TS, n: TS.Node, kind: TS.SyntaxKind): boolean =>
  ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === kind);

/** The module a `require('<module>')` call loads, when that is what `e` is. */
export function requiredModule(ts: typeof TS, e: TS.Expression | undefined): string | undefined {
  if (!e || !ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || e.expression.text !== 'require') return undefined;
  const a = e.arguments[0];
  return a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) ? a.text : undefined;
}

let interestingTable: Uint8Array | undefined;

/** 1 for the node kinds the walk handles (the cases of its switch and every function-like kind). */
function interestingKinds(ts: typeof TS): Uint8Array {
  if (interestingTable) return interestingTable;
  const k = ts.SyntaxKind;
  const kinds = [
    k.Block, k.CaseBlock, k.ForStatement, k.ForInStatement, k.ForOfStatement, k.ModuleBlock, k.CatchClause, k.ClassDeclaration, k.ClassExpression,
    k.VariableDeclarationList, k.VariableStatement, k.ImportDeclaration, k.ImportEqualsDeclaration, k.ExportDeclaration, k.ExportAssignment,
    k.NewExpression, k.CallExpression, k.ObjectLiteralExpression, k.BinaryExpression, k.StringLiteral, k.NoSubstitutionTemplateLiteral,
    k.TemplateHead, k.TemplateMiddle, k.TemplateTail, k.FunctionDeclaration, k.FunctionExpression, k.ArrowFunction, k.MethodDeclaration,
    k.Constructor, k.GetAccessor, k.SetAccessor,
  ];
  const table = new Uint8Array(Math.max(...kinds) + 1);
  for (const kind of kinds) table[kind] = 1;
  return (interestingTable = table);
}

/** Parses a file and walks it once. Never throws for any input text. */
export function parseModule(text: string, language: CodeLanguage, path?: string, extraMethods: ReadonlySet<string> = new Set()): ParsedModule {
  const ts = typescript();
  const sourceFile = ts.createSourceFile(path ?? 'untitled.ts', text, ts.ScriptTarget.Latest, false, scriptKind(ts, language));
  const root = new Scope();
  const mod: ParsedModule = {
    path,
    text,
    sourceFile,
    root,
    scopes: new Map([[sourceFile, root]]),
    exports: new Map(),
    constructions: [],
    calls: [],
    policyObjects: [],
    secretProperties: [],
    envAssignments: [],
    strings: [],
    quote: "'",
  };
  let singleQuotes = 0;
  let doubleQuotes = 0;

  const declare = (scope: Scope, b: Binding) => {
    // The first declaration wins (a redeclared `var` keeps its first initializer).
    if (!scope.bindings.has(b.name)) scope.bindings.set(b.name, b);
  };

  /** Declares the names of a binding pattern, each with its property path into the initializer. */
  const declarePattern = (scope: Scope, name: TS.BindingName, base: Omit<Binding, 'name' | 'path'>, path: string[]) => {
    if (ts.isIdentifier(name)) {
      // One object shape for every binding (spreading `base` gave each a different one).
      declare(scope, { kind: base.kind, name: name.text, node: base.node, scope: base.scope, init: base.init, path: path.length ? path : undefined, module: base.module, imported: base.imported, type: base.type });
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        const key = el.dotDotDotToken ? undefined : propertyNameText(ts, el.propertyName ?? el.name);
        // A rest element or a computed key binds values that cannot be named: mark them unknown.
        declarePattern(scope, el.name, key === undefined ? { ...base, kind: 'let', init: undefined } : base, key === undefined ? path : [...path, key]);
      }
    } else {
      name.elements.forEach((el, i) => {
        if (ts.isBindingElement(el)) declarePattern(scope, el.name, el.dotDotDotToken ? { ...base, kind: 'let', init: undefined } : base, [...path, String(i)]);
      });
    }
  };

  /**
   * `const m = require('x')`, `const { a, b: c } = require('x')`, `const a = require('x').a`: bound
   * as imports of `x`, like their `import` equivalents. False for other declarations.
   */
  const declareRequire = (target: Scope, d: TS.VariableDeclaration, scope: Scope): boolean => {
    let init = d.initializer;
    let member: string | undefined;
    if (init && ts.isPropertyAccessExpression(init)) {
      member = init.name.text;
      init = init.expression;
    }
    const module = requiredModule(ts, init);
    if (module === undefined) return false;
    if (ts.isIdentifier(d.name)) {
      declare(target, { kind: 'import', name: d.name.text, node: d, scope, module, imported: member ?? '*' });
      return true;
    }
    if (member !== undefined || !ts.isObjectBindingPattern(d.name)) return false;
    for (const el of d.name.elements) {
      const key = el.dotDotDotToken ? undefined : propertyNameText(ts, el.propertyName ?? el.name);
      if (key !== undefined && ts.isIdentifier(el.name)) declare(target, { kind: 'import', name: el.name.text, node: el, scope, module, imported: key });
      else declarePattern(target, el.name, { kind: 'let', node: el, scope }, []);
    }
    return true;
  };

  // Exports are bound after the walk: `export { x }` may come before `const x`.
  const deferredExports: [string, string, Scope][] = [];
  const exportBinding = (name: string, local: string, scope: Scope) => {
    deferredExports.push([name, local, scope]);
  };

  // The walk's state: the scope of the current node, the function scope (`var` goes there) and
  // the class around it. Recursion is as deep as the syntax tree, which the (recursive) parser
  // has already built: code too deep for it never gets here (Linter.lintCode skips it).
  let scope = root;
  let fnScope = root;
  let cls: TS.ClassLikeDeclaration | undefined;
  const interesting = interestingKinds(ts);
  const visit = (node: TS.Node): undefined => {
    // Most nodes (identifiers, property accesses, keywords, …) neither declare nor matter.
    if (!interesting[node.kind]) {
      ts.forEachChild(node, visit);
      return undefined;
    }
    let inner = scope;
    let innerFn = fnScope;
    let innerCls = cls;
    switch (node.kind) {
      case ts.SyntaxKind.Block:
      case ts.SyntaxKind.CaseBlock:
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ModuleBlock:
        inner = new Scope(scope);
        mod.scopes.set(node, inner);
        break;
      case ts.SyntaxKind.CatchClause: {
        inner = new Scope(scope);
        mod.scopes.set(node, inner);
        const decl = (node as TS.CatchClause).variableDeclaration;
        if (decl) declarePattern(inner, decl.name, { kind: 'param', node: decl, scope: inner }, []);
        break;
      }
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression: {
        const c = node as TS.ClassLikeDeclaration;
        innerCls = c;
        if (c.name && ts.isClassDeclaration(c)) {
          declare(scope, { kind: 'class', name: c.name.text, node: c, scope, init: undefined, path: undefined, module: undefined, imported: undefined, type: undefined });
          if (scope === root && hasModifier(ts, c, ts.SyntaxKind.ExportKeyword)) exportBinding(hasModifier(ts, c, ts.SyntaxKind.DefaultKeyword) ? 'default' : c.name.text, c.name.text, scope);
        }
        break;
      }
      case ts.SyntaxKind.VariableDeclarationList: {
        const list = node as TS.VariableDeclarationList;
        const kind = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing) ? 'let' : 'var';
        const target = kind === 'var' ? fnScope : scope;
        for (const d of list.declarations) {
          if (!declareRequire(target, d, scope)) declarePattern(target, d.name, { kind, node: d, scope, init: d.initializer, type: d.type }, []);
        }
        break;
      }
      case ts.SyntaxKind.VariableStatement: {
        const st = node as TS.VariableStatement;
        if (scope === root && hasModifier(ts, st, ts.SyntaxKind.ExportKeyword)) {
          // Declared when the list is visited below; exported names are looked up afterwards.
          for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) exportBinding(d.name.text, d.name.text, scope);
        }
        break;
      }
      case ts.SyntaxKind.ImportDeclaration: {
        const imp = node as TS.ImportDeclaration;
        if (!ts.isStringLiteral(imp.moduleSpecifier) || !imp.importClause || imp.importClause.isTypeOnly) break;
        const module = imp.moduleSpecifier.text;
        const clause = imp.importClause;
        if (clause.name) declare(scope, { kind: 'import', name: clause.name.text, node: clause, scope, module, imported: 'default' });
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) declare(scope, { kind: 'import', name: nb.name.text, node: nb, scope, module, imported: '*' });
        else if (nb) {
          for (const el of nb.elements) {
            if (el.isTypeOnly) continue;
            declare(scope, { kind: 'import', name: el.name.text, node: el, scope, module, imported: propertyNameText(ts, el.propertyName) ?? el.name.text });
          }
        }
        return undefined;
      }
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const imp = node as TS.ImportEqualsDeclaration;
        const ref = imp.moduleReference;
        if (ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression)) declare(scope, { kind: 'import', name: imp.name.text, node: imp, scope, module: ref.expression.text, imported: '*' });
        return undefined;
      }
      case ts.SyntaxKind.ExportDeclaration: {
        const ex = node as TS.ExportDeclaration;
        if (!ex.moduleSpecifier && ex.exportClause && ts.isNamedExports(ex.exportClause) && !ex.isTypeOnly) {
          for (const el of ex.exportClause.elements) exportBinding(el.name.text, propertyNameText(ts, el.propertyName) ?? el.name.text, scope);
        }
        return undefined;
      }
      case ts.SyntaxKind.ExportAssignment: {
        const ex = node as TS.ExportAssignment;
        mod.exports.set('default', { expr: ex.expression, scope });
        break;
      }
      case ts.SyntaxKind.NewExpression:
        mod.constructions.push({ node: node as TS.NewExpression, scope, cls });
        break;
      case ts.SyntaxKind.CallExpression: {
        const call = node as TS.CallExpression;
        const callee = call.expression;
        if (ts.isPropertyAccessExpression(callee) && (INTERESTING_METHODS.has(callee.name.text) || extraMethods.has(callee.name.text))) mod.calls.push({ node: call, scope, cls });
        break;
      }
      case ts.SyntaxKind.ObjectLiteralExpression: {
        const obj = node as TS.ObjectLiteralExpression;
        let policy = false;
        for (const p of obj.properties) {
          if (p.kind !== ts.SyntaxKind.PropertyAssignment && p.kind !== ts.SyntaxKind.ShorthandPropertyAssignment) continue;
          const name = propertyNameText(ts, p.name);
          if (name === undefined) continue;
          if (!policy && (name === 'Effect' || name === 'Statement')) {
            policy = true;
            mod.policyObjects.push({ node: obj, scope, cls });
          } else if (CREDENTIAL_PROPERTIES.has(name) || name === BEARER_TOKEN_VARIABLE) mod.secretProperties.push({ node: p as TS.PropertyAssignment | TS.ShorthandPropertyAssignment, scope, cls });
        }
        break;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const b = node as TS.BinaryExpression;
        if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          if (isProcessEnv(ts, b.left, BEARER_TOKEN_VARIABLE)) mod.envAssignments.push({ node: b, scope, cls });
          if (scope === root || fnScope === root) collectCommonJsExport(b, scope);
        }
        break;
      }
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail: {
        const lit = node as StringSite['node'];
        const t = lit.text;
        if (node.kind === ts.SyntaxKind.StringLiteral) {
          if (text.charCodeAt(lit.end - 1) === 39 /* ' */) singleQuotes++;
          else doubleQuotes++;
        }
        if (t.length >= 16 && t.length < 4096 && (ACCESS_KEY_ID.test(t) || BEDROCK_API_KEY.test(t))) mod.strings.push({ node: lit, text: t });
        else if (t.length > 6 && t.length < 200 && MODEL_ID.test(t)) mod.strings.push({ node: lit, text: t });
        return undefined;
      }
      default:
        if (isFunctionLike(ts, node)) {
          const fn = node as TS.FunctionLikeDeclaration;
          if (ts.isFunctionDeclaration(fn) && fn.name) {
            declare(scope, { kind: 'function', name: fn.name.text, node: fn, scope });
            if (scope === root && hasModifier(ts, fn, ts.SyntaxKind.ExportKeyword)) exportBinding(hasModifier(ts, fn, ts.SyntaxKind.DefaultKeyword) ? 'default' : fn.name.text, fn.name.text, scope);
          }
          inner = new Scope(scope);
          innerFn = inner;
          mod.scopes.set(fn, inner);
          if (ts.isFunctionExpression(fn) && fn.name) declare(inner, { kind: 'function', name: fn.name.text, node: fn, scope });
          for (const p of fn.parameters) declarePattern(inner, p.name, { kind: 'param', node: p, scope: inner, type: p.type }, []);
        }
    }
    const outer = scope;
    const outerFn = fnScope;
    const outerCls = cls;
    scope = inner;
    fnScope = innerFn;
    cls = innerCls;
    ts.forEachChild(node, visit);
    scope = outer;
    fnScope = outerFn;
    cls = outerCls;
    return undefined;
  };

  /** `module.exports = {...}`, `module.exports.x = …`, `exports.x = …`. */
  const collectCommonJsExport = (b: TS.BinaryExpression, scope: Scope) => {
    const left = b.left;
    const isModuleExports = (e: TS.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === 'exports' && ts.isIdentifier(e.expression) && e.expression.text === 'module';
    if (isModuleExports(left)) {
      const right = b.right;
      if (ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          const name = propertyNameText(ts, p.name);
          if (!name) continue;
          if (ts.isShorthandPropertyAssignment(p)) mod.exports.set(name, { expr: p.name, scope });
          else if (ts.isPropertyAssignment(p)) mod.exports.set(name, { expr: p.initializer, scope });
        }
      } else mod.exports.set('default', { expr: right, scope });
      return;
    }
    if (ts.isPropertyAccessExpression(left) && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) {
      mod.exports.set(left.name.text, { expr: b.right, scope });
    }
  };

  visit(sourceFile);
  for (const [name, local, scope] of deferredExports) if (!mod.exports.has(name)) mod.exports.set(name, { binding: scope.bindings.get(local), scope });
  mod.quote = doubleQuotes > singleQuotes ? '"' : "'";
  return mod;
}

/** The number of syntax errors the parser reports for a text (fix-all checks that fixes add none). */
export function syntaxErrorCount(text: string, language: CodeLanguage): number {
  const ts = typescript();
  try {
    const sf = ts.createSourceFile('check.ts', text, ts.ScriptTarget.Latest, false, scriptKind(ts, language));
    // `parseDiagnostics` holds the parser's errors; it is not in the public typings.
    return (sf as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0;
  } catch {
    // Too deeply nested for the (recursive) parser: as bad as it gets.
    return Number.MAX_SAFE_INTEGER;
  }
}
