// Generates server/src/engine/code/bedrock-runtime-fields.generated.ts: the input fields of every
// command of the installed @aws-sdk/client-bedrock-runtime, the aggregated client's method of
// each command, and the fields of the structures those inputs nest one level down (guardrailConfig,
// inferenceConfig, …). Read from the package's type declarations with the TypeScript compiler API,
// so the lists follow the SDK version installed, never a list typed by hand.
//   node scripts/gen-sdk-fields.mjs          writes the file when its content changed
//   node scripts/gen-sdk-fields.mjs --check  exits 1 when the committed file is stale
// scripts/build.mjs calls generateIfStale() on every build; without the SDK package (an install
// without devDependencies) the committed file is kept as it is.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const OUTPUT = join(root, 'server', 'src', 'engine', 'code', 'bedrock-runtime-fields.generated.ts');
const PACKAGE = '@aws-sdk/client-bedrock-runtime';

/** The package's root folder, or undefined when it is not installed. */
function packageRoot() {
  try {
    return dirname(require.resolve(`${PACKAGE}/package.json`));
  } catch {
    return undefined;
  }
}

/** Every top-level interface and type alias of the declaration files, by name. */
function declarations(ts, files) {
  const out = new Map();
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of sf.statements) {
      if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && !out.has(st.name.text)) out.set(st.name.text, st);
    }
  }
  return out;
}

/** The name of the type reference a property type is (without `| undefined`), if any. */
function referencedName(ts, type) {
  if (!type) return undefined;
  if (ts.isUnionTypeNode(type)) {
    const parts = type.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword));
    return parts.length === 1 ? referencedName(ts, parts[0]) : undefined;
  }
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && !type.typeArguments) return type.typeName.text;
  return undefined;
}

/** Field name → referenced type name (or null) of a type node, following extends, Omit and `&`. */
function fieldsOfType(ts, decls, type, seen) {
  const out = new Map();
  if (ts.isTypeLiteralNode(type)) {
    for (const m of type.members) if (ts.isPropertySignature(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) out.set(m.name.text, referencedName(ts, m.type) ?? null);
  } else if (ts.isIntersectionTypeNode(type)) {
    for (const t of type.types) for (const [k, v] of fieldsOfType(ts, decls, t, seen)) out.set(k, v);
  } else if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    if (name === 'Omit' && type.typeArguments?.length === 2) {
      const base = fieldsOfType(ts, decls, type.typeArguments[0], seen);
      const omitted = type.typeArguments[1];
      const names = ts.isUnionTypeNode(omitted) ? omitted.types : [omitted];
      for (const n of names) if (ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal)) base.delete(n.literal.text);
      return base;
    }
    return fieldsOfName(ts, decls, name, seen);
  }
  return out;
}

function fieldsOfName(ts, decls, name, seen = new Set()) {
  const decl = decls.get(name);
  if (!decl || seen.has(name)) return new Map();
  seen.add(name);
  const out = new Map();
  if (ts.isInterfaceDeclaration(decl)) {
    for (const clause of decl.heritageClauses ?? []) {
      for (const t of clause.types) if (ts.isIdentifier(t.expression)) for (const [k, v] of fieldsOfName(ts, decls, t.expression.text, seen)) out.set(k, v);
    }
    for (const m of decl.members) if (ts.isPropertySignature(m) && m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) out.set(m.name.text, referencedName(ts, m.type) ?? null);
  } else {
    for (const [k, v] of fieldsOfType(ts, decls, decl.type, seen)) out.set(k, v);
  }
  return out;
}

const sorted = (map) => [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The generated module's text, or undefined when the SDK package is not installed. */
export function render() {
  const pkgRoot = packageRoot();
  if (!pkgRoot) return undefined;
  const ts = require('typescript');
  const version = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')).version;
  const typesDir = join(pkgRoot, 'dist-types');
  const commandsDir = join(typesDir, 'commands');
  const commandFiles = readdirSync(commandsDir).filter((f) => /^[A-Z]\w*Command\.d\.ts$/.test(f)).sort();
  const modelFiles = readdirSync(join(typesDir, 'models')).filter((f) => f.endsWith('.d.ts')).sort().map((f) => join(typesDir, 'models', f));
  const decls = declarations(ts, [...commandFiles.map((f) => join(commandsDir, f)), ...modelFiles]);
  const commands = new Map();
  const shapes = new Map();
  for (const f of commandFiles) {
    const command = f.replace(/\.d\.ts$/, '');
    const fields = fieldsOfName(ts, decls, `${command}Input`);
    if (fields.size === 0) continue;
    const method = command.charAt(0).toLowerCase() + command.slice(1, -'Command'.length);
    commands.set(command, { method, fields });
    for (const nested of fields.values()) {
      if (!nested || shapes.has(nested)) continue;
      const d = decls.get(nested);
      if (d && ts.isInterfaceDeclaration(d)) shapes.set(nested, fieldsOfName(ts, decls, nested));
    }
  }
  const fieldsText = (fields, indent) => sorted(fields).map(([k, v]) => `${indent}${JSON.stringify(k)}: ${v && shapes.has(v) ? JSON.stringify(v) : 'null'},`).join('\n');
  const lines = [
    `// Generated by scripts/gen-sdk-fields.mjs from ${PACKAGE} ${version} (its type declarations); do not edit.`,
    '// Input fields of each command, the aggregated client method that sends it, and the fields of the',
    '// structures the inputs nest one level down. A field maps to the structure it holds, or null.',
    '',
    '/** The package and version the lists were generated from. */',
    `export const SDK_PACKAGE = ${JSON.stringify(PACKAGE)};`,
    `export const SDK_VERSION = ${JSON.stringify(version)};`,
    '',
    '/** One command: its aggregated-client method and its input fields. */',
    'export interface CommandShape {',
    '  method: string;',
    '  fields: Readonly<Record<string, string | null>>;',
    '}',
    '',
    '/** Every command of the client, by class name. */',
    'export const COMMANDS: Readonly<Record<string, CommandShape>> = {',
    ...sorted(commands).flatMap(([name, c]) => [`  ${name}: {`, `    method: ${JSON.stringify(c.method)},`, '    fields: {', fieldsText(c.fields, '      '), '    },', '  },']),
    '};',
    '',
    '/** The fields of the structures that command inputs hold, by structure name. */',
    'export const STRUCTURES: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {',
    ...sorted(shapes).flatMap(([name, fields]) => [`  ${name}: {`, fieldsText(fields, '    '), '  },']),
    '};',
    '',
  ];
  return lines.join('\n');
}

/**
 * For builds: regenerates only when the installed SDK's version differs from the one the file
 * was generated from (rendering parses the declarations, about 0.3 s). The test suite checks the
 * whole content with --check.
 */
export function generateIfStale() {
  const pkgRoot = packageRoot();
  if (!pkgRoot) return false;
  const version = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')).version;
  if (existsSync(OUTPUT) && readFileSync(OUTPUT, 'utf8').includes(`export const SDK_VERSION = ${JSON.stringify(version)};`)) return false;
  return generate();
}

/** Writes the generated file when its content changed; returns true when it wrote. */
export function generate() {
  const text = render();
  if (text === undefined) return false;
  if (existsSync(OUTPUT) && readFileSync(OUTPUT, 'utf8') === text) return false;
  writeFileSync(OUTPUT, text);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const text = render();
    if (text === undefined) {
      console.error(`gen-sdk-fields: ${PACKAGE} is not installed`);
      process.exit(2);
    }
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error('gen-sdk-fields: bedrock-runtime-fields.generated.ts is stale (run node scripts/gen-sdk-fields.mjs)');
      process.exit(1);
    }
  } else {
    console.log(generate() ? `gen-sdk-fields: wrote ${OUTPUT}` : 'gen-sdk-fields: up to date');
  }
}
