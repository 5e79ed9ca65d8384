// "New Service Control Policy…": asks for the Regions Bedrock may be used in, how guardrails are
// enforced and whether the security controls are protected, builds the SCP with the engine's
// builder (server/src/engine/scaffold/scp.ts) and writes it under scps/, where the default
// `bedrockSecurity.scpFiles` globs lint it as an SCP.
import { window, workspace } from 'vscode';
import { SETTINGS_SECTION } from '../ids';
import { guardrailArnProblem, guardrailVersionProblem } from '../../../server/src/engine/scaffold/least-privilege';
import { policyText } from '../../../server/src/engine/scaffold/policy-document';
import { adminRoleProblem, buildScp, DEFAULT_ADMIN_ROLE, scpProblems, type ScpOptions } from '../../../server/src/engine/scaffold/scp';
import { listProblem, splitList } from './answers';
import { runSteps, type Step } from './input-flow';
import { askRegions } from './least-privilege-wizard';
import { askPolicyPath, targetFolder, writePolicy } from './policy-files';

interface Answers {
  regions: string[];
  guardrail: 'any' | 'specific' | 'none';
  guardrailArn: string;
  guardrailVersion: string;
  controls: 'admins' | 'everyone' | 'none';
  adminRoles: string;
  path?: string;
}

const TITLE = 'New Service Control Policy';

const STEPS: Step<Answers>[] = [
  {
    ask: async (ask, a) => {
      a.regions = await askRegions(ask, 'Regions Amazon Bedrock may be used in (none checked: no Region restriction)', a.regions, true);
    },
  },
  {
    ask: async (ask, a) => {
      a.guardrail = await ask.pick({
        placeholder: 'Deny model calls without a guardrail?',
        items: [
          { label: '$(shield) Any guardrail', detail: 'Deny InvokeModel/Converse calls that name no guardrail ("Null" on bedrock:GuardrailIdentifier); works in every account', value: 'any' },
          { label: '$(shield) A specific guardrail', detail: 'Deny calls that do not use this guardrail (guardrails belong to one account and Region)', value: 'specific' },
          { label: 'No guardrail enforcement', value: 'none' },
        ],
        active: a.guardrail,
      });
    },
  },
  {
    when: (a) => a.guardrail === 'specific',
    ask: async (ask, a) => void (a.guardrailArn = await ask.text({ prompt: 'Guardrail ARN', value: a.guardrailArn, placeholder: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456', validate: guardrailArnProblem })),
  },
  {
    when: (a) => a.guardrail === 'specific',
    ask: async (ask, a) => void (a.guardrailVersion = await ask.text({ prompt: 'Guardrail version (empty: any version of this guardrail)', value: a.guardrailVersion, placeholder: '1', validate: guardrailVersionProblem })),
  },
  {
    ask: async (ask, a) => {
      a.controls = await ask.pick({
        placeholder: 'Protect guardrails, model invocation logging and the enforced guardrail from changes?',
        items: [
          { label: '$(lock) Yes, except for administrator roles', detail: 'Deny DeleteGuardrail, UpdateGuardrail and the logging and enforced-guardrail configuration calls to every other principal', value: 'admins' },
          { label: '$(lock) Yes, for everyone', detail: 'Changes then need the management account, which SCPs do not restrict', value: 'everyone' },
          { label: 'No', value: 'none' },
        ],
        active: a.controls,
      });
    },
  },
  {
    when: (a) => a.controls === 'admins',
    ask: async (ask, a) => {
      a.adminRoles = await ask.text({ prompt: 'Administrator role ARNs (patterns allowed), separated by commas', value: a.adminRoles, validate: (v) => listProblem(v, adminRoleProblem, 'role ARN') });
    },
  },
  { ask: async (ask, a) => void (a.path = await askPolicyPath(ask, targetFolder(), 'scps/bedrock-scp.json', a.path)) },
];

/** The builder's options from the answers. */
function options(a: Answers): ScpOptions {
  return {
    allowedRegions: a.regions,
    guardrail: a.guardrail === 'specific' ? { mode: 'specific', arn: a.guardrailArn, version: a.guardrailVersion || undefined } : { mode: a.guardrail },
    protectControls: a.controls !== 'none',
    adminRoles: a.controls === 'admins' ? splitList(a.adminRoles) : undefined,
  };
}

/** Runs the wizard and writes the SCP; returns quietly when the user cancels. */
export async function newServiceControlPolicy(): Promise<void> {
  const settings = workspace.getConfiguration(SETTINGS_SECTION);
  const initial: Answers = {
    regions: settings.get<string[]>('allowedRegions') ?? [],
    guardrail: 'any',
    guardrailArn: settings.get<string>('guardrailArn') ?? '',
    guardrailVersion: settings.get<string>('guardrailVersion') ?? '',
    controls: 'admins',
    adminRoles: DEFAULT_ADMIN_ROLE,
  };
  const folder = targetFolder();
  const a = await runSteps(TITLE, STEPS, initial);
  if (!a) return;
  const problems = scpProblems(options(a));
  if (problems.length > 0) {
    void window.showWarningMessage(`Bedrock Security: no SCP written. ${problems.join(' ')}`);
    return;
  }
  await writePolicy(folder, a.path, policyText(buildScp(options(a))));
}
