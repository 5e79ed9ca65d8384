// Shared by the guardrail configuration checks: judge every inspected guardrail for one feature
// and summarise as "<feature>: <ok> of <n> guardrails" with one evidence line per guardrail.
import type { GetGuardrailResponse } from '@aws-sdk/client-bedrock';
import { coverage, type CheckContext, type Verdict } from '../../check';
import { consoleUrl } from '../../aws-links';
import type { GuardrailsData } from '../../datasets';
import type { Remediation } from '../../types';

/** How one guardrail fares: whether it has the feature and what was seen. */
export interface GuardrailFinding {
  ok: boolean;
  value: string;
}

/** The Bedrock console's guardrail list of a Region. */
export function guardrailsConsole(ctx: CheckContext): string {
  return consoleUrl(ctx.region, ctx.partition, 'bedrock/home', '#/guardrails');
}

/** A guardrail's label in evidence: its name and ARN. */
export function guardrailLabel(g: GetGuardrailResponse): string {
  return `${g.name ?? g.guardrailId ?? 'guardrail'} (${g.guardrailArn ?? g.guardrailId ?? 'no ARN'}, version ${g.version ?? 'DRAFT'})`;
}

/** The verdict of a per-guardrail feature; not applicable when there is no guardrail. */
export function guardrailCoverage(
  data: GuardrailsData,
  ctx: CheckContext,
  feature: string,
  judge: (g: GetGuardrailResponse) => GuardrailFinding,
  remediation: Remediation,
  none: 'fail' | 'warning' = 'fail',
): Verdict {
  if (data.details.length === 0) return { state: 'not-applicable', summary: 'No guardrails to inspect', evidence: [], consoleUrl: guardrailsConsole(ctx) };
  const judged = data.details.map((g) => ({ g, f: judge(g) }));
  const ok = judged.filter((j) => j.f.ok).length;
  const verdict = coverage(feature, ok, judged.length, 'guardrail', none);
  const evidence = judged.map(({ g, f }) => ({ label: guardrailLabel(g), value: f.value }));
  if (data.truncated) evidence.push({ label: 'Not inspected', value: `${data.summaries.length - data.details.length} more guardrails` });
  return { ...verdict, evidence, consoleUrl: guardrailsConsole(ctx), remediation: verdict.state === 'pass' ? undefined : remediation };
}
