// Hover over LSP: the engine's hover (markdown and an offset range) as an LSP Hover, in the
// markup the client understands.
import { MarkupKind, type Hover, type InitializeParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyHover } from '../engine/editor/hover';

/** True when the client renders markdown in hovers. */
export function hoverMarkdownOf(params: InitializeParams): boolean {
  const formats = params.capabilities?.textDocument?.hover?.contentFormat;
  return !formats || formats.includes(MarkupKind.Markdown);
}

/** The engine's hover for `doc`, or null (LSP's "nothing here"). */
export function toLspHover(hover: PolicyHover | undefined, doc: TextDocument, markdown: boolean): Hover | null {
  if (!hover) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hover.markdown },
    range: { start: doc.positionAt(hover.span.start), end: doc.positionAt(hover.span.end) },
  };
}
