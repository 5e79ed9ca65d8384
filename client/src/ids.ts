// Identifiers the extension shares with package.json and the language server: the settings
// section, command ids and context keys. Kept in one place so that they cannot drift apart.

/** The language client id; also the prefix of `bedrockSecurity.trace.server`. */
export const CLIENT_ID = 'bedrockSecurity';

/** The settings section (package.json `contributes.configuration`). */
export const SETTINGS_SECTION = 'bedrockSecurity';

/** Command ids (package.json `contributes.commands`). */
export const Commands = {
  restartServer: 'bedrockSecurity.restartServer',
  showOutput: 'bedrockSecurity.showOutput',
  /** Served by the language server (workspace/executeCommand); the client library registers it. */
  lintWorkspace: 'bedrockSecurity.lintWorkspace',
} as const;

/** Context keys for `when` clauses. */
export const ContextKeys = {
  /** True while the language server is running. */
  serverReady: 'bedrockSecurity.serverReady',
} as const;
