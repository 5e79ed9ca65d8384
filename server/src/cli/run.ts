// `bedrock-security` as a function: arguments and environment in, stdout, stderr and exit code
// out. main.ts wires it to the process. `lint` is synchronous; `posture` calls AWS (read-only)
// and is bounded by its --timeout.
import { relative, sep } from 'node:path';
import { sharedIamData } from '../engine/iam/data';
import { FILE_TOO_LARGE, Linter } from '../engine/linter';
import { HELP, parseArgs, UsageError, type CliCommand } from './args';
import { ConfigError, loadCliConfig } from './config';
import { collectFiles } from './files';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { lintFiles } from './lint';
import { packageInfo } from './package-info';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

export interface CliEnvironment {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour is used only then, and only without NO_COLOR). */
  stdoutIsTty: boolean;
}

export interface CliOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const NAME = 'bedrock-security';

/** Messages as `bedrock-security: <message>` lines. */
export function lines(messages: readonly string[]): string {
  return messages.map((m) => `${NAME}: ${m}\n`).join('');
}

function runLint(cmd: Extract<CliCommand, { kind: 'lint' }>, io: CliEnvironment): CliOutcome {
  const linter = new Linter(sharedIamData());
  const display = (abs: string) => relative(io.cwd, abs).split(sep).join('/') || '.';
  const knownRules = new Set([...linter.rules.map((r) => r.meta.id), FILE_TOO_LARGE]);
  const config = loadCliConfig(io.cwd, cmd.config, knownRules, display);
  const collected = collectFiles(io.cwd, cmd.paths);
  if (collected.problems.length) return { stdout: '', stderr: lines([...config.warnings, ...collected.problems]), exitCode: EXIT.failure };

  const report = lintFiles(linter, collected.files, { cwd: io.cwd, root: config.root, settings: config.settings, policyType: cmd.policyType, quiet: cmd.quiet });
  const stderr = [...config.warnings, ...report.failures.map((f) => `${f.path}: ${f.message}`)];
  let stdout: string;
  switch (cmd.format) {
    case 'json':
      stdout = formatJson(report);
      break;
    case 'sarif':
      stdout = formatSarif(report, { cwd: io.cwd, rules: linter.rules, settings: config.settings, tool: packageInfo(), iamDataVersion: linter.iam.version, configWarnings: config.warnings });
      break;
    default:
      stdout = formatText(report, io.stdoutIsTty && !io.env.NO_COLOR);
  }
  let exitCode: number = EXIT.ok;
  if (report.counts.error > 0) exitCode = EXIT.problems;
  if (cmd.maxWarnings !== undefined && report.warnings > cmd.maxWarnings) {
    exitCode = EXIT.problems;
    stderr.push(`too many warnings: ${report.warnings}, more than --max-warnings ${cmd.maxWarnings}`);
  }
  if (report.failures.length) exitCode = EXIT.failure;
  return { stdout, stderr: lines(stderr), exitCode };
}

/** Runs the CLI. Never rejects: usage, configuration, setup and internal errors become exit code 2. */
export async function runCli(argv: readonly string[], io: CliEnvironment): Promise<CliOutcome> {
  try {
    const cmd = parseArgs(argv);
    if (cmd.kind === 'help') return { stdout: HELP, stderr: '', exitCode: EXIT.ok };
    if (cmd.kind === 'version') {
      const info = packageInfo();
      return { stdout: `${info.name} ${info.version} (IAM data ${sharedIamData().version})\n`, stderr: '', exitCode: EXIT.ok };
    }
    // Loaded on demand: the AWS SDK clients are most of the bundle, and `lint` needs none of them.
    if (cmd.kind === 'posture') return await (await import('./posture')).runPostureCommand(cmd, io);
    return runLint(cmd, io);
  } catch (e) {
    if (e instanceof UsageError) return { stdout: '', stderr: lines([`${e.message} (see ${NAME} --help)`]), exitCode: EXIT.failure };
    if (e instanceof ConfigError) return { stdout: '', stderr: lines([e.message]), exitCode: EXIT.failure };
    return { stdout: '', stderr: lines([`internal error: ${(e as Error)?.message ?? String(e)}`]), exitCode: EXIT.failure };
  }
}
