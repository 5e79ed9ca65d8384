// What the Account Posture view shows around a run, as plain data: the problems that stop a run
// before any AWS call, the node for a run that could not start, the line above the tree, and the
// welcome state. Editor-agnostic (no `vscode` import) so that node:test covers it.
import type { PostureReport, SetupProblem } from '../../../../server/src/posture/index';
import { describeSource, type CredentialSource } from '../../aws/profiles';
import { Commands } from '../../ids';
import { noticeNode, type NoticeNode } from './tree-model';

/** The welcome content to show (`bedrockSecurity.posture.state`); `untrusted` shows its own. */
export type PostureState = 'untrusted' | 'noCredentials' | 'ready';

/** The welcome state for a workspace's trust and the credential source. */
export function postureState(trusted: boolean, source: CredentialSource): PostureState {
  if (!trusted) return 'untrusted';
  return source.kind === 'none' ? 'noCredentials' : 'ready';
}

const SELECT_PROFILE = { id: Commands.postureSelectProfile, title: 'Select AWS profile' };
const SELECT_REGIONS = { id: Commands.postureSelectRegions, title: 'Select Regions' };
const CHECK_AGAIN = { id: Commands.postureRefresh, title: 'Check again' };
const SHOW_OUTPUT = { id: Commands.showOutput, title: 'Show output' };

/** A problem that stops a run before any AWS call (unknown profile, no Region, bad endpoint URL), as a node. */
export function preflightProblem(source: CredentialSource, regions: readonly string[], endpointUrl: string | undefined): NoticeNode | undefined {
  if (source.kind === 'unknown-profile') {
    const where = source.origin === 'setting' ? 'The setting bedrockSecurity.posture.profile' : 'The environment variable AWS_PROFILE';
    return noticeNode('unknown-profile', 'error', `Profile "${source.profile}" not found`, `${where} names a profile that neither AWS config file defines`, SELECT_PROFILE);
  }
  if (!regions.length) return noticeNode('no-region', 'error', 'No Region to check', 'Select Regions, or set AWS_REGION or a region in the AWS profile', SELECT_REGIONS);
  if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl)) {
    return noticeNode('endpoint', 'error', 'Invalid endpoint URL', `bedrockSecurity.posture.endpointUrl is not an http(s) URL: ${endpointUrl}`);
  }
  return undefined;
}

/**
 * The node for a run that could not start (`PostureSetupError` of the engine), with the command
 * that helps: sign in again for an expired SSO session, pick another profile for credential
 * problems. Undefined when the welcome content says it better (no credentials at all and no
 * profile chosen).
 */
export function setupProblemNode(kind: SetupProblem, message: string, source: CredentialSource): NoticeNode | undefined {
  if (kind === 'no-credentials' && source.kind === 'none') return undefined;
  const command = kind === 'expired-sso' ? CHECK_AGAIN : kind === 'options' ? SHOW_OUTPUT : SELECT_PROFILE;
  return noticeNode('run', 'error', 'Could not run the checks', message, command);
}

/** The node for a run that failed unexpectedly (a bug, a broken bundle): the log has the rest. */
export function failedRunNode(message: string): NoticeNode {
  return noticeNode('run', 'error', 'Could not run the checks', message, SHOW_OUTPUT);
}

/** The node of a run cancelled before any result existed. */
export function cancelledNode(): NoticeNode {
  return noticeNode('cancelled', 'not-applicable', 'Refresh cancelled', 'Nothing was checked', CHECK_AGAIN);
}

/**
 * The line above the tree: the summary first (a container with a single view hides the view's
 * own title description), then whose account, when, and through which endpoint.
 * `time` formats the report's time for the user's locale.
 */
export function reportMessage(report: PostureReport, summary: string, source: CredentialSource, endpointUrl: string | undefined, time: (d: Date) => string): string {
  const at = new Date(report.generatedAt);
  const when = Number.isNaN(at.getTime()) ? '' : ` at ${time(at)}`;
  const account = report.accountId ? `account ${report.accountId}, ` : '';
  const through = endpointUrl ? ` through ${endpointUrl}` : '';
  return `${summary} — ${account}${report.profile ?? describeSource(source)}${when}${through}`;
}
