// Writes docs/rules/<family>/<name>.md for every rule, the README's rule table and
// schemas/bedrock-security.schema.json (its rule ids), from the rules' metadata (built into out/
// by scripts/build.mjs). `npm run docs` runs it after a build.
import { mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { allRules } = require(join(root, 'out/server/src/engine/rules/index.js'));
const { renderRuleDoc, withRuleTable } = require(join(root, 'out/server/src/engine/rules/render-docs.js'));

const docsDir = join(root, 'docs', 'rules');
const wanted = new Set(allRules.map((r) => `${r.meta.id}.md`));
// Remove pages of rules that no longer exist.
if (existsSync(docsDir)) {
  for (const fam of readdirSync(docsDir)) {
    for (const f of existsSync(join(docsDir, fam)) ? readdirSync(join(docsDir, fam)) : []) {
      if (!wanted.has(`${fam}/${f}`)) rmSync(join(docsDir, fam, f));
    }
  }
}
for (const rule of allRules) {
  const file = join(docsDir, `${rule.meta.id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderRuleDoc(rule.meta));
}
const readmePath = join(root, 'README.md');
if (existsSync(readmePath)) {
  const next = withRuleTable(readFileSync(readmePath, 'utf8'), allRules);
  if (next === undefined) console.error('gen-docs: README.md has no rule table markers');
  else writeFileSync(readmePath, next);
}
// The JSON schema of .bedrock-security.json: its rule ids come from the same metadata.
const { configSchema } = require(join(root, 'out/server/src/node/config-schema.js'));
mkdirSync(join(root, 'schemas'), { recursive: true });
writeFileSync(join(root, 'schemas', 'bedrock-security.schema.json'), JSON.stringify(configSchema(allRules), null, 2) + '\n');
// Account posture: the exact IAM policy the checks need, and the generated parts of docs/posture.md.
const posture = require(join(root, 'out/server/src/posture/docs.js'));
writeFileSync(join(root, 'docs', 'posture-policy.json'), posture.policyJson());
const postureDoc = join(root, 'docs', 'posture.md');
if (existsSync(postureDoc)) {
  const next = posture.withGeneratedSections(readFileSync(postureDoc, 'utf8'));
  if (next === undefined) console.error('gen-docs: docs/posture.md has no posture-checks/posture-policy markers');
  else writeFileSync(postureDoc, next);
}
console.log(`gen-docs: ${allRules.length} rule pages`);
