// Command-line parsing for `bedrock-security`: the command, its options and paths. Bad usage
// becomes a `UsageError` with a one-line message (exit code 2), never an exception trace.
import type { PolicyKind } from '../engine/policy/model';

/** Output formats of `lint`. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

const POLICY_TYPES: readonly PolicyKind[] = ['identity', 'resource', 'scp'];

/** What the user asked for. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'lint';
      paths: string[];
      format: OutputFormat;
      policyType?: PolicyKind;
      /** Exit with 1 when there are more warnings than this; unlimited when undefined. */
      maxWarnings?: number;
      config?: string;
      quiet: boolean;
    };

/** A mistake on the command line; its message is shown as is. */
export class UsageError extends Error {}

export const HELP = `Usage: bedrock-security lint [paths...] [options]

Lints IAM policies and service control policies (JSON) for Amazon Bedrock security.
Paths are files or directories (default: the current directory). Directories are walked for
.json files, skipping node_modules and whatever .gitignore files ignore; a file named
explicitly is always linted.

Options:
  -f, --format text|json|sarif        output format (default: text)
      --policy-type identity|resource|scp
                                      treat every policy as this kind (default: SCP for files
                                      matching the scpFiles globs, otherwise by content)
      --max-warnings N                exit with 1 when there are more than N warnings
                                      (-1: no limit, the default)
  -c, --config FILE                   configuration file (default: ./.bedrock-security.json)
  -q, --quiet                         report errors only
  -h, --help                          show this help
  -v, --version                       show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 bad usage, a path or file that cannot be read, or an invalid configuration file.
`;

const VALUE_OPTIONS: Record<string, string> = {
  '--format': 'format',
  '-f': 'format',
  '--policy-type': 'policyType',
  '--max-warnings': 'maxWarnings',
  '--config': 'config',
  '-c': 'config',
};

const FLAG_OPTIONS: Record<string, string> = {
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
};

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')} (got '${value}')`);
}

/** Parses `argv` (without the node and script paths). Throws `UsageError` on bad usage. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const positionals: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in VALUE_OPTIONS) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && (!argv[i + 1].startsWith('-') || /^-\d+$/.test(argv[i + 1]))) value = argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      values[VALUE_OPTIONS[name]] = value;
    } else if (name in FLAG_OPTIONS) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      flags.add(FLAG_OPTIONS[name]);
    } else {
      throw new UsageError(`unknown option '${name}'`);
    }
  }
  if (flags.has('help')) return { kind: 'help' };
  if (flags.has('version')) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError("missing command: use 'bedrock-security lint [paths...]'");
  if (command !== 'lint') throw new UsageError(`unknown command '${command}': the only command is 'lint'`);
  let maxWarnings: number | undefined;
  if (values.maxWarnings !== undefined) {
    // -1 means unlimited, as in ESLint.
    if (!/^(\d+|-1)$/.test(values.maxWarnings)) throw new UsageError(`--max-warnings must be a non-negative integer or -1 (got '${values.maxWarnings}')`);
    maxWarnings = values.maxWarnings === '-1' ? undefined : Number(values.maxWarnings);
  }
  return {
    kind: 'lint',
    paths,
    format: values.format === undefined ? 'text' : oneOf('--format', values.format, FORMATS),
    policyType: values.policyType === undefined ? undefined : oneOf('--policy-type', values.policyType, POLICY_TYPES),
    maxWarnings,
    config: values.config,
    quiet: flags.has('quiet'),
  };
}
