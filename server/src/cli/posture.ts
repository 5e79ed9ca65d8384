// `bedrock-security posture`: runs the account posture checks (server/src/posture) for CI and
// prints the same results as the VS Code view. Exit 0 when no check failed, 1 when one did,
// 2 when the checks could not run (setup problems, time-out, or no check could run at all).
// The whole run is bounded by --timeout: it never hangs.
import type { CliCommand } from './args';
import type { CliEnvironment, CliOutcome } from './run';
import { formatPostureText } from './format/posture-text';
import { profileRegion, PostureSetupError, renderJson, runPosture, type PostureReport } from '../posture/index';

const NAME = 'bedrock-security';

function failure(message: string): CliOutcome {
  return { stdout: '', stderr: `${NAME}: ${message}\n`, exitCode: 2 };
}

/** Runs `posture`; never rejects. */
export async function runPostureCommand(cmd: Extract<CliCommand, { kind: 'posture' }>, io: CliEnvironment): Promise<CliOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), cmd.timeoutS * 1000);
  try {
    const regions = cmd.regions.length ? cmd.regions : [await profileRegion(cmd.profile)].filter((r): r is string => r !== undefined);
    if (regions.length === 0) return failure('no Region to check: pass --region, or set AWS_REGION or the region of the profile');
    let report: PostureReport;
    try {
      report = await runPosture({ profile: cmd.profile, regions, endpointUrl: cmd.endpointUrl, signal: controller.signal });
    } catch (e) {
      if (e instanceof PostureSetupError) return failure(e.message);
      if ((e as { name?: string })?.name === 'AbortError') return failure(`the posture checks did not finish within ${cmd.timeoutS} s (--timeout)`);
      return failure(`internal error: ${(e as Error)?.message ?? String(e)}`);
    }
    const results = report.regions.flatMap((r) => r.results);
    const stdout = cmd.format === 'json' ? renderJson(report) : formatPostureText(report, io.stdoutIsTty && !io.env.NO_COLOR);
    const errors = results.filter((r) => r.state === 'error');
    if (results.length > 0 && errors.length === results.length) {
      return { stdout, stderr: `${NAME}: no check could run: ${errors[0].reason ?? errors[0].summary}\n`, exitCode: 2 };
    }
    const stderr = errors.length ? `${NAME}: ${errors.length === 1 ? '1 check' : `${errors.length} checks`} could not run (see the output)\n` : '';
    return { stdout, stderr, exitCode: report.summary.fail > 0 ? 1 : 0 };
  } finally {
    clearTimeout(timer);
  }
}
