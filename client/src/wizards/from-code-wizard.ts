// "Generate Policy from Code": asks the language server for the Bedrock runtime calls of the
// workspace's code (request bedrockSecurity/codeUsage), asks for the Regions (proposing the ones
// the code's clients name) and, when needed, the account, then writes the least-privilege policy
// for exactly those operations and models (server/src/engine/scaffold/from-code.ts). What the code
// does not make known is listed in the output, never guessed.
import { ProgressLocation, window, workspace } from 'vscode';
import { accountProblem } from '../../../server/src/engine/scaffold/least-privilege';
import { fromCodeNeedsAccount, policyFromCode, type CodeUsage } from '../../../server/src/engine/scaffold/from-code';
import { policyText } from '../../../server/src/engine/scaffold/policy-document';
import { CODE_USAGE_REQUEST } from '../../../server/src/lsp/code-usage-protocol';
import { SETTINGS_SECTION } from '../ids';
import type { ServerController } from '../server-controller';
import { accountOf, defaultRegions } from './answers';
import { runSteps, type Step } from './input-flow';
import { askRegions } from './least-privilege-wizard';
import { askPolicyPath, targetFolder, writePolicy } from './policy-files';

interface Answers {
  regions: string[];
  account: string;
  path?: string;
}

const TITLE = 'Generate Policy from Code';

/** Runs the command. */
export async function generatePolicyFromCode(server: ServerController): Promise<void> {
  const client = server.languageClient;
  if (!client) {
    void window.showWarningMessage('Bedrock Security: the language server is not running.');
    return;
  }
  const usage = await window.withProgress({ location: ProgressLocation.Notification, title: "Bedrock Security: reading the workspace's Bedrock calls…", cancellable: true }, (_, token) =>
    client.sendRequest<CodeUsage>(CODE_USAGE_REQUEST, {}, token).then(
      (u) => (token.isCancellationRequested ? undefined : u),
      () => undefined,
    ),
  );
  if (!usage) return;
  if (usage.calls.length === 0) {
    void window.showInformationMessage(`Bedrock Security: no Amazon Bedrock runtime calls found in the workspace's code (${usage.files} file${usage.files === 1 ? '' : 's'} mention Bedrock).`);
    return;
  }
  const settings = workspace.getConfiguration(SETTINGS_SECTION);
  const guardrailAccount = accountOf(usage.calls.map((c) => (typeof c.guardrail === 'object' ? c.guardrail.identifier : undefined)));
  const initial: Answers = {
    regions: usage.regions.length > 0 ? usage.regions : defaultRegions(settings.get<string[]>('allowedRegions') ?? [], process.env),
    account: guardrailAccount ?? accountOf([settings.get<string>('guardrailArn')]) ?? '',
  };
  const steps: Step<Answers>[] = [
    { ask: async (ask, a) => void (a.regions = await askRegions(ask, `Regions the code calls Amazon Bedrock in (${usage.calls.length} call${usage.calls.length === 1 ? '' : 's'} found)`, a.regions, false)) },
    {
      when: () => fromCodeNeedsAccount(usage),
      ask: async (ask, a) => void (a.account = await ask.text({ prompt: 'AWS account id of the inference profiles and guardrails the code uses', value: a.account, placeholder: '111122223333', validate: accountProblem })),
    },
    { ask: async (ask, a) => void (a.path = await askPolicyPath(ask, targetFolder(), 'policies/bedrock-from-code.json', a.path)) },
  ];
  const folder = targetFolder();
  const a = await runSteps(TITLE, steps, initial);
  if (!a) return;
  const { policy, notes } = policyFromCode(usage, { regions: a.regions, account: a.account || undefined });
  await writePolicy(folder, a.path, policyText(policy));
  if (notes.length === 0) return;
  server.output.info(`Generate Policy from Code:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
  const choice = await window.showInformationMessage(`Bedrock Security: ${notes.length} note${notes.length === 1 ? '' : 's'} on the generated policy: ${notes[0]}`, 'Show All');
  if (choice) server.output.show(true);
}
