// guardrails/contextual-grounding: guardrails check responses for grounding in the source and
// relevance to the query (both filters, enabled, with an action other than NONE). Only a
// warning when missing: the check matters for RAG and summarisation, not for every application.
import { defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { guardrailCoverage } from './coverage';

const TYPES = ['GROUNDING', 'RELEVANCE'] as const;

export default defineCheck({
  id: 'guardrails/contextual-grounding',
  title: 'Contextual grounding checks',
  category: 'Guardrails',
  needs: ['guardrails'],
  evaluate({ guardrails }, ctx) {
    return guardrailCoverage(
      guardrails,
      ctx,
      'Contextual grounding checks',
      (g) => {
        const active = (g.contextualGroundingPolicy?.filters ?? []).filter((f) => f && f.enabled !== false && f.action !== 'NONE');
        const found = TYPES.map((t) => ({ t, f: active.find((f) => f.type === t) }));
        if (found.every((x) => !x.f)) return { ok: false, value: 'No contextual grounding checks' };
        const value = found.map((x) => (x.f ? `${x.t} ${x.f.threshold ?? '?'}` : `no ${x.t}`)).join(', ');
        return { ok: found.every((x) => x.f), value };
      },
      {
        title: 'Add grounding and relevance checks to guardrails used with retrieval (RAG) or summarisation',
        snippet: JSON.stringify({ contextualGroundingPolicyConfig: { filtersConfig: [{ type: 'GROUNDING', threshold: 0.75 }, { type: 'RELEVANCE', threshold: 0.75 }] } }, null, 2),
        docsUrl: DOCS.contextualGrounding,
      },
      'warning',
    );
  },
});
