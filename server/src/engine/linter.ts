// The engine's entry point: decides whether a document is a policy, builds the model, runs the
// rules with the effective severities, and rebuilds fixes from findings. No editor, no I/O
// besides what IamData reads once; every dependency comes in through parameters.
import type { IamData } from './iam/data';
import { parseJsonPolicy } from './policy/json-parser';
import type { Policy, PolicyKind } from './policy/model';
import { applyEdits, autoFix, editsOverlap, PolicyEditor } from './fixes';
import { allRules } from './rules';
import type { Rule } from './rules/rule';
import { effectiveSeverity, kindForPath, type EngineSettings } from './settings';
import type { Finding, Fix, TextEdit } from './types';

/** The information finding for documents above the size limit. */
export const FILE_TOO_LARGE = 'policy/file-too-large';

export interface LintOptions {
  /** Path relative to the workspace root (forward slashes); decides SCP by glob. */
  path?: string;
  /** Forces the policy kind (CLI `--policy-type`). */
  policyType?: PolicyKind;
  settings: EngineSettings;
}

export interface LintResult {
  /** False when the document is not a policy (no top-level `Statement`): no findings then. */
  isPolicy: boolean;
  findings: Finding[];
  policy?: Policy;
}

export class Linter {
  readonly rules: readonly Rule[];
  private readonly byId: Map<string, Rule>;

  /**
   * @param onRuleError called when a rule throws; the other rules' findings are still returned,
   *   so one faulty rule never hides every problem of a document. Front ends log it.
   */
  constructor(
    readonly iam: IamData,
    rules: readonly Rule[] = allRules,
    private readonly onRuleError: (ruleId: string, error: unknown) => void = () => undefined,
  ) {
    this.rules = rules;
    this.byId = new Map(rules.map((r) => [r.meta.id, r]));
  }

  rule(id: string): Rule | undefined {
    return this.byId.get(id);
  }

  /** Parses JSON text into a policy model, or undefined when it is not a policy. */
  parseJson(text: string, opts: LintOptions): Policy | undefined {
    // Cheap pre-check: JSON that never mentions "Statement" is not a policy; do not build its tree.
    if (!text.includes('"Statement"')) return undefined;
    return parseJsonPolicy(text, opts.policyType ?? kindForPath(opts.path, opts.settings));
  }

  /** Lints a JSON document. Documents that are not policies yield `isPolicy: false`. */
  lintJson(text: string, opts: LintOptions): LintResult {
    if (text.length > opts.settings.maxFileSize) {
      // Cheap check so that huge files are never parsed: only files that mention Statement.
      if (!text.includes('"Statement"')) return { isPolicy: false, findings: [] };
      const sev = effectiveSeverity(opts.settings, FILE_TOO_LARGE, 'information');
      const findings: Finding[] = sev
        ? [{ ruleId: FILE_TOO_LARGE, severity: sev, message: `Not analysed: the file has ${text.length.toLocaleString('en-US')} characters, more than the limit of ${opts.settings.maxFileSize.toLocaleString('en-US')} (setting bedrockSecurity.maxFileSize).`, span: { start: 0, end: 0 } }]
        : [];
      return { isPolicy: true, findings };
    }
    const policy = this.parseJson(text, opts);
    if (!policy) return { isPolicy: false, findings: [] };
    return { isPolicy: true, policy, findings: this.lintPolicy(policy, opts.settings) };
  }

  /** Runs every applicable rule on a policy model (from JSON or from code). */
  lintPolicy(policy: Policy, settings: EngineSettings): Finding[] {
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      const { meta } = rule;
      if (meta.kinds && !meta.kinds.includes(policy.kind)) continue;
      const severity = effectiveSeverity(settings, meta.id, meta.severity);
      if (!severity) continue;
      const mark = findings.length;
      try {
        rule.check({
          policy,
          iam: this.iam,
          settings,
          report: (span, message, data) => findings.push(data ? { ruleId: meta.id, severity, message, span, data } : { ruleId: meta.id, severity, message, span }),
        });
      } catch (error) {
        findings.length = mark;
        this.onRuleError(meta.id, error);
      }
    }
    // Rule ids compare by code unit: the same order on every machine, whatever its locale.
    findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    return findings;
  }

  /** The fixes for one finding of a policy whose text is `text`. */
  fixesFor(policy: Policy, text: string, settings: EngineSettings, finding: Finding): Fix[] {
    const rule = this.byId.get(finding.ruleId);
    if (!rule?.fixes) return [];
    const editor = new PolicyEditor(text, policy.dialect);
    try {
      return rule.fixes({ policy, text, iam: this.iam, settings, editor }, finding);
    } catch (error) {
      this.onRuleError(finding.ruleId, error);
      return [];
    }
  }

  /**
   * Applies the preferred fix (see `autoFix`) of every finding accepted by `filter`, in passes,
   * re-linting between passes, skipping fixes that overlap or leave text that is not a policy.
   * Stops when a pass has nothing to apply, when its edits leave the text unchanged, or when they
   * would add a syntax problem.
   */
  fixAllJson(text: string, opts: LintOptions, filter: (f: Finding) => boolean = () => true, maxPasses = 10): { text: string; applied: number } {
    let current = text;
    let applied = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      const result = this.lintJson(current, opts);
      if (!result.policy) break;
      const chosen: TextEdit[][] = [];
      for (const f of result.findings) {
        if (!filter(f)) continue;
        const fixes = this.fixesFor(result.policy, current, opts.settings, f);
        const fix = autoFix(fixes);
        if (!fix || fix.edits.length === 0) continue;
        if (chosen.some((c) => editsOverlap(c, fix.edits))) continue;
        chosen.push(fix.edits);
      }
      if (chosen.length === 0) break;
      const next = applyEdits(current, chosen.flat());
      if (next === current) break;
      const check = this.parseJson(next, opts);
      if (!check || check.syntaxProblems.length > (result.policy.syntaxProblems.length ?? 0)) break;
      current = next;
      applied += chosen.length;
    }
    return { text: current, applied };
  }
}
