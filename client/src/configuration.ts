// Answers the server's workspace/configuration requests with only the settings the user set
// explicitly (user, workspace or folder level). The server merges defaults < the folder's
// `.bedrock-security.json` < editor settings, so package.json defaults must not be sent: they
// would override the config file.
import { Uri, workspace } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from './ids';

/** The settings the server reads; `rules` is an object merged across levels, as VS Code does. */
export const SERVER_SETTINGS = ['rules', 'scpFiles', 'guardrailArn', 'guardrailVersion', 'allowedRegions', 'maxFileSize'] as const;

/** The explicitly set `bedrockSecurity` settings for a folder (or the window when undefined). */
export function explicitSettings(scope: Uri | undefined): Record<string, unknown> {
  const config = workspace.getConfiguration(SETTINGS_SECTION, scope);
  const out: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const i = config.inspect(key);
    if (!i) continue;
    if (key === 'rules') {
      const levels = [i.globalValue, i.workspaceValue, i.workspaceFolderValue].filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
      if (levels.length) out.rules = Object.assign({}, ...levels);
      continue;
    }
    const value = i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Client middleware that answers configuration requests for our section with `explicitSettings`. */
export const configurationMiddleware: Middleware = {
  workspace: {
    configuration: (params, token, next) => {
      if (!params.items.every((item) => item.section === SETTINGS_SECTION)) return next(params, token);
      return params.items.map((item) => explicitSettings(item.scopeUri ? Uri.parse(item.scopeUri) : undefined));
    },
  },
};
