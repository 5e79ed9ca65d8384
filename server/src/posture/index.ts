// The account posture engine's public API, shared by the VS Code view and the CLI: run the
// read-only checks of an AWS account's Amazon Bedrock security, list them, render reports, and
// produce the IAM policy they need. Editor-agnostic: no `vscode` import here or below.
import { CHECKS } from './checks/index';
import { datasetCalls } from './datasets';
import type { CheckDefinition } from './types';

export type * from './types';
export { runPosture, GLOBAL_REGION, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_ATTEMPTS } from './run';
export { resolveCredentials, profileRegion } from './credentials';
export { PostureSetupError, type SetupProblem } from './errors';
export { summaryLine, renderMarkdown, renderJson, CATEGORIES, STATE_LABELS, byCategory } from './render';
export { requiredIamPolicy } from './policy';

/** Every check: its id, category, the SDK calls it makes and the IAM actions those need. */
export const allChecks: CheckDefinition[] = CHECKS.map((c) => {
  const calls = [...new Set(c.needs.flatMap(datasetCalls))];
  return {
    id: c.id,
    title: c.title,
    category: c.category,
    calls,
    // Each call is authorised by the IAM action of the same name (datasets.ts).
    iamActions: [...calls],
  };
});
