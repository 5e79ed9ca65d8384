// What a rule is: metadata (id, severity, docs) plus a check over the policy model (or, for code
// rules, over the code model of a TypeScript/JavaScript file) and, when it can fix what it finds,
// a function that rebuilds fixes from a finding's `data`.
import type { CodeModel } from '../code/model';
import type { IamData } from '../iam/data';
import type { Policy, PolicyKind } from '../policy/model';
import type { EngineSettings } from '../settings';
import type { Finding, FindingData, Fix, Severity, Span } from '../types';
import type { PolicyEditor } from '../fixes';

/** Documentation of a rule; `docs/rules/<family>/<name>.md` is generated from it. */
export interface RuleDocs {
  /** Why the finding matters (Markdown, a paragraph or two). */
  rationale: string;
  /** A policy (or code) that triggers the rule. */
  bad?: string;
  /** The same, written so the rule is satisfied. */
  good?: string;
  /** What the quick fix does. */
  fix?: string;
  /** AWS documentation the rule is based on. */
  references: string[];
}

export interface RuleMeta {
  /** `family/kebab-name`; the module's file name is the name, its folder the family. */
  id: string;
  severity: Severity;
  /** One line, shown in the rule table and SARIF. */
  description: string;
  fixable: boolean;
  /** Policy kinds the rule applies to; all when omitted. */
  kinds?: PolicyKind[];
  /** `code` for rules that check the code model (sdk/*, cdk/*) instead of policies. */
  target?: 'policy' | 'code';
  docs: RuleDocs;
}

export interface RuleContext {
  readonly policy: Policy;
  readonly iam: IamData;
  readonly settings: EngineSettings;
  /** Reports a finding of this rule. `data` must be JSON and is all the fix function gets. */
  report(span: Span, message: string, data?: FindingData): void;
}

export interface FixContext {
  readonly policy: Policy;
  readonly text: string;
  readonly iam: IamData;
  readonly settings: EngineSettings;
  /** Builds text edits in the policy's own syntax (JSON or TypeScript). */
  readonly editor: PolicyEditor;
}

/** A rule over policies (JSON, or written in code). */
export interface PolicyRule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /** Fixes for one of this rule's findings, rebuilt from the model and `finding.data`. */
  fixes?(ctx: FixContext, finding: Finding): Fix[];
}

export interface CodeRuleContext {
  readonly code: CodeModel;
  readonly iam: IamData;
  readonly settings: EngineSettings;
  /** Reports a finding of this rule. `data` must be JSON and is all the fix function gets. */
  report(span: Span, message: string, data?: FindingData): void;
}

export interface CodeFixContext {
  readonly code: CodeModel;
  readonly text: string;
  readonly iam: IamData;
  readonly settings: EngineSettings;
  /** Builds text edits in the file's TypeScript/JavaScript syntax (its quotes, its indentation). */
  readonly editor: PolicyEditor;
}

/** A rule over the code model of a TypeScript/JavaScript file (sdk/*, cdk/*). */
export interface CodeRule {
  meta: RuleMeta & { target: 'code' };
  check(ctx: CodeRuleContext): void;
  /** Fixes for one of this rule's findings, rebuilt from the code model and `finding.data`. */
  fixes?(ctx: CodeFixContext, finding: Finding): Fix[];
}

export type Rule = PolicyRule | CodeRule;

/** True for rules that check code rather than policies. */
export function isCodeRule(rule: Rule): rule is CodeRule {
  return rule.meta.target === 'code';
}

/** Defines a policy rule (identity function that gives rule modules one checked shape). */
export function defineRule(rule: PolicyRule): PolicyRule {
  return rule;
}

/** Defines a code rule. */
export function defineCodeRule(rule: CodeRule): CodeRule {
  return rule;
}
