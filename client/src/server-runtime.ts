// How the extension starts the language server process: its Node options. Shared with
// scripts/bench.mjs, so that the benchmark measures the server as the extension runs it.

/**
 * V8 options of the language server process. `--optimize-for-size` keeps the young generation
 * small and grows the heap in small steps: after opening the 1,452 AWS managed policies twice
 * the server peaks at about 117 MB instead of 160 MB, for about 0.1 ms more per document
 * (`node scripts/bench.mjs`, which runs the server with these options).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--optimize-for-size'];
