// What the status-bar item says for each server state and count of findings. No `vscode`
// import, so that node:test covers it (test/client/status-text.test.ts); status-bar.ts shows it.
import type { ServerState } from './server-controller';

/** Findings of this extension by severity (hints are not counted: the Problems view hides them). */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** What the item shows and does. */
export interface StatusPresentation {
  text: string;
  tooltip: string;
  /** `problems`: open the Problems view; `output`: show the extension's output. */
  action: 'problems' | 'output';
  /** The item is coloured as an error. */
  error: boolean;
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** The status-bar text, tooltip and click action for a state and the current counts. */
export function statusPresentation(state: ServerState, counts: FindingCounts): StatusPresentation {
  switch (state) {
    case 'starting':
      return { text: '$(loading~spin) Bedrock Security', tooltip: 'Bedrock Security: starting the language server…', action: 'output', error: false };
    case 'stopped':
      return { text: '$(circle-slash) Bedrock Security', tooltip: 'Bedrock Security: the language server is stopped. Run "Bedrock Security: Restart Language Server" to start it.', action: 'output', error: false };
    case 'error':
      return { text: '$(error) Bedrock Security', tooltip: 'Bedrock Security: the language server failed. Click to show its output.', action: 'output', error: true };
    case 'ready': {
      const total = counts.errors + counts.warnings + counts.infos;
      const parts = [counts.errors && plural(counts.errors, 'error'), counts.warnings && plural(counts.warnings, 'warning'), counts.infos && `${counts.infos.toLocaleString('en-US')} information`].filter(Boolean);
      const summary = total === 0 ? 'no findings' : parts.join(', ');
      return {
        text: total === 0 ? '$(shield) Bedrock Security' : `$(shield) Bedrock Security: ${total.toLocaleString('en-US')}`,
        tooltip: `Bedrock Security: ${summary} in open and workspace files. Click to open the Problems view; type bedrock-security in its filter to list only these.`,
        action: 'problems',
        error: false,
      };
    }
  }
}
