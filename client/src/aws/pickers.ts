// Quick picks that choose the AWS profile and the Regions of the Account Posture view and store
// them in the settings `bedrockSecurity.posture.profile` and `bedrockSecurity.posture.regions`
// (at the level where the setting is already set, else in the user settings, so that choosing
// a profile does not write a settings file into the repository).
import { ConfigurationTarget, env, QuickPickItemKind, Uri, window, workspace, type QuickPickItem } from 'vscode';
import { PostureSettings } from '../ids';
import { readProfiles, sharedFilePaths, type AwsProfile } from './profiles';
import { REGION_PATTERN, regionChoices } from './regions';

const PROFILE_DOCS = 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html';

const KIND_TEXT: Record<AwsProfile['kind'], string> = {
  sso: 'IAM Identity Center (SSO)',
  'assume-role': 'assumes a role',
  'credential-process': 'credential_process',
  'access-keys': 'access keys',
  'web-identity': 'web identity',
  login: 'console login',
  unknown: 'no credentials of its own',
};

interface ProfileItem extends QuickPickItem {
  profile?: string;
  action?: 'chain' | 'docs';
}

/** Where to store a posture setting: where it is set already, else the user settings. */
function targetOf(key: string): ConfigurationTarget {
  const inspected = workspace.getConfiguration(PostureSettings.section).inspect(key);
  return inspected?.workspaceValue !== undefined ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
}

/** Lets the user pick a profile (or the SDK's default chain); true when the setting changed. */
export async function pickProfile(current: string): Promise<boolean> {
  const profiles = await readProfiles();
  const paths = sharedFilePaths(process.env);
  const items: ProfileItem[] = profiles.map((p) => ({
    label: p.name,
    description: [p.region, p.name === current ? '(current)' : undefined].filter(Boolean).join(' '),
    detail: [KIND_TEXT[p.kind], p.detail, `in ${p.files.join(' and ')}`].filter(Boolean).join(' · '),
    profile: p.name,
  }));
  if (!profiles.length) items.push({ label: '$(info) No profiles found', description: `${paths.config}, ${paths.credentials}`, detail: 'Create one with `aws configure sso` or `aws configure --profile NAME`.', action: 'docs' });
  items.push({ label: '', kind: QuickPickItemKind.Separator });
  items.push({ label: '$(key) Default credential chain', description: current ? '' : '(current)', detail: 'AWS_PROFILE or AWS_ACCESS_KEY_ID in the environment, the default profile, or container and instance roles', action: 'chain' });
  items.push({ label: '$(book) How to configure AWS profiles', detail: PROFILE_DOCS, action: 'docs' });
  const choice = await window.showQuickPick(items, { title: 'Bedrock Security: AWS Profile for Account Posture', placeHolder: 'The profile whose account the posture checks read (read-only calls)', matchOnDescription: true, matchOnDetail: true });
  if (!choice) return false;
  if (choice.action === 'docs') {
    await env.openExternal(Uri.parse(PROFILE_DOCS));
    return false;
  }
  const value = choice.action === 'chain' ? undefined : choice.profile;
  if ((value ?? '') === current) return false;
  await workspace.getConfiguration(PostureSettings.section).update(PostureSettings.profile, value, targetOf(PostureSettings.profile));
  return true;
}

interface RegionItem extends QuickPickItem {
  region: string;
}

/**
 * Lets the user pick several Regions; `selected` are the Regions checked now and `fallback` the
 * Region used when none is picked (the profile's). True when the setting changed.
 */
export async function pickRegions(configured: readonly string[], fallback: string | undefined): Promise<boolean> {
  const pick = window.createQuickPick<RegionItem>();
  try {
    pick.title = 'Bedrock Security: Regions for Account Posture';
    pick.placeholder = fallback ? `Regions to check; none picked = the profile's Region (${fallback})` : 'Regions to check';
    pick.canSelectMany = true;
    pick.matchOnDescription = true;
    pick.items = regionChoices(configured).map((c) => ({ label: c.region, description: c.name, region: c.region }));
    pick.selectedItems = pick.items.filter((i) => configured.includes(i.region));
    const accepted = await new Promise<readonly RegionItem[] | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    if (!accepted) return false;
    const regions = accepted.map((i) => i.region).filter((r) => REGION_PATTERN.test(r));
    if (regions.join() === configured.join()) return false;
    await workspace.getConfiguration(PostureSettings.section).update(PostureSettings.regions, regions.length ? regions : undefined, targetOf(PostureSettings.regions));
    return true;
  } finally {
    pick.dispose();
  }
}
