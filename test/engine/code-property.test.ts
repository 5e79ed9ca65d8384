// Property tests of code analysis: random, truncated and mutated TypeScript/JavaScript never make
// the engine throw; every finding lies inside the text and carries JSON data; every fix applies
// cleanly and, on code that parsed, leaves code that still parses. Inputs: the realistic fixtures
// of test/engine/fixtures/code and every code rule's documented examples, mutated with pieces of
// syntax that matter to the resolver (spreads, templates, calls, braces), plus random text.
// Fixed seed: a failure prints the counterexample and replays identically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { codeLanguageOfPath, type CodeLanguage } from '../../server/src/engine/code/languages';
import { syntaxErrorCount } from '../../server/src/engine/code/module';
import { applyEdits } from '../../server/src/engine/fixes';
import { allRules } from '../../server/src/engine/rules';
import { defaultSettings, type EngineSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { memoryModules } from '../code-helpers';
import { linter } from '../helpers';

const SEED = 20261130;
const fixturesDir = join(__dirname, '..', '..', '..', 'test', 'engine', 'fixtures', 'code');

const samples: { name: string; text: string; language: CodeLanguage }[] = [
  ...readdirSync(fixturesDir)
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(fixturesDir, f), 'utf8'), language: codeLanguageOfPath(f)! })),
  ...allRules
    .filter((r) => r.meta.target === 'code')
    .flatMap((r) => [r.meta.docs.bad, r.meta.docs.good].filter((x): x is string => !!x).map((text) => ({ name: `docs of ${r.meta.id}`, text, language: 'typescript' as const }))),
];

/** Pieces of syntax inserted at random places. */
const PIECES = ['{', '}', '(', ')', '[', ']', ',', ';', "'", '"', '`', '${', '...', 'new ', 'await ', '=>', '?', ':', '\n', 'guardrailConfig', 'modelId', ' as const', 'require(', 'import * as x from ', "'@aws-sdk/client-bedrock-runtime'", 'ConverseCommand', 'PolicyStatement', 'Effect: ', '//', '/*', '\u00e9', '\ud83d\ude80'];

const configured: EngineSettings = {
  ...defaultSettings(),
  guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456',
  guardrailVersion: '1',
  allowedRegions: ['eu-central-1', 'eu-west-1'],
  scpRegions: ['eu-*'],
};

const modules = memoryModules({
  '/work/app/prompts.ts': "export const buildSystemPrompt = () => 'Be brief.';\nexport function buildInput(modelId: string) { return { modelId, messages: [] }; }\n",
  '/work/app/input.ts': 'export default { modelId: "m" };\n',
});

/** Lints, checks findings and fixes; returns the number of fixes applied. */
function check(text: string, language: CodeLanguage, settings: EngineSettings): number {
  const opts = { path: 'main.ts', filePath: '/work/app/main.ts', language, settings, modules };
  const result = linter.lint(text, opts);
  const parsedCleanly = result.code ? syntaxErrorCount(text, language) === 0 : false;
  let applied = 0;
  for (const f of result.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span ${f.span.start}-${f.span.end} outside 0-${text.length}`);
    const wire = JSON.parse(JSON.stringify(f)) as Finding;
    assert.deepEqual(wire.data, f.data, `${f.ruleId} data is JSON`);
    for (const fix of linter.fixesOf(result, text, settings, wire)) {
      for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length, `${f.ruleId} fix edit outside the text`);
      const out = applyEdits(text, fix.edits);
      if (parsedCleanly) assert.equal(syntaxErrorCount(out, language), 0, `${f.ruleId} fix "${fix.title}" broke the code:\n${out}`);
      applied++;
    }
  }
  return applied;
}

const mutated = fc
  .record({
    sample: fc.constantFrom(...samples),
    cut: fc.nat(),
    edits: fc.array(fc.record({ at: fc.nat(), piece: fc.constantFrom(...PIECES), remove: fc.nat({ max: 4 }) }), { maxLength: 4 }),
    truncate: fc.boolean(),
    settings: fc.constantFrom(defaultSettings(), configured),
  })
  .map(({ sample, cut, edits, truncate, settings }) => {
    let text = sample.text;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.remove));
    }
    if (truncate) text = text.slice(0, cut % (text.length + 1));
    return { name: sample.name, text, language: sample.language, settings };
  });

test('mutated and truncated code never throws; findings and fixes stay inside the text', () => {
  let fixes = 0;
  fc.assert(
    fc.property(mutated, ({ text, language, settings }) => {
      fixes += check(text, language, settings);
    }),
    { seed: SEED, numRuns: 300 },
  );
  assert.ok(fixes > 50, `fixes were exercised (${fixes})`);
});

test('the unmutated samples: every fix leaves code that parses', () => {
  let fixes = 0;
  for (const s of samples) for (const settings of [defaultSettings(), configured]) fixes += check(s.text, s.language, settings);
  assert.ok(fixes > 20, `fixes were exercised (${fixes})`);
});

test('random text in every code language never throws', () => {
  const languages: CodeLanguage[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...languages), (noise, language) => {
      // Prefixed so that the pre-filter lets it through to the parser.
      check(`import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\n${noise}`, language, configured);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('deeply nested and very long code does not overflow the stack', () => {
  const chain = `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst s = ${Array.from({ length: 20_000 }, (_, i) => `'p${i}'`).join(' + ')};\nnew ConverseCommand({ modelId: s });\n`;
  assert.doesNotThrow(() => check(chain, 'typescript', defaultSettings()));
  const nested = `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst o = ${'{ a: '.repeat(3000)}1${' }'.repeat(3000)};\nnew ConverseCommand({ modelId: 'm', ...o });\n`;
  assert.doesNotThrow(() => check(nested, 'typescript', defaultSettings()));
  const consts = `import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst c0 = { modelId: 'm' };\n${Array.from({ length: 2000 }, (_, i) => `const c${i + 1} = { ...c${i} };`).join('\n')}\nnew ConverseCommand(c2000);\n`;
  assert.doesNotThrow(() => check(consts, 'typescript', defaultSettings()));
});
