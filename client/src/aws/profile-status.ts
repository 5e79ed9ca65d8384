// The status-bar item that shows the AWS profile of the Account Posture view; one state, one
// switch that renders it. Clicking it selects another profile.
import { MarkdownString, StatusBarAlignment, ThemeColor, window, type Disposable, type StatusBarItem } from 'vscode';
import { Commands } from '../ids';
import { describeSource, type CredentialSource } from './profiles';

/** What the item shows. */
export type ProfileStatusState =
  | { kind: 'idle'; source: CredentialSource; regions: string[]; endpointUrl?: string }
  | { kind: 'checking'; source: CredentialSource; regions: string[]; endpointUrl?: string }
  | { kind: 'untrusted' };

/** The status-bar item of the active AWS profile. Hidden until the posture view is first shown. */
export class ProfileStatus implements Disposable {
  private readonly item: StatusBarItem;
  private state: ProfileStatusState | undefined;
  private visible = false;

  constructor() {
    this.item = window.createStatusBarItem('bedrockSecurity.posture.profile', StatusBarAlignment.Left, 10);
    this.item.name = 'Bedrock Security: AWS Profile';
    this.item.command = Commands.postureSelectProfile;
  }

  /** Shows the item from now on (the posture view has been opened). */
  reveal(): void {
    this.visible = true;
    this.render();
  }

  set(state: ProfileStatusState): void {
    this.state = state;
    this.render();
  }

  private render(): void {
    const state = this.state;
    if (!this.visible || !state) {
      this.item.hide();
      return;
    }
    const where = (s: { regions: string[]; endpointUrl?: string }): string =>
      `Regions: ${s.regions.length ? s.regions.join(', ') : 'none (select Regions)'}${s.endpointUrl ? `  \nEndpoint: ${s.endpointUrl}` : ''}`;
    switch (state.kind) {
      case 'idle': {
        const missing = state.source.kind === 'none' || state.source.kind === 'unknown-profile';
        this.item.text = `$(${missing ? 'warning' : 'cloud'}) ${describeSource(state.source)}`;
        this.item.tooltip = new MarkdownString(`**AWS profile of the Account Posture view:** ${describeSource(state.source)}${originNote(state.source)}  \n${where(state)}\n\nClick to select another profile.`);
        this.item.backgroundColor = missing ? new ThemeColor('statusBarItem.warningBackground') : undefined;
        this.item.command = Commands.postureSelectProfile;
        this.item.accessibilityInformation = { label: `AWS profile: ${describeSource(state.source)}. Select another profile.`, role: 'button' };
        break;
      }
      case 'checking':
        this.item.text = `$(sync~spin) ${describeSource(state.source)}`;
        this.item.tooltip = new MarkdownString(`**Checking the account posture** with ${describeSource(state.source)}  \n${where(state)}\n\nClick to cancel.`);
        this.item.backgroundColor = undefined;
        this.item.command = Commands.postureCancel;
        this.item.accessibilityInformation = { label: `Checking the account posture with ${describeSource(state.source)}. Cancel.`, role: 'button' };
        break;
      case 'untrusted':
        this.item.text = '$(workspace-untrusted) AWS';
        this.item.tooltip = 'Account posture checks call AWS only in trusted workspaces.';
        this.item.backgroundColor = undefined;
        this.item.command = 'workbench.trust.manage';
        this.item.accessibilityInformation = { label: 'AWS: untrusted workspace. Manage workspace trust.', role: 'button' };
        break;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function originNote(source: CredentialSource): string {
  switch (source.kind) {
    case 'profile':
    case 'unknown-profile':
      return source.origin === 'setting' ? ' (setting `bedrockSecurity.posture.profile`)' : source.origin === 'AWS_PROFILE' ? ' (environment variable AWS_PROFILE)' : ' (the default profile)';
    case 'environment':
      return ' (AWS_ACCESS_KEY_ID in the environment)';
    case 'none':
      return ': no profile in the AWS config files and no keys in the environment; the SDK tries container and instance credentials';
  }
}
