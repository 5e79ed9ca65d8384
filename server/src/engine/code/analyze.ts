// Builds the code model and the code's IAM policies from one parse of a TypeScript/JavaScript
// file. Names are resolved from the file itself: imports of @aws-sdk/client-bedrock-runtime
// (named, renamed, namespace, default, require), the aggregated `BedrockRuntime` client (a
// construction, or a variable, parameter or class property typed with it), AWS SDK client
// classes, CDK classes, and relative imports through a `ModuleResolver`.
import type * as TS from 'typescript';
import type { Span } from '../types';
import { COMMANDS } from './bedrock-runtime-fields.generated';
import type { CodeLanguage } from './languages';
import { ACCESS_KEY_ID } from './languages';
import {
  AGGREGATED_CLIENT,
  RUNTIME_PACKAGE,
  type AgentConstruct,
  type BearerTokenAssignment,
  type ClientConstruction,
  type CodeAnalysis,
  type CodeModel,
  type CredentialProperty,
  type RuntimeCall,
} from './model';
import { BEARER_TOKEN_VARIABLE, BEDROCK_API_KEY, MODEL_ID, parseModule, propertyNameText, type ParsedModule, type Scope, type Site } from './module';
import { isCdkModule, PolicyBuilder } from './policies';
import { Resolver, type ModuleResolver } from './resolve';
import { typescript } from './typescript';
import { symbolName, type SymbolRef, type Value } from './values';

/** Aggregated-client method → command class (`converse` → `ConverseCommand`). */
const METHOD_COMMANDS: ReadonlyMap<string, string> = new Map(Object.entries(COMMANDS).map(([command, shape]) => [shape.method, command]));

/** The method names `parseModule` records calls of, besides CDK's. */
export const RUNTIME_METHODS: ReadonlySet<string> = new Set(METHOD_COMMANDS.keys());

/** What `analyzeCode` needs besides the text. */
export interface AnalyzeOptions {
  language: CodeLanguage;
  /** The file's path (needed to follow relative imports). */
  path?: string;
  modules?: ModuleResolver;
}

/** A symbol's path without a leading `default` (a default import of a CommonJS package is the package). */
function pathOf(s: SymbolRef): string[] {
  return s.path[0] === 'default' ? s.path.slice(1) : s.path;
}

const isRuntime = (s: SymbolRef | undefined): s is SymbolRef => s?.module === RUNTIME_PACKAGE;

/** True for an AWS SDK v3 client class (`@aws-sdk/client-*`, `XxxClient` or the aggregated `Xxx`). */
function isSdkClient(s: SymbolRef | undefined): s is SymbolRef {
  if (!s || !s.module.startsWith('@aws-sdk/client-')) return false;
  const path = pathOf(s);
  return path.length === 1 && /^[A-Z]\w*$/.test(path[0]) && !path[0].endsWith('Command') && !path[0].endsWith('Exception');
}

/** A Bedrock agent construct: CDK L1 `CfnAgent`, or the L2 `Agent` of the Bedrock construct libraries. */
function agentConstruct(s: SymbolRef | undefined): AgentConstruct['construct'] | undefined {
  if (!s) return undefined;
  const name = symbolName(s);
  if (name === 'CfnAgent' && (isCdkModule(s.module) || s.module.includes('bedrock'))) return 'CfnAgent';
  if (name === 'Agent' && (/bedrock/.test(s.module) || s.module === '@cdklabs/generative-ai-cdk-constructs')) return 'Agent';
  return undefined;
}

class Analyzer {
  private readonly ts = typescript();
  private readonly model: CodeModel;
  private readonly resolver: Resolver;

  constructor(
    private readonly mod: ParsedModule,
    modules: ModuleResolver | undefined,
  ) {
    this.resolver = new Resolver(mod, modules);
    this.model = { path: mod.path, calls: [], clients: [], agents: [], bearerTokens: [], credentials: [], secrets: [], modelIds: [], quote: mod.quote };
  }

  private span(node: TS.Node): Span {
    return this.resolver.spanOf(node);
  }

  run(): CodeAnalysis {
    const agentBindings = new Map<TS.Node, AgentConstruct>();
    for (const site of this.mod.constructions) this.construction(site, agentBindings);
    for (const site of this.mod.calls) this.methodCall(site, agentBindings);
    for (const site of this.mod.envAssignments) {
      this.model.bearerTokens.push({ span: this.span(site.node), value: this.resolver.value(site.node.right, site.scope), style: 'assignment' });
    }
    for (const site of this.mod.secretProperties) this.secretProperty(site);
    for (const s of this.mod.strings) {
      const span = this.span(s.node);
      const key = ACCESS_KEY_ID.exec(s.text);
      if (key) {
        // The key itself when the source spells it as is (no escapes), else the whole literal.
        const at = this.mod.text.slice(span.start, span.end).indexOf(key[0]);
        this.model.secrets.push({ kind: 'access-key-id', span: at >= 0 ? { start: span.start + at, end: span.start + at + key[0].length } : span, text: key[0] });
      }
      else if (BEDROCK_API_KEY.test(s.text)) this.model.secrets.push({ kind: 'bedrock-api-key', span, text: s.text });
      else if (MODEL_ID.test(s.text)) this.model.modelIds.push({ id: s.text, span });
    }
    this.model.calls.sort((a, b) => a.span.start - b.span.start);
    this.model.calls.forEach((c, i) => (c.index = i));
    const builder = new PolicyBuilder(this.resolver, this.mod.quote);
    builder.addObjects(this.mod.policyObjects);
    for (const site of this.mod.constructions) {
      const s = this.resolver.symbolOf(site.node.expression, site.scope);
      if (s && symbolName(s) === 'PolicyStatement' && isCdkModule(s.module) && site.node.arguments?.[0]) builder.addCdkStatement(this.resolver.value(site.node.arguments[0], site.scope));
    }
    const models = [...new Set(this.model.modelIds.map((m) => m.id))];
    if (models.length > 0) for (const p of builder.policies) p.invokedModels = models;
    return { model: this.model, policies: builder.policies };
  }

  /** `new X(...)`: a runtime command, an SDK client, or a Bedrock agent construct. */
  private construction(site: Site<TS.NewExpression>, agentBindings: Map<TS.Node, AgentConstruct>): void {
    const { node, scope } = site;
    const s = this.resolver.symbolOf(node.expression, scope);
    if (!s) return;
    const path = pathOf(s);
    const args = node.arguments ?? [];
    const calleeSpan = this.calleeNameSpan(node.expression);
    if (isRuntime(s) && path.length === 1 && COMMANDS[path[0]]) {
      this.model.calls.push({ index: 0, command: path[0], style: 'command', span: calleeSpan, input: args[0] ? this.resolver.value(args[0], scope) : undefined });
      return;
    }
    if (isSdkClient(s)) {
      const c: ClientConstruction = { index: this.model.clients.length, module: s.module, className: path[0], span: calleeSpan, config: args[0] ? this.resolver.value(args[0], scope) : undefined };
      this.model.clients.push(c);
      return;
    }
    const construct = agentConstruct(s);
    if (construct) {
      const agent: AgentConstruct = { index: this.model.agents.length, construct, span: calleeSpan, props: args[2] ? this.resolver.value(args[2], scope) : undefined, guardrailAdded: false };
      this.model.agents.push(agent);
      const decl = this.declarationOf(node, scope);
      if (decl) agentBindings.set(decl, agent);
    }
  }

  /** The variable a construction is assigned to (`const agent = new Agent(...)`), found by name in scope. */
  private declarationOf(node: TS.NewExpression, scope: Scope): TS.Node | undefined {
    for (const b of this.bindingsIn(scope)) if (b.init === node) return b.node;
    return undefined;
  }

  private *bindingsIn(scope: Scope) {
    for (let s: Scope | undefined = scope; s; s = s.parent) yield* s.bindings.values();
  }

  /** The span of the class or method name in a callee (`ConverseCommand` of `br.ConverseCommand`). */
  private calleeNameSpan(e: TS.Expression): Span {
    const ts = this.ts;
    if (ts.isPropertyAccessExpression(e)) return this.span(e.name);
    return this.span(e);
  }

  /** `x.converse(input)` on an aggregated client; `agent.addGuardrail(g)`. */
  private methodCall(site: Site<TS.CallExpression>, agentBindings: Map<TS.Node, AgentConstruct>): void {
    const ts = this.ts;
    const { node, scope } = site;
    const callee = node.expression as TS.PropertyAccessExpression;
    const method = callee.name.text;
    if (method === 'addGuardrail') {
      if (ts.isIdentifier(callee.expression)) {
        const b = scope.lookup(callee.expression.text);
        const agent = b && agentBindings.get(b.node);
        if (agent) agent.guardrailAdded = true;
      }
      return;
    }
    const command = METHOD_COMMANDS.get(method);
    if (!command || !this.isAggregatedClient(callee.expression, site)) return;
    const arg = node.arguments[0];
    this.model.calls.push({ index: 0, command, style: 'method', span: this.span(callee.name), input: arg && !ts.isSpreadElement(arg) ? this.resolver.value(arg, scope) : undefined });
  }

  /** True when `recv` is an aggregated runtime client: constructed, or typed as one. */
  private isAggregatedClient(recv: TS.Expression, site: Site): boolean {
    const ts = this.ts;
    const isAggregated = (s: SymbolRef | undefined) => isRuntime(s) && pathOf(s).join('.') === AGGREGATED_CLIENT;
    const v = this.resolver.value(recv, site.scope);
    if (v.kind === 'new' && isAggregated(v.symbol)) return true;
    if (ts.isIdentifier(recv)) {
      const b = site.scope.lookup(recv.text);
      if (!b) return false;
      if (isAggregated(this.resolver.symbolOfType(b.type, b.scope))) return true;
      if ((b.kind === 'let' || b.kind === 'var') && b.init && !b.path) {
        const init = this.resolver.value(b.init, b.scope);
        return init.kind === 'new' && isAggregated(init.symbol);
      }
      return false;
    }
    // `this.client` of a class whose property (or constructor parameter property) is one.
    if (ts.isPropertyAccessExpression(recv) && recv.expression.kind === ts.SyntaxKind.ThisKeyword && site.cls) {
      const name = recv.name.text;
      const classScope = this.mod.root;
      for (const m of site.cls.members) {
        if (ts.isPropertyDeclaration(m) && propertyNameText(ts, m.name) === name) {
          if (isAggregated(this.resolver.symbolOfType(m.type, classScope))) return true;
          if (m.initializer) {
            const init = this.resolver.value(m.initializer, classScope);
            if (init.kind === 'new' && isAggregated(init.symbol)) return true;
          }
        }
        if (ts.isConstructorDeclaration(m)) {
          for (const p of m.parameters) {
            if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length && isAggregated(this.resolver.symbolOfType(p.type, classScope))) return true;
          }
          const ctorScope = this.mod.scopes.get(m) ?? classScope;
          for (const st of m.body?.statements ?? []) {
            if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
            const left = st.expression.left;
            if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword || left.name.text !== name) continue;
            const init = this.resolver.value(st.expression.right, this.mod.scopes.get(m.body!) ?? ctorScope);
            if (init.kind === 'new' && isAggregated(init.symbol)) return true;
          }
        }
      }
    }
    return false;
  }

  /** `accessKeyId: '…'` and friends; `AWS_BEARER_TOKEN_BEDROCK: '…'` in an environment object. */
  private secretProperty(site: Site<TS.PropertyAssignment | TS.ShorthandPropertyAssignment>): void {
    const ts = this.ts;
    const p = site.node;
    const name = propertyNameText(ts, p.name)!;
    const value: Value = ts.isPropertyAssignment(p) ? this.resolver.value(p.initializer, site.scope) : this.resolver.value(p.name, site.scope);
    if (name === BEARER_TOKEN_VARIABLE) {
      this.model.bearerTokens.push({ span: this.span(p), value, style: 'property' });
      return;
    }
    const c: CredentialProperty = { name, span: this.span(p), keySpan: this.span(p.name), value };
    this.model.credentials.push(c);
  }
}

/** Parses a code file and builds its code model and policies. Never throws for any input text. */
export function analyzeCode(text: string, opts: AnalyzeOptions): CodeAnalysis {
  const mod = parseModule(text, opts.language, opts.path, RUNTIME_METHODS);
  return new Analyzer(mod, opts.modules).run();
}

/** Parses a module for a `ModuleResolver` (what relative imports of analysed files name). */
export function parseImportedModule(text: string, language: CodeLanguage, path: string): ParsedModule {
  return parseModule(text, language, path, RUNTIME_METHODS);
}
