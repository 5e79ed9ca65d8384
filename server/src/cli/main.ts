// Entry point of the `bedrock-security` command (bundled to dist/cli.js): runs the CLI on the
// process's arguments, writes its output and sets the exit code. Setting `process.exitCode`
// instead of calling `process.exit()` lets piped output drain completely.
import { runCli } from './run';

// A reader that stops early (`| head`) closes the pipe: stop quietly instead of with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const outcome = runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdoutIsTty: process.stdout.isTTY === true });
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
