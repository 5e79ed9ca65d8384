// The `bedrockSecurity/codeUsage` request behind "Generate Policy from Code", as both ends see it:
// no parameters; the result is the Bedrock runtime calls of the workspace's code files and the
// Regions of their SDK clients (file paths relative to the folder, prefixed with the folder's
// name when the workspace has several).
export type { CodeCall, CodeUsage, GuardrailUse } from '../engine/scaffold/from-code';

/** The request method. */
export const CODE_USAGE_REQUEST = 'bedrockSecurity/codeUsage';
