// The engine's entry point: decides whether a document is a policy (or code worth analysing),
// builds the model, runs the rules with the effective severities, and rebuilds fixes from
// findings. No editor, no I/O besides what IamData reads once; every dependency (the settings,
// the resolver of relative imports) comes in through parameters.
import { analyzeCode } from './code/analyze';
import { isCodeLanguage, mayContainFindings, type CodeLanguage } from './code/languages';
import type { CodeAnalysis } from './code/model';
import { syntaxErrorCount } from './code/module';
import type { ModuleResolver } from './code/resolve';
import type { IamData } from './iam/data';
import { parseJsonPolicy } from './policy/json-parser';
import type { Policy, PolicyKind } from './policy/model';
import { applyEdits, autoFix, editsOverlap, PolicyEditor } from './fixes';
import { allRules } from './rules';
import { isCodeRule, type PolicyRule, type Rule, type RuleContext } from './rules/rule';
import { effectiveSeverity, kindForPath, type EngineSettings } from './settings';
import type { Finding, FindingData, Fix, Severity, TextEdit } from './types';

/** The information finding for documents above the size limit. */
export const FILE_TOO_LARGE = 'policy/file-too-large';

/** The language of a document: JSON (policies), or TypeScript/JavaScript (code analysis). */
export type SourceLanguage = 'json' | CodeLanguage;

export interface LintOptions {
  /** Path relative to the workspace root (forward slashes); decides SCP by glob. */
  path?: string;
  /** Forces the policy kind (CLI `--policy-type`). */
  policyType?: PolicyKind;
  settings: EngineSettings;
  /** The document's language; JSON when omitted. */
  language?: SourceLanguage;
  /** Code only: the file's absolute path, from which relative imports are resolved. */
  filePath?: string;
  /** Code only: finds the modules that relative imports name. */
  modules?: ModuleResolver;
}

export interface LintResult {
  /**
   * False when the document was not analysed: JSON that is not a policy (no top-level
   * `Statement`), or code that cannot hold a finding (see `mayContainFindings`). No findings then.
   */
  isPolicy: boolean;
  findings: Finding[];
  /** The policy of a JSON document. */
  policy?: Policy;
  /** The code model and policies of a code document. */
  code?: CodeAnalysis;
}

/** The key under which findings of policies in code carry the policy's index. */
const POLICY_INDEX = 'policy';

export class Linter {
  readonly rules: readonly Rule[];
  private readonly byId: Map<string, Rule>;
  /** The rules over policies (code rules left out), in order. */
  private readonly policyRules: readonly PolicyRule[];

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
    this.policyRules = rules.filter((r): r is PolicyRule => !isCodeRule(r));
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

  /** Lints a document of any supported language (`opts.language`, JSON by default). */
  lint(text: string, opts: LintOptions): LintResult {
    return isCodeLanguage(opts.language) ? this.lintCode(text, opts) : this.lintJson(text, opts);
  }

  /** The one information finding of a document longer than the maxFileSize setting. */
  private tooLarge(text: string, settings: EngineSettings): LintResult {
    const sev = effectiveSeverity(settings, FILE_TOO_LARGE, 'information');
    const findings: Finding[] = sev
      ? [{ ruleId: FILE_TOO_LARGE, severity: sev, message: `Not analysed: the file has ${text.length.toLocaleString('en-US')} characters, more than the limit of ${settings.maxFileSize.toLocaleString('en-US')} (setting bedrockSecurity.maxFileSize).`, span: { start: 0, end: 0 } }]
      : [];
    return { isPolicy: true, findings };
  }

  /** Lints a JSON document. Documents that are not policies yield `isPolicy: false`. */
  lintJson(text: string, opts: LintOptions): LintResult {
    if (text.length > opts.settings.maxFileSize) {
      // Cheap check so that huge files are never parsed: only files that mention Statement.
      if (!text.includes('"Statement"')) return { isPolicy: false, findings: [] };
      return this.tooLarge(text, opts.settings);
    }
    const policy = this.parseJson(text, opts);
    if (!policy) return { isPolicy: false, findings: [] };
    return { isPolicy: true, policy, findings: this.lintPolicy(policy, opts.settings) };
  }

  /**
   * Lints a TypeScript/JavaScript document: the code rules on its code model, and every policy
   * rule on each policy written in it. Files that cannot hold a finding are not parsed at all.
   */
  lintCode(text: string, opts: LintOptions): LintResult {
    if (!opts.settings.codeAnalysis || !mayContainFindings(text)) return { isPolicy: false, findings: [] };
    if (text.length > opts.settings.maxFileSize) return this.tooLarge(text, opts.settings);
    let code: CodeAnalysis;
    try {
      code = analyzeCode(text, { language: isCodeLanguage(opts.language) ? opts.language : 'typescript', path: opts.filePath, modules: opts.modules });
    } catch (e) {
      // The TypeScript parser is recursive: code nested thousands of levels deep (generated
      // files) overflows the stack. Such a file is not analysed rather than failing the front end.
      if (e instanceof RangeError) return { isPolicy: false, findings: [] };
      throw e;
    }
    const findings: Finding[] = [];
    for (const rule of this.rules) {
      if (!isCodeRule(rule)) continue;
      const severity = effectiveSeverity(opts.settings, rule.meta.id, rule.meta.severity);
      if (!severity) continue;
      const mark = findings.length;
      try {
        rule.check({
          code: code.model,
          iam: this.iam,
          settings: opts.settings,
          report: (span, message, data) => findings.push(data ? { ruleId: rule.meta.id, severity, message, span, data } : { ruleId: rule.meta.id, severity, message, span }),
        });
      } catch (error) {
        findings.length = mark;
        this.onRuleError(rule.meta.id, error);
      }
    }
    code.policies.forEach((policy, i) => {
      for (const f of this.lintPolicy(policy, opts.settings)) findings.push({ ...f, data: { ...f.data, [POLICY_INDEX]: i } });
    });
    // A statement that two documents share is reported once.
    const seen = new Set<string>();
    const unique = findings.filter((f) => {
      const key = `${f.ruleId}\0${f.span.start}\0${f.span.end}\0${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { isPolicy: true, findings: sortFindings(unique), code };
  }

  /** Runs every applicable policy rule on a policy model (from JSON or from code). */
  lintPolicy(policy: Policy, settings: EngineSettings): Finding[] {
    const findings: Finding[] = [];
    // One context for all rules (checks run one at a time and keep nothing): `report` files a
    // finding under the rule that is running.
    let ruleId = '';
    let severity: Severity = 'error';
    const ctx: RuleContext = {
      policy,
      iam: this.iam,
      settings,
      report: (span, message, data) => findings.push(data ? { ruleId, severity, message, span, data } : { ruleId, severity, message, span }),
    };
    for (const rule of this.policyRules) {
      const { meta } = rule;
      if (meta.kinds && !meta.kinds.includes(policy.kind)) continue;
      const ruleSeverity = effectiveSeverity(settings, meta.id, meta.severity);
      if (!ruleSeverity) continue;
      ruleId = meta.id;
      severity = ruleSeverity;
      const mark = findings.length;
      try {
        rule.check(ctx);
      } catch (error) {
        findings.length = mark;
        this.onRuleError(meta.id, error);
      }
    }
    return sortFindings(findings);
  }

  /** The fixes for one finding of a policy whose text is `text`. */
  fixesFor(policy: Policy, text: string, settings: EngineSettings, finding: Finding): Fix[] {
    const rule = this.byId.get(finding.ruleId);
    if (!rule?.fixes || isCodeRule(rule)) return [];
    const editor = new PolicyEditor(text, policy.dialect, policy.syntax);
    try {
      return rule.fixes({ policy, text, iam: this.iam, settings, editor }, finding);
    } catch (error) {
      this.onRuleError(finding.ruleId, error);
      return [];
    }
  }

  /**
   * The fixes for one finding of a lint result (JSON or code) of `text`: a policy rule's fixes
   * on the policy the finding belongs to, or a code rule's fixes on the code model.
   */
  fixesOf(result: LintResult, text: string, settings: EngineSettings, finding: Finding): Fix[] {
    if (!result.code) return result.policy ? this.fixesFor(result.policy, text, settings, finding) : [];
    const index = finding.data?.[POLICY_INDEX];
    if (typeof index === 'number') {
      const policy = result.code.policies[index];
      if (!policy) return [];
      const data: FindingData = { ...finding.data };
      delete data[POLICY_INDEX];
      return this.fixesFor(policy, text, settings, { ...finding, data: Object.keys(data).length ? data : undefined });
    }
    const rule = this.byId.get(finding.ruleId);
    if (!rule?.fixes || !isCodeRule(rule)) return [];
    const editor = new PolicyEditor(text, 'typescript', { quote: result.code.model.quote });
    try {
      return rule.fixes({ code: result.code.model, text, iam: this.iam, settings, editor }, finding);
    } catch (error) {
      this.onRuleError(finding.ruleId, error);
      return [];
    }
  }

  /** `fixAllJson`, or for code documents the same passes over code (see `fixAllJson`). */
  fixAll(text: string, opts: LintOptions, filter: (f: Finding) => boolean = () => true, maxPasses = 10): { text: string; applied: number } {
    if (!isCodeLanguage(opts.language)) return this.fixAllJson(text, opts, filter, maxPasses);
    let current = text;
    let applied = 0;
    for (let pass = 0; pass < maxPasses; pass++) {
      const result = this.lintCode(current, opts);
      if (!result.code) break;
      const chosen = this.chooseFixes(result, current, opts, filter);
      if (chosen.length === 0) break;
      const next = applyEdits(current, chosen.flat());
      if (next === current) break;
      if (syntaxErrorCount(next, opts.language) > syntaxErrorCount(current, opts.language)) break;
      current = next;
      applied += chosen.length;
    }
    return { text: current, applied };
  }

  /** The preferred fixes of the findings `filter` accepts, without overlaps. */
  private chooseFixes(result: LintResult, text: string, opts: LintOptions, filter: (f: Finding) => boolean): TextEdit[][] {
    const chosen: TextEdit[][] = [];
    for (const f of result.findings) {
      if (!filter(f)) continue;
      const fix = autoFix(this.fixesOf(result, text, opts.settings, f));
      if (!fix || fix.edits.length === 0) continue;
      if (chosen.some((c) => editsOverlap(c, fix.edits))) continue;
      chosen.push(fix.edits);
    }
    return chosen;
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
      const chosen = this.chooseFixes(result, current, opts, filter);
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

/** Findings in document order; rule ids compare by code unit (the same order on every machine, whatever its locale). */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
