// Entry point of the `bedrock-security` command (bundled to dist/cli.js): runs the CLI on the
// process's arguments, writes its output and sets the exit code. Setting `process.exitCode`
// instead of calling `process.exit()` lets piped output drain completely.
import './v8-flags';
import { runCli } from './run';

// A reader that stops early (`| head`) closes the pipe: stop quietly instead of with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// The AWS SDK warns on stderr that its future releases need Node 22; that is about the SDK's
// releases, not this command, and would break the one-line error contract of `posture`.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

void runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdoutIsTty: process.stdout.isTTY === true }).then((outcome) => {
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
});
