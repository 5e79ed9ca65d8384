// Public types of the account posture engine: the results of read-only checks of an AWS
// account's Amazon Bedrock security, as shown by the VS Code "Account Posture" view and printed
// by `bedrock-security posture`. Editor-agnostic (no `vscode` import); keep these stable, the
// view codes against them.

/** Outcome of one check; `error` means "could not check" (see `CheckResult.reason`). */
export type CheckState = 'pass' | 'warning' | 'fail' | 'not-applicable' | 'error';

/** Categories of the Bedrock security checklist, in display order. */
export type CheckCategory = 'Guardrails' | 'Logging' | 'Network' | 'Encryption' | 'Monitoring' | 'Identity';

/** One thing a check looked at: an ARN, a setting and its value. */
export interface Evidence {
  label: string;
  value: string;
}

/** Help to fix a failing check. Never changes the account: a command to copy, a snippet, a doc. */
export interface Remediation {
  title: string;
  cliCommand?: string;
  snippet?: string;
  docsUrl?: string;
}

/** The result of one check in one Region (or in the pseudo-Region `global` for IAM checks). */
export interface CheckResult {
  checkId: string;
  title: string;
  category: CheckCategory;
  region: string;
  state: CheckState;
  /** Short description shown next to the node. */
  summary: string;
  /** For `error`: why it could not check (names the denied action, says `aws sso login --profile X`, …). */
  reason?: string;
  /** The ARNs, settings and values looked at (tooltip). */
  evidence: Evidence[];
  consoleUrl?: string;
  remediation?: Remediation;
}

/** All results of one Region. */
export interface RegionReport {
  region: string;
  results: CheckResult[];
}

/** Number of results per state. */
export interface PostureSummary {
  pass: number;
  warning: number;
  fail: number;
  notApplicable: number;
  error: number;
}

/** Everything one posture run found. */
export interface PostureReport {
  profile?: string;
  accountId?: string;
  generatedAt: string;
  regions: RegionReport[];
  summary: PostureSummary;
}

/** Where a run reports progress: request ids and errors only, never secrets. */
export interface PostureLogger {
  info(message: string): void;
  error(message: string): void;
}

/** How to run the checks. */
export interface PostureOptions {
  profile?: string;
  regions: string[];
  /** Sends every call to this URL instead of the AWS endpoints (tests, proxies). */
  endpointUrl?: string;
  signal?: AbortSignal;
  /** Credentials to use; otherwise the standard provider chain for `profile`. */
  credentials?: import('@aws-sdk/types').AwsCredentialIdentityProvider;
  logger?: PostureLogger;
  timeoutMs?: number;
  maxAttempts?: number;
}

/** Static description of one check: what it calls and which IAM actions that needs. */
export interface CheckDefinition {
  id: string;
  title: string;
  category: CheckCategory;
  /** SDK operations, e.g. `bedrock:ListGuardrails`. */
  calls: string[];
  iamActions: string[];
}
