// "New Least-Privilege Policy…": asks what the policy is for, the Regions, the models (typed, or
// chosen from the account with ListFoundationModels/ListInferenceProfiles), streaming and the
// guardrail, builds the policy with the engine's builder (server/src/engine/scaffold) and writes
// it to a new file of the workspace.
import { ProgressLocation, window, workspace, type ExtensionContext } from 'vscode';
import { AWS_REGIONS } from '../aws/regions';
import { SETTINGS_SECTION } from '../ids';
import { buildLeastPrivilegePolicy, DEFAULT_ADMIN_TAG, accountProblem, agentAliasProblem, guardrailArnProblem, guardrailVersionProblem, knowledgeBaseProblem, needsAccount, type PolicyPurpose } from '../../../server/src/engine/scaffold/least-privilege';
import { modelIdProblem } from '../../../server/src/engine/scaffold/models';
import { policyText } from '../../../server/src/engine/scaffold/policy-document';
import type * as AccountModels from './account-models';
import { accountOf, defaultRegions, listProblem, parseTag, splitList } from './answers';
import { runSteps, type Ask, type Choice, type Step } from './input-flow';
import { askPolicyPath, targetFolder, writePolicy } from './policy-files';

/** The answers collected so far. */
interface Answers {
  purpose: PolicyPurpose;
  regions: string[];
  knowledgeBases: string[];
  agentAliases: string[];
  modelSource: 'type' | 'account';
  models: string[];
  /** Accounts seen in listed inference profiles (a default for the account question). */
  listedAccount?: string;
  streaming: boolean;
  requireGuardrail: boolean;
  guardrailArn: string;
  guardrailVersion: string;
  adminTag: string;
  account: string;
  path?: string;
}

const TITLE = 'New Least-Privilege Policy';

const PURPOSES: Choice<PolicyPurpose>[] = [
  { label: '$(play) Invoke models', detail: 'InvokeModel and Converse, optionally streaming, on the models you name', value: 'invoke-models' },
  { label: '$(book) Query a knowledge base', detail: 'Retrieve on the knowledge bases, RetrieveAndGenerate, and the generation model', value: 'knowledge-base' },
  { label: '$(hubot) Invoke agents', detail: 'InvokeAgent on agent aliases', value: 'agents' },
  { label: '$(shield) Administer guardrails', detail: 'Create, change, version and delete guardrails, for principals with an administrator tag', value: 'guardrails-admin' },
];

/** File names proposed per purpose. */
const FILE_NAMES: Record<PolicyPurpose, string> = {
  'invoke-models': 'policies/bedrock-invoke-models.json',
  'knowledge-base': 'policies/bedrock-knowledge-base.json',
  agents: 'policies/bedrock-agents.json',
  'guardrails-admin': 'policies/bedrock-guardrail-admins.json',
};

const callsModels = (a: Answers) => a.purpose === 'invoke-models' || a.purpose === 'knowledge-base';

/** The Region choices, the selected ones first. */
export function regionChoices(selected: readonly string[]): Choice<string>[] {
  const codes = [...new Set([...selected, ...Object.keys(AWS_REGIONS)])];
  return codes.map((code) => ({ label: code, description: AWS_REGIONS[code] ?? '', value: code }));
}

/** Loads the account model listing (dist/models.js) on first use; the SDK stays out of dist/client.js. */
function loadAccountModels(context: ExtensionContext): typeof AccountModels {
  // A runtime path, so that esbuild does not bundle the SDK into the client.
  return require(context.asAbsolutePath('dist/models.js')) as typeof AccountModels;
}

/** Lists the account's models with a cancellable progress notification; undefined after a failure (shown). */
async function listModels(context: ExtensionContext, region: string): Promise<AccountModels.AccountModel[] | undefined> {
  const profile = workspace.getConfiguration(`${SETTINGS_SECTION}.posture`).get<string>('profile') || undefined;
  try {
    return await window.withProgress({ location: ProgressLocation.Notification, title: `Listing the Amazon Bedrock models of ${region}…`, cancellable: true }, (_, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return loadAccountModels(context).listAccountModels({ region, profile, signal: abort.signal });
    });
  } catch (e) {
    const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
    void window.showWarningMessage(`Bedrock Security: could not list the models of ${region} (${message}). Type the model ids instead.`);
    return undefined;
  }
}

function steps(context: ExtensionContext): Step<Answers>[] {
  return [
    { ask: async (ask, a) => void (a.purpose = await ask.pick({ placeholder: 'What is the policy for?', items: PURPOSES, active: a.purpose })) },
    { ask: async (ask, a) => void (a.regions = await askRegions(ask, 'Regions the application calls Amazon Bedrock in (source Regions)', a.regions, false)) },
    {
      when: (a) => a.purpose === 'knowledge-base',
      ask: async (ask, a) => {
        const text = await ask.text({ prompt: 'Knowledge base ids or ARNs, separated by commas', value: a.knowledgeBases.join(', '), placeholder: 'KB12345678', validate: (v) => listProblem(v, knowledgeBaseProblem, 'knowledge base') });
        a.knowledgeBases = splitList(text);
      },
    },
    {
      when: (a) => a.purpose === 'agents',
      ask: async (ask, a) => {
        const text = await ask.text({ prompt: 'Agent aliases as AGENT_ID/ALIAS_ID, or agent-alias ARNs, separated by commas', value: a.agentAliases.join(', '), placeholder: 'AGENT12345/ALIAS12345', validate: (v) => listProblem(v, agentAliasProblem, 'agent alias') });
        a.agentAliases = splitList(text);
      },
    },
    {
      when: callsModels,
      ask: async (ask, a) => {
        a.modelSource = await ask.pick({
          placeholder: a.purpose === 'knowledge-base' ? 'Generation models: type them, or choose from your account?' : 'Models: type them, or choose from your account?',
          items: [
            { label: '$(edit) Type model or inference profile ids', detail: 'For example anthropic.claude-3-haiku-20240307-v1:0 or us.amazon.nova-pro-v1:0', value: 'type' },
            { label: '$(cloud) Choose from my account', detail: 'Lists on-demand models and inference profiles with your AWS credentials (ListFoundationModels, ListInferenceProfiles; read-only)', value: 'account' },
          ],
          active: a.modelSource,
        });
      },
    },
    {
      when: callsModels,
      ask: async (ask, a) => {
        const listed = a.modelSource === 'account' ? await listModels(context, a.regions[0]) : undefined;
        if (listed && listed.length > 0) {
          a.listedAccount = listed.find((m) => m.account)?.account;
          const items: Choice<string>[] = listed.map((m) => ({ label: m.id, description: m.name, detail: m.detail, value: m.id }));
          a.models = await ask.pickMany({ placeholder: `Models of ${a.regions[0]} the policy allows`, items, selected: a.models });
          return;
        }
        const text = await ask.text({
          prompt: 'Model ids, inference profile ids or model ARNs, separated by commas',
          value: a.models.join(', '),
          placeholder: 'anthropic.claude-3-haiku-20240307-v1:0, us.anthropic.claude-sonnet-4-5-20250929-v1:0',
          validate: (v) => listProblem(v, modelIdProblem, 'model'),
        });
        a.models = splitList(text);
      },
    },
    {
      when: callsModels,
      ask: async (ask, a) => {
        a.streaming = await ask.pick({
          placeholder: 'Does the application stream responses?',
          items: [
            { label: 'No streaming', detail: 'bedrock:InvokeModel (InvokeModel and Converse)', value: false },
            { label: 'Streaming too', detail: 'Also bedrock:InvokeModelWithResponseStream (InvokeModelWithResponseStream and ConverseStream)', value: true },
          ],
          active: a.streaming,
        });
      },
    },
    {
      when: callsModels,
      ask: async (ask, a) => {
        a.requireGuardrail = await ask.pick({
          placeholder: 'Require a guardrail on every model call?',
          items: [
            { label: '$(shield) Require a guardrail', detail: 'Allow with bedrock:GuardrailIdentifier, a matching Deny, and bedrock:ApplyGuardrail on the guardrail (recommended)', value: true },
            { label: 'No guardrail', detail: 'The policy lets the application call models without a guardrail', value: false },
          ],
          active: a.requireGuardrail,
        });
      },
    },
    {
      when: (a) => callsModels(a) && a.requireGuardrail,
      ask: async (ask, a) => {
        a.guardrailArn = await ask.text({ prompt: 'Guardrail ARN', value: a.guardrailArn, placeholder: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456', validate: guardrailArnProblem });
      },
    },
    {
      when: (a) => callsModels(a) && a.requireGuardrail,
      ask: async (ask, a) => {
        a.guardrailVersion = await ask.text({ prompt: 'Guardrail version to require (empty: any version of this guardrail, DRAFT included)', value: a.guardrailVersion, placeholder: '1', validate: guardrailVersionProblem });
      },
    },
    {
      when: (a) => a.purpose === 'guardrails-admin',
      ask: async (ask, a) => {
        a.adminTag = await ask.text({ prompt: 'Principal tag of guardrail administrators, as key=value', value: a.adminTag, validate: (v) => (parseTag(v) ? undefined : 'Enter key=value, for example bedrock-guardrail-admin=true (keys may not start with aws:).') });
      },
    },
    {
      when: (a) => needsAccount(a),
      ask: async (ask, a) => {
        const hint = a.account || a.listedAccount || accountOf([a.requireGuardrail ? a.guardrailArn : undefined, ...a.knowledgeBases, ...a.agentAliases, ...a.models]) || '';
        a.account = await ask.text({ prompt: 'AWS account id that owns the inference profiles, knowledge bases, agents or guardrails', value: hint, placeholder: '111122223333', validate: accountProblem });
      },
    },
    { ask: async (ask, a) => void (a.path = await askPolicyPath(ask, targetFolder(), FILE_NAMES[a.purpose], a.path)) },
  ];
}

/** Runs the wizard and writes the policy; returns quietly when the user cancels. */
export async function newLeastPrivilegePolicy(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration(SETTINGS_SECTION);
  const initial: Answers = {
    purpose: 'invoke-models',
    regions: defaultRegions(settings.get<string[]>('allowedRegions') ?? [], process.env),
    knowledgeBases: [],
    agentAliases: [],
    modelSource: 'type',
    models: [],
    streaming: false,
    requireGuardrail: true,
    guardrailArn: settings.get<string>('guardrailArn') ?? '',
    guardrailVersion: settings.get<string>('guardrailVersion') ?? '',
    adminTag: `${DEFAULT_ADMIN_TAG.key}=${DEFAULT_ADMIN_TAG.value}`,
    account: '',
  };
  const folder = targetFolder();
  const a = await runSteps(TITLE, steps(context), initial);
  if (!a) return;
  const uses = callsModels(a);
  const built = buildLeastPrivilegePolicy({
    purpose: a.purpose,
    regions: a.regions,
    account: needsAccount(a) ? a.account : undefined,
    models: uses ? a.models : undefined,
    streaming: uses && a.streaming,
    guardrail: uses && a.requireGuardrail ? { arn: a.guardrailArn, version: a.guardrailVersion || undefined } : undefined,
    knowledgeBases: a.purpose === 'knowledge-base' ? a.knowledgeBases : undefined,
    agentAliases: a.purpose === 'agents' ? a.agentAliases : undefined,
    adminTag: a.purpose === 'guardrails-admin' ? parseTag(a.adminTag) : undefined,
  });
  await writePolicy(folder, a.path, policyText(built.policy));
  if (built.skipped.length > 0) void window.showInformationMessage(`Bedrock Security: left out ${built.skipped.join('; ')}.`);
}

/** The Region question (also asked by the SCP wizard). */
export function askRegions(ask: Ask, placeholder: string, selected: string[], allowNone: boolean): Promise<string[]> {
  return ask.pickMany({ placeholder, items: regionChoices(selected), selected, allowNone });
}
