// logging/cloudtrail-bedrock-data-events: a logging trail that covers the Region records Amazon
// Bedrock data events (advanced event selectors with eventCategory = Data and a resources.type
// of AWS::Bedrock::…, e.g. AWS::Bedrock::AgentAlias, AWS::Bedrock::KnowledgeBase,
// AWS::Bedrock::Guardrail). Management events alone miss agent, knowledge-base and guardrail
// calls (AWS CloudTrail User Guide, "Logging data events"). A warning when missing: data events
// cost extra and are a deliberate choice.
import type { AdvancedEventSelector } from '@aws-sdk/client-cloudtrail';
import { defineCheck } from '../../check';
import { consoleUrl, DOCS } from '../../aws-links';
import type { TrailData } from '../../datasets';
import { names } from '../evidence';

const PREFIX = 'AWS::Bedrock::';

/** The Bedrock resource types a data-event selector records (`AWS::Bedrock::*` for a prefix match). */
export function bedrockDataTypes(selector: AdvancedEventSelector): string[] {
  const fields = Array.isArray(selector?.FieldSelectors) ? selector.FieldSelectors : [];
  const category = fields.find((f) => f?.Field === 'eventCategory');
  if (!category || !(category.Equals ?? []).includes('Data')) return [];
  const type = fields.find((f) => f?.Field === 'resources.type');
  if (!type) return [];
  const exact = (type.Equals ?? []).filter((v) => typeof v === 'string' && v.startsWith(PREFIX));
  const prefixes = (type.StartsWith ?? []).filter((v) => typeof v === 'string' && PREFIX.startsWith(v)).map((v) => `${v}*`);
  return [...exact, ...prefixes];
}

function coversRegion(t: TrailData, region: string): boolean {
  return t.trail?.IsMultiRegionTrail === true || t.trail?.HomeRegion === region;
}

export default defineCheck({
  id: 'logging/cloudtrail-bedrock-data-events',
  title: 'CloudTrail records Bedrock data events',
  category: 'Logging',
  needs: ['trails'],
  evaluate({ trails }, ctx) {
    const url = consoleUrl(ctx.region, ctx.partition, 'cloudtrailv2/home', '#/trails');
    const relevant = trails.filter((t) => coversRegion(t, ctx.region) && t.status.IsLogging === true);
    const recording = relevant
      .map((t) => ({ t, types: [...new Set((t.selectors.AdvancedEventSelectors ?? []).flatMap(bedrockDataTypes))] }))
      .filter((x) => x.types.length > 0);
    if (recording.length > 0) {
      const first = recording[0];
      return {
        state: 'pass',
        summary: `Trail ${first.t.trail.Name ?? 'trail'} records ${names(first.types, 3)}`,
        evidence: recording.map((x) => ({ label: x.t.trail.Name ?? 'trail', value: x.types.join(', ') })),
        consoleUrl: url,
      };
    }
    const target = relevant[0]?.trail;
    const selectors = [
      { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
      { Name: 'Bedrock data events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::Bedrock::AgentAlias', 'AWS::Bedrock::KnowledgeBase', 'AWS::Bedrock::Guardrail'] }] },
    ];
    return {
      state: 'warning',
      summary: relevant.length === 0 ? 'No logging trail covers this Region' : 'No trail records Bedrock data events',
      evidence: relevant.map((t) => ({ label: t.trail.Name ?? 'trail', value: 'no Bedrock data event selectors' })),
      consoleUrl: url,
      remediation: {
        title: "Record Bedrock data events with advanced event selectors (the command replaces the trail's selectors: keep the ones you have in the list)",
        cliCommand: `aws cloudtrail put-event-selectors --region ${target?.HomeRegion ?? ctx.region} --trail-name ${target?.TrailARN ?? '<trail-name>'} --advanced-event-selectors '${JSON.stringify(selectors)}'`,
        docsUrl: DOCS.bedrockCloudTrail,
      },
    };
  },
});
