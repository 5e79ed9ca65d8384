// Entry point of the `bedrock-security` command (bundled to dist/cli.js): runs the CLI on the
// process's arguments, writes its output and sets the exit code. Setting `process.exitCode`
// instead of calling `process.exit()` lets piped output drain completely.
import { runCli } from './run';

const outcome = runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdoutIsTty: process.stdout.isTTY === true });
if (outcome.stdout) process.stdout.write(outcome.stdout);
if (outcome.stderr) process.stderr.write(outcome.stderr);
process.exitCode = outcome.exitCode;
