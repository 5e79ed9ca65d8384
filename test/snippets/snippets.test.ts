// Every snippet the extension contributes (package.json `contributes.snippets`), expanded as the
// editor expands it. JSON policy snippets, with every choice and with their defaults as well as
// other realistic values, must parse and lint clean with our own engine (the few information
// findings that are right for a snippet are listed with the reason); TypeScript snippets must
// type-check against the installed AWS SDK and lint clean with the code analysis (sdk/*, and the
// policy rules on CDK statements). Cross-Region inference snippets must list the destination
// Regions of the engine's table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { GEOGRAPHIES } from '../../server/src/engine/bedrock/inference-profiles';
import { defaultSettings } from '../../server/src/engine/settings';
import { lint, linter } from '../helpers';
import { choiceCombinations, expandSnippet, parseSnippet, tabStopDefaults } from './snippet-body';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function snippets(file: string): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(join(root, 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

const POLICY_SNIPPETS = snippets('policy.json');
const TS_SNIPPETS = snippets('typescript.json');

/**
 * Findings a snippet keeps on purpose, with the reason. Nothing else may be reported: no error,
 * no warning, no other information.
 */
const ACCEPTED: Record<string, { finding: string; why: string }[]> = {
  'bedrock-knowledge-base': [
    {
      finding: 'information bedrock/guardrail-not-enforced',
      why: 'RetrieveAndGenerate calls the generation model with the caller\'s bedrock:InvokeModel permission and applies the guardrail of its own generationConfiguration; AWS does not document that this inner call carries bedrock:GuardrailIdentifier, so requiring it in IAM could deny every RetrieveAndGenerate call.',
    },
  ],
  'bedrock-knowledge-base-role': [
    { finding: 'information bedrock/guardrail-not-enforced', why: 'a knowledge base service role invokes an embedding model, which takes no guardrail.' },
  ],
};

/** Other realistic values for the defaults the snippets use, to catch a placeholder mirrored wrongly. */
const OTHER_VALUES: Record<string, string> = {
  '111122223333': '444455556666',
  'us-east-1': 'us-west-2',
  abc123xyz456: 'q1w2e3r4t5y6',
  '1': '12',
  KB12345678: 'ABCDE12345',
  'amzn-s3-demo-bucket': 'corp-kb-source-docs',
  'anthropic.claude-3-haiku-20240307-v1:0': 'amazon.nova-pro-v1:0',
};

/** The path a snippet is linted under: SCPs where the default SCP globs find them. */
const pathOf = (prefix: string) => (prefix.startsWith('bedrock-scp-') ? `scps/${prefix}.json` : `policies/${prefix}.json`);

describe('the snippet expander', () => {
  test('tab stops, mirrors, nested placeholders, choices, variables and escapes', () => {
    assert.equal(expandSnippet('a ${1:x} $1 ${2:b ${3:c}} $3 ${4|p,q|} ${TM_FILENAME:f} \\$1 \\} $0'), 'a x x b c c p f $1 } ');
    assert.equal(expandSnippet('${1:x}-$1', new Map([[1, 'y']])), 'y-y');
    assert.deepEqual([...tabStopDefaults('${1:x} ${2|a,b|} ${3:arn:aws:${4:z}}')], [[1, 'x'], [2, 'a'], [3, 'arn:aws:z'], [4, 'z']]);
    assert.deepEqual(choiceCombinations('${1|a,b|} ${2|c,d|}').map((m) => [...m.values()].join('')), ['ac', 'ad', 'bc', 'bd']);
    assert.throws(() => parseSnippet('${1:open'), /unclosed/);
  });
});

describe('the manifest', () => {
  test('registers the policy snippets for JSON and the SDK snippets for TypeScript and JavaScript', () => {
    assert.deepEqual(manifest.contributes.snippets, [
      { language: 'json', path: './snippets/policy.json' },
      { language: 'jsonc', path: './snippets/policy.json' },
      { language: 'typescript', path: './snippets/typescript.json' },
      { language: 'javascript', path: './snippets/typescript.json' },
    ]);
  });

  test('prefixes are unique, start with "bedrock-", and every snippet is described', () => {
    const all = [...POLICY_SNIPPETS, ...TS_SNIPPETS];
    const prefixes = all.map(([, s]) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, `duplicate prefixes: ${prefixes.join(', ')}`);
    for (const [name, s] of all) {
      assert.match(s.prefix, /^bedrock-[a-z-]+$/, name);
      assert.ok(s.description.length > 40, `${name} has a description`);
      assert.ok(Array.isArray(s.body) && s.body.length > 3, `${name} has a body`);
    }
    assert.deepEqual(
      Object.keys(ACCEPTED).filter((p) => !prefixes.includes(p)),
      [],
      'accepted findings of snippets that no longer exist',
    );
  });
});

describe('JSON policy snippets lint clean', () => {
  for (const [name, s] of POLICY_SNIPPETS) {
    test(`${s.prefix}: ${name}`, () => {
      const expected = (ACCEPTED[s.prefix] ?? []).map((a) => a.finding);
      const defaults = tabStopDefaults(s.body);
      const other = new Map([...defaults].flatMap(([i, v]) => (OTHER_VALUES[v] ? [[i, OTHER_VALUES[v]] as [number, string]] : [])));
      const variants = [...choiceCombinations(s.body), ...choiceCombinations(s.body).map((m) => new Map([...other, ...m]))];
      for (const values of variants) {
        const text = expandSnippet(s.body, values);
        assert.doesNotThrow(() => JSON.parse(text), `${s.prefix} with ${JSON.stringify([...values])} must be JSON:\n${text}`);
        const found = lint(text, { path: pathOf(s.prefix) }).map((f) => `${f.severity} ${f.ruleId}`);
        assert.deepEqual(found, expected, `${s.prefix} with ${JSON.stringify([...values])}:\n${text}`);
      }
    });
  }

  test('cross-Region inference snippets allow the model in every Region of the engine\'s table and offer only its source Regions', () => {
    for (const geo of ['us', 'eu']) {
      const s = POLICY_SNIPPETS.find(([, x]) => x.prefix === `bedrock-invoke-cris-${geo}`)?.[1];
      assert.ok(s, `bedrock-invoke-cris-${geo}`);
      const g = GEOGRAPHIES.get(geo)!;
      const policy = JSON.parse(expandSnippet(s.body)) as { Statement: { Resource: string | string[] }[] };
      const regions = (policy.Statement[1].Resource as string[]).map((arn) => arn.split(':')[3]);
      assert.deepEqual(regions, [...g.regions, ...g.alsoRegions]);
      assert.deepEqual([...parseSnippet(s.body.join('\n')).choices.values()], [[...g.regions]]);
    }
  });
});

describe('TypeScript snippets', () => {
  /** What a snippet that is a statement inside a function needs around it. */
  const PRELUDE = [
    "import { ApplyGuardrailCommand, BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
    'declare const client: BedrockRuntimeClient;',
    'declare const prompt: string;',
    'declare const text: string;',
    'export async function snippet(): Promise<unknown> {',
  ].join('\n');

  /** Type-checks virtual files against the installed packages; returns the diagnostics as text. */
  function typeCheck(files: Record<string, string>): string[] {
    const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, types: ['node'], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], noEmit: true, skipLibCheck: true, typeRoots: [join(root, 'node_modules', '@types')] };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    const getSource = host.getSourceFile.bind(host);
    const virtual = new Map(Object.entries(files).map(([name, content]) => [join(root, 'snippet-check', name), content]));
    host.fileExists = (f) => virtual.has(f) || exists(f);
    host.readFile = (f) => virtual.get(f) ?? read(f);
    host.getSourceFile = (f, lang, ...rest) => (virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, lang) : getSource(f, lang, ...rest));
    const program = ts.createProgram([...virtual.keys()], options, host);
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? `${d.file.fileName.slice(root.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }

  test('the SDK snippets type-check against @aws-sdk/client-bedrock-runtime, @aws-sdk/credential-providers and @smithy/node-http-handler', () => {
    const files: Record<string, string> = {};
    for (const [, s] of TS_SNIPPETS) {
      if (s.prefix === 'bedrock-cdk-policy') continue;
      for (const [i, values] of choiceCombinations(s.body).entries()) {
        const code = expandSnippet(s.body, values);
        files[`${s.prefix}-${i}.ts`] = s.prefix === 'bedrock-client' ? code : `${PRELUDE}\n${code}\nreturn undefined;\n}\n`;
      }
    }
    assert.ok(Object.keys(files).length >= 5 + 2 + 1 + 2 + 1, Object.keys(files).join(', '));
    assert.deepEqual(typeCheck(files), []);
  });

  test('a snippet that does not match the SDK fails the check (the check is not vacuous)', () => {
    const bad = `${PRELUDE}\nawait client.send(new ConverseCommand({ modelId: 'm', messages: [], guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1', trace: 'on' } }));\nreturn undefined;\n}\n`;
    assert.match(typeCheck({ 'bad.ts': bad }).join('\n'), /Type '"on"' is not assignable/);
  });

  /**
   * Findings a TypeScript snippet keeps on purpose. The trace choices other than "disabled" are
   * offered for debugging and get the hint that the trace reaches the caller.
   */
  const CODE_ACCEPTED: Record<string, (values: Map<number, string>, text: string) => string[]> = {
    'bedrock-converse': (_, text) => (/trace: 'enabled/.test(text) ? ['hint sdk/guardrail-trace-enabled'] : []),
    'bedrock-converse-stream': (_, text) => (/trace: 'enabled/.test(text) ? ['hint sdk/guardrail-trace-enabled'] : []),
    'bedrock-invoke-model': (_, text) => (/trace: 'ENABLED/.test(text) ? ['hint sdk/guardrail-trace-enabled'] : []),
    // The code analysis reads each CDK PolicyStatement as a policy of its own, so it does not see
    // that the snippet's second statement grants bedrock:ApplyGuardrail on the required guardrail.
    'bedrock-cdk-policy': () => ['information bedrock/guardrail-apply-missing'],
  };

  /** Imports and declarations the statement snippets use, for the code analysis. */
  const CODE_PRELUDE = [
    "import { ApplyGuardrailCommand, BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    'declare const client: BedrockRuntimeClient;',
    'declare const role: iam.Role;',
    'declare const prompt: string;',
    'declare const text: string;',
    'export async function snippet(): Promise<void> {',
  ].join('\n');

  const lintCode = (text: string) => linter.lint(text, { language: 'typescript', path: 'src/app.ts', settings: defaultSettings() }).findings.map((f) => `${f.severity} ${f.ruleId}`);

  test('every TypeScript snippet, with every choice, lints clean with the code analysis', () => {
    for (const [, s] of TS_SNIPPETS) {
      for (const values of choiceCombinations(s.body)) {
        const code = expandSnippet(s.body, values);
        const text = s.prefix === 'bedrock-client' ? code : `${CODE_PRELUDE}\n${code}\n}\n`;
        assert.deepEqual(lintCode(text), CODE_ACCEPTED[s.prefix]?.(values, text) ?? [], `${s.prefix} with ${JSON.stringify([...values])}:\n${text}`);
      }
    }
  });

  test('the code analysis sees the snippets: without its guardrail the Converse call is reported', () => {
    const s = TS_SNIPPETS.find(([, x]) => x.prefix === 'bedrock-converse')![1];
    const code = expandSnippet(s.body).replace(/ {4}guardrailConfig: \{[\s\S]*?\n {4}\},\n/, '');
    assert.doesNotMatch(code, /guardrail/);
    assert.deepEqual(lintCode(`${CODE_PRELUDE}\n${code}\n}\n`), ['warning sdk/missing-guardrail']);
  });

  test('the CDK snippet is valid TypeScript (aws-cdk-lib is not installed to type-check it)', () => {
    const s = TS_SNIPPETS.find(([, x]) => x.prefix === 'bedrock-cdk-policy')![1];
    const source = ts.createSourceFile('cdk.ts', `declare const role: any; declare const iam: any;\n${expandSnippet(s.body)}`, ts.ScriptTarget.ES2022, true);
    assert.deepEqual((source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => d.messageText), []);
  });
});
