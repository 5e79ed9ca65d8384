// Command-line parsing for `bedrock-security`: the command, its options and paths. Bad usage
// becomes a `UsageError` with a one-line message (exit code 2), never an exception trace.
import type { PolicyKind } from '../engine/policy/model';

/** Output formats of `lint`. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** Output formats of `posture`. */
export const POSTURE_FORMATS = ['text', 'json'] as const;
export type PostureFormat = (typeof POSTURE_FORMATS)[number];

/** Default of `posture --timeout`, in seconds: the whole run stops after it. */
export const DEFAULT_POSTURE_TIMEOUT_S = 120;

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
    }
  | {
      kind: 'posture';
      profile?: string;
      /** Empty: the profile's default Region. */
      regions: string[];
      format: PostureFormat;
      endpointUrl?: string;
      /** Seconds before the whole run is cancelled. */
      timeoutS: number;
    };

/** A mistake on the command line; its message is shown as is. */
export class UsageError extends Error {}

export const HELP = `Usage: bedrock-security lint [paths...] [options]
       bedrock-security posture [options]

Lints IAM policies and service control policies (JSON), and TypeScript/JavaScript code
(Bedrock SDK calls, AWS CDK constructs, policies in code) for Amazon Bedrock security.
Paths are files or directories (default: the current directory). Directories are walked for
.json, .ts, .tsx, .mts, .cts, .js, .jsx, .mjs and .cjs files, skipping node_modules, .d.ts and
.min.js files and whatever .gitignore files ignore; a file named explicitly is always linted.

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

posture: checks the Amazon Bedrock security of an AWS account with read-only calls
(guardrails, logging, network, encryption, monitoring, identity). Credentials come from the
standard AWS sources (environment, ~/.aws/config and credentials, SSO, credential_process).

Options:
      --profile NAME                  AWS profile (default: AWS_PROFILE, then the default chain)
      --region REGION                 Region to check; repeat or separate with commas
                                      (default: the profile's Region)
  -f, --format text|json              output format (default: text)
      --endpoint-url URL              send every call to this endpoint (tests, proxies)
      --timeout SECONDS               stop the whole run after this long (default: 120)

Exit codes: 0 no check failed (warnings, not applicable and checks that could not run are
listed), 1 at least one check failed, 2 the checks could not run (no credentials, expired SSO
session, unknown profile, bad arguments, time-out, or no check could run at all).
`;

const VALUE_OPTIONS: Record<string, string> = {
  '--format': 'format',
  '-f': 'format',
  '--policy-type': 'policyType',
  '--max-warnings': 'maxWarnings',
  '--config': 'config',
  '-c': 'config',
  '--profile': 'profile',
  '--region': 'region',
  '--endpoint-url': 'endpointUrl',
  '--timeout': 'timeout',
};

/** Options that only one command takes (the others reject them). */
const LINT_ONLY = ['policyType', 'maxWarnings', 'config', 'quiet'];
const POSTURE_ONLY = ['profile', 'region', 'endpointUrl', 'timeout'];
const OPTION_NAMES: Record<string, string> = { policyType: '--policy-type', maxWarnings: '--max-warnings', config: '--config', quiet: '--quiet', profile: '--profile', region: '--region', endpointUrl: '--endpoint-url', timeout: '--timeout' };

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
  const regions: string[] = [];
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
      if (name === '--region') regions.push(...value.split(',').map((r) => r.trim()).filter((r) => r !== ''));
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
  if (command === undefined) throw new UsageError("missing command: use 'bedrock-security lint [paths...]' or 'bedrock-security posture'");
  if (command !== 'lint' && command !== 'posture') throw new UsageError(`unknown command '${command}': the commands are 'lint' and 'posture'`);
  const given = [...Object.keys(values), ...flags];
  const foreign = given.find((o) => (command === 'lint' ? POSTURE_ONLY : LINT_ONLY).includes(o));
  if (foreign) throw new UsageError(`${OPTION_NAMES[foreign]} is not an option of '${command}'`);
  if (command === 'posture') return postureCommand(paths, values, regions);
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

function postureCommand(paths: string[], values: Record<string, string>, regions: string[]): CliCommand {
  if (paths.length) throw new UsageError(`'posture' takes no paths (got '${paths[0]}')`);
  const bad = regions.find((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (bad !== undefined) throw new UsageError(`--region must be an AWS Region such as us-east-1 (got '${bad}')`);
  if (values.endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(values.endpointUrl)) throw new UsageError(`--endpoint-url must be an http:// or https:// URL (got '${values.endpointUrl}')`);
  let timeoutS = DEFAULT_POSTURE_TIMEOUT_S;
  if (values.timeout !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(values.timeout) || Number(values.timeout) <= 0) throw new UsageError(`--timeout must be a positive number of seconds (got '${values.timeout}')`);
    timeoutS = Number(values.timeout);
  }
  return {
    kind: 'posture',
    profile: values.profile,
    regions: [...new Set(regions)],
    format: values.format === undefined ? 'text' : oneOf('--format', values.format, POSTURE_FORMATS),
    endpointUrl: values.endpointUrl,
    timeoutS,
  };
}
