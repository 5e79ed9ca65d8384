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
  /** Scaffolding wizards (client/src/wizards). */
  newLeastPrivilegePolicy: 'bedrockSecurity.newLeastPrivilegePolicy',
  newServiceControlPolicy: 'bedrockSecurity.newServiceControlPolicy',
  /** Rule documentation picker, also run by the "Show documentation" code action with a rule id. */
  showRuleDocumentation: 'bedrockSecurity.showRuleDocumentation',
  /** Fix-all of every file with findings, through the Refactor Preview. */
  fixAllInWorkspace: 'bedrockSecurity.fixAllInWorkspace',
  /** Opens the Problems view (the status-bar item's click). */
  showProblems: 'bedrockSecurity.showProblems',
  /** The least-privilege policy for the Bedrock calls of the workspace's code. */
  generatePolicyFromCode: 'bedrockSecurity.generatePolicyFromCode',
  /** Account Posture view (client/src/views/posture). */
  postureRefresh: 'bedrockSecurity.posture.refresh',
  postureCancel: 'bedrockSecurity.posture.cancel',
  postureExport: 'bedrockSecurity.posture.export',
  postureSelectProfile: 'bedrockSecurity.posture.selectProfile',
  postureSelectRegions: 'bedrockSecurity.posture.selectRegions',
  postureRemediate: 'bedrockSecurity.posture.remediate',
  postureCopyCliCommand: 'bedrockSecurity.posture.copyCliCommand',
  postureOpenSnippet: 'bedrockSecurity.posture.openSnippet',
  postureOpenRemediationDocs: 'bedrockSecurity.posture.openRemediationDocs',
  postureOpenConsole: 'bedrockSecurity.posture.openConsole',
} as const;

/** Context keys for `when` clauses. */
export const ContextKeys = {
  /** True while the language server is running. */
  serverReady: 'bedrockSecurity.serverReady',
  /** What the Account Posture view can do: `untrusted`, `noCredentials` or `ready` (welcome views). */
  postureState: 'bedrockSecurity.posture.state',
  /** True while a posture refresh runs (Cancel replaces Refresh in the view title). */
  postureRunning: 'bedrockSecurity.posture.running',
  /** True once a report exists (Export is enabled). */
  postureHasReport: 'bedrockSecurity.posture.hasReport',
} as const;

/** View container and view ids (package.json `contributes.viewsContainers` and `views`). */
export const Views = {
  container: 'bedrockSecurity',
  posture: 'bedrockSecurity.posture',
} as const;

/** The settings of the Account Posture view, below SETTINGS_SECTION. */
export const PostureSettings = {
  section: 'bedrockSecurity.posture',
  profile: 'profile',
  regions: 'regions',
  endpointUrl: 'endpointUrl',
} as const;
