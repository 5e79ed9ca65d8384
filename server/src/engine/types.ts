// Core value types shared by the engine, its rules and the front ends (LSP, CLI).
// Positions inside the engine are UTF-16 offsets into the document text (JavaScript string
// indices); front ends convert them to line/character with `LineIndex`.

/** A half-open range of UTF-16 offsets, `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** Severities, named as in LSP and in the CLI's JSON output. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A severity as configured: a severity, or `off` to disable a rule. */
export type SeverityOverride = Severity | 'off';

/** One problem found by a rule. `data` is rule-defined JSON from which the rule rebuilds its fixes. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  data?: FindingData;
}

/** Rule-defined payload of a finding; always JSON-serialisable (it travels in LSP diagnostics). */
export type FindingData = Record<string, unknown>;

/** A replacement of `span` with `newText`. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix: one or more non-overlapping edits on the same document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when this is the one right answer (LSP `isPreferred`). */
  isPreferred?: boolean;
}

/** Line/character position (0-based, character in UTF-16 code units, as in LSP). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}
