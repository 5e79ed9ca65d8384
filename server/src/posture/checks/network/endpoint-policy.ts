// network/endpoint-policy: each Bedrock interface endpoint has a policy narrower than the default
// full-access policy (Allow * on * to *), so the endpoint cannot be used with other accounts'
// credentials or for every action.
import { coverage, defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { capped } from '../evidence';
import { endpointLabel, endpointsConsole, interfaceEndpoints, isOpenPolicy } from './endpoints';

/** A narrower endpoint policy: inference calls by principals of one account. */
export const ENDPOINT_POLICY_SNIPPET = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: '*',
        Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalAccount': '<account-id>' } },
      },
    ],
  },
  null,
  2,
);

export default defineCheck({
  id: 'network/endpoint-policy',
  title: 'Endpoint policies are not open to everything',
  category: 'Network',
  needs: ['vpcEndpoints'],
  evaluate({ vpcEndpoints }, ctx) {
    const endpoints = interfaceEndpoints(vpcEndpoints);
    const consoleUrl = endpointsConsole(ctx);
    if (endpoints.length === 0) return { state: 'not-applicable', summary: 'No Bedrock interface endpoints', evidence: [], consoleUrl };
    const judged = endpoints.map((e) => ({ e, open: isOpenPolicy(typeof e.PolicyDocument === 'string' ? e.PolicyDocument : undefined) }));
    const ok = judged.filter((j) => j.open === false);
    const verdict = coverage('Restrictive policy', ok.length, endpoints.length, 'endpoint', 'warning');
    const bad = judged.filter((j) => j.open !== false);
    return {
      ...verdict,
      evidence: capped(judged.map((j) => ({ label: endpointLabel(j.e), value: j.open === undefined ? 'policy could not be read' : j.open ? 'full access (Allow * to *)' : 'restricted' }))),
      consoleUrl,
      remediation:
        bad.length === 0
          ? undefined
          : {
              title: 'Replace the full-access endpoint policy (save the snippet as policy.json)',
              snippet: ENDPOINT_POLICY_SNIPPET,
              cliCommand: bad.map((j) => `aws ec2 modify-vpc-endpoint --region ${ctx.region} --vpc-endpoint-id ${j.e.VpcEndpointId} --policy-document file://policy.json`).join(' && '),
              docsUrl: DOCS.vpcEndpoints,
            },
    };
  },
});
