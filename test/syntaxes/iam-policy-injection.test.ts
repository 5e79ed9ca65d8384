// The IAM policy injection grammar (syntaxes/iam-policy.injection.json), tokenised the way VS Code
// does it: vscode-textmate with vscode-oniguruma, on VS Code's own JSON and JSON with Comments
// grammars (test/syntaxes/fixtures/). Pins the scopes of actions, ARNs and policy variables in
// string values, that keys and other strings are untouched, which look-alike strings match, and
// that a document without IAM strings is tokenised exactly as without the injection.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');
const INJECTION = join(ROOT, 'syntaxes', 'iam-policy.injection.json');
const FIXTURES = join(ROOT, 'test', 'syntaxes', 'fixtures');

interface Token {
  text: string;
  scopes: string[];
}

let onig: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onig ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  })();
  return onig;
}

/** A registry of the JSON grammars, with or without the injection. */
async function registry(inject: boolean): Promise<Registry> {
  await loadOniguruma();
  const files: Record<string, string> = {
    'source.json': join(FIXTURES, 'JSON.tmLanguage.json'),
    'source.json.comments': join(FIXTURES, 'JSONC.tmLanguage.json'),
    'iam-policy.injection': INJECTION,
  };
  return new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => (files[scopeName] ? parseRawGrammar(readFileSync(files[scopeName], 'utf8'), files[scopeName]) : null),
    getInjections: (scopeName) => (inject && (scopeName === 'source.json' || scopeName === 'source.json.comments') ? ['iam-policy.injection'] : undefined),
  });
}

function tokenize(grammar: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The IAM scopes (`*.iam`) of the tokens of `line`, as `text → scope scope…`. */
function iamScopes(tokens: Token[]): string[] {
  return tokens.filter((t) => t.scopes.some((s) => s.endsWith('.iam'))).map((t) => `${t.text} → ${t.scopes.filter((s) => s.endsWith('.iam')).join(' ')}`);
}

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["bedrock:InvokeModel", "bedrock:Get*"],
      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
      "Condition": {"StringEquals": {"aws:PrincipalTag/team": "\${aws:username}"}}
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::bucket/home/\${aws:username}/*",
      "Principal": {"AWS": "arn:aws:iam::\${aws:PrincipalAccount}:role/app"}
    }
  ]
}`;

describe('IAM policy injection grammar', () => {
  let json: IGrammar;
  let jsonc: IGrammar;
  let plainJson: IGrammar;
  let lines: Token[][];

  before(async () => {
    const withInjection = await registry(true);
    json = (await withInjection.loadGrammar('source.json'))!;
    jsonc = (await withInjection.loadGrammar('source.json.comments'))!;
    plainJson = (await (await registry(false)).loadGrammar('source.json'))!;
    lines = tokenize(json, POLICY);
  });

  test('actions: the service prefix, the colon and the action name, wildcards inside the name', () => {
    assert.deepEqual(iamScopes(lines[5]), [
      'bedrock → meta.action.iam entity.name.namespace.service.iam',
      ': → meta.action.iam punctuation.separator.colon.iam',
      'InvokeModel → meta.action.iam entity.name.function.action.iam',
      'bedrock → meta.action.iam entity.name.namespace.service.iam',
      ': → meta.action.iam punctuation.separator.colon.iam',
      'Get → meta.action.iam entity.name.function.action.iam',
      '* → meta.action.iam entity.name.function.action.iam keyword.operator.wildcard.iam',
    ]);
    const invoke = lines[5].find((t) => t.text === 'InvokeModel')!;
    assert.deepEqual(invoke.scopes, ['source.json', 'meta.structure.dictionary.json', 'meta.structure.dictionary.value.json', 'meta.structure.array.json', 'meta.structure.dictionary.json', 'meta.structure.dictionary.value.json', 'meta.structure.array.json', 'string.quoted.double.json', 'meta.action.iam', 'entity.name.function.action.iam']);
  });

  test('ARNs: each part before the resource has its own scope; the resource is one part (its shape depends on the service)', () => {
    assert.deepEqual(iamScopes(lines[6]), [
      'arn → constant.other.arn.iam storage.type.arn.iam',
      ': → constant.other.arn.iam punctuation.separator.arn.iam',
      'aws → constant.other.arn.iam constant.language.partition.iam',
      ': → constant.other.arn.iam punctuation.separator.arn.iam',
      'bedrock → constant.other.arn.iam entity.name.namespace.service.iam',
      ': → constant.other.arn.iam punctuation.separator.arn.iam',
      'us-east-1 → constant.other.arn.iam variable.other.constant.region.iam',
      ': → constant.other.arn.iam punctuation.separator.arn.iam',
      ': → constant.other.arn.iam punctuation.separator.arn.iam',
      'foundation-model/anthropic.claude-3-haiku-20240307-v1:0 → constant.other.arn.iam meta.resource.iam',
    ]);
  });

  test('policy variables: in a condition value, in the resource of an ARN, and in an ARN\'s account part', () => {
    assert.deepEqual(iamScopes(lines[7]), [
      '${ → meta.policy-variable.iam punctuation.definition.template-expression.begin.iam',
      'aws:username → meta.policy-variable.iam variable.other.policy.iam',
      '} → meta.policy-variable.iam punctuation.definition.template-expression.end.iam',
    ]);
    assert.deepEqual(iamScopes(lines[12]).slice(-6), [
      'bucket/home/ → constant.other.arn.iam meta.resource.iam',
      '${ → constant.other.arn.iam meta.resource.iam meta.policy-variable.iam punctuation.definition.template-expression.begin.iam',
      'aws:username → constant.other.arn.iam meta.resource.iam meta.policy-variable.iam variable.other.policy.iam',
      '} → constant.other.arn.iam meta.resource.iam meta.policy-variable.iam punctuation.definition.template-expression.end.iam',
      '/ → constant.other.arn.iam meta.resource.iam',
      '* → constant.other.arn.iam meta.resource.iam keyword.operator.wildcard.iam',
    ]);
    assert.deepEqual(iamScopes(lines[13]).slice(-5), [
      '${ → constant.other.arn.iam constant.numeric.account.iam meta.policy-variable.iam punctuation.definition.template-expression.begin.iam',
      'aws:PrincipalAccount → constant.other.arn.iam constant.numeric.account.iam meta.policy-variable.iam variable.other.policy.iam',
      '} → constant.other.arn.iam constant.numeric.account.iam meta.policy-variable.iam punctuation.definition.template-expression.end.iam',
      ': → constant.other.arn.iam punctuation.separator.arn.iam',
      'role/app → constant.other.arn.iam meta.resource.iam',
    ]);
  });

  test('keys are never marked, not even condition keys that look like actions', () => {
    const keys = lines.flat().filter((t) => t.scopes.some((s) => s.startsWith('support.type.property-name')));
    assert.ok(keys.some((t) => t.text === 'aws:PrincipalTag/team'));
    assert.deepEqual(keys.filter((t) => t.scopes.some((s) => s.endsWith('.iam'))), []);
  });

  test('look-alikes: lower-case names, URLs, text around an ARN and short "arn:" strings are not marked; "foo:Bar" is', () => {
    const sample = '{"a": "hello:world", "b": "https://example.com:8080/x", "c": "see arn:aws:s3:::bucket", "d": "arn:partial", "e": "foo:Bar", "f": "*", "g": "bedrock:invokemodel"}';
    const marked = tokenize(json, sample)[0].filter((t) => t.scopes.includes('meta.action.iam') || t.scopes.includes('constant.other.arn.iam'));
    assert.deepEqual(marked.map((t) => t.text), ['foo', ':', 'Bar']);
  });

  test('JSON without IAM strings is tokenised exactly as without the injection', () => {
    const pkg = '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": {"test": "node --test", "start": "node server.js"},\n  "repository": {"url": "git+https://github.com/x/y.git"},\n  "files": ["*", "dist/**"],\n  "n": [1, true, null, "a\\"b\\u0041"]\n}';
    assert.deepEqual(tokenize(json, pkg), tokenize(plainJson, pkg));
  });

  test('JSON with Comments gets the same marks, and its comments are untouched', () => {
    const text = '{\n  // an action in a comment: bedrock:InvokeModel\n  "Action": "bedrock:InvokeModel"\n}';
    const tokens = tokenize(jsonc, text);
    assert.deepEqual(iamScopes(tokens[1]), []);
    assert.deepEqual(iamScopes(tokens[2]), [
      'bedrock → meta.action.iam entity.name.namespace.service.iam',
      ': → meta.action.iam punctuation.separator.colon.iam',
      'InvokeModel → meta.action.iam entity.name.function.action.iam',
    ]);
  });

  test('package.json injects the grammar into JSON and JSON with Comments', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars?: unknown[] } };
    assert.deepEqual(pkg.contributes.grammars, [{ scopeName: 'iam-policy.injection', path: './syntaxes/iam-policy.injection.json', injectTo: ['source.json', 'source.json.comments'] }]);
    assert.equal((JSON.parse(readFileSync(INJECTION, 'utf8')) as { scopeName: string }).scopeName, 'iam-policy.injection');
  });
});
