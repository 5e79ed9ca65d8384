// What a posture check is: an id, a category, the datasets (read-only AWS responses) it needs,
// and a pure function from those responses to a verdict. The runner fetches the datasets, turns
// fetch failures into "could not check" results and adds the Region, id and title.
import type { DatasetKey, DatasetValues } from './datasets';
import type { CheckCategory, CheckState, Evidence, Remediation } from './types';

/** AWS partitions the console links and ARNs are built for. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** What a check's pure function may know besides the responses. */
export interface CheckContext {
  /** The Region checked, or `global` for IAM checks. */
  region: string;
  partition: Partition;
  /** The time of the run (API key expiry is judged against it). */
  now: Date;
}

/** The outcome of a check's pure function; the runner turns it into a `CheckResult`. */
export interface Verdict {
  state: Exclude<CheckState, 'error'>;
  summary: string;
  evidence: Evidence[];
  consoleUrl?: string;
  remediation?: Remediation;
}

/** One posture check. */
export interface PostureCheck<K extends DatasetKey = DatasetKey> {
  /** `category/kebab-name`, e.g. `guardrails/prompt-attack-high`. */
  id: string;
  title: string;
  category: CheckCategory;
  /** The datasets `evaluate` reads; their calls and IAM actions are the check's. */
  needs: readonly K[];
  /** Pure: responses in, verdict out. Never throws on odd but well-typed data. */
  evaluate(data: Pick<DatasetValues, K>, ctx: CheckContext): Verdict;
}

/** Defines a check (identity function that gives check modules one checked shape). */
export function defineCheck<K extends DatasetKey>(check: PostureCheck<K>): PostureCheck<K> {
  return check;
}

/** `n thing` / `n things`. */
export function plural(n: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : pluralNoun}`;
}

/**
 * The verdict of "does every item have X": pass when all do, warning when some do, `none` (fail
 * by default) when none does. The summary reads `<feature>: <ok> of <n> <nouns>`.
 */
export function coverage(feature: string, ok: number, total: number, noun: string, none: 'fail' | 'warning' = 'fail'): Pick<Verdict, 'state' | 'summary'> {
  const state = ok === total ? 'pass' : ok === 0 ? none : 'warning';
  return { state, summary: `${feature}: ${ok} of ${plural(total, noun)}` };
}
