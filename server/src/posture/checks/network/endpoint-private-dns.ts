// network/endpoint-private-dns: the Bedrock interface endpoints have private DNS, so the SDKs'
// default host names (bedrock-runtime.<region>.amazonaws.com) resolve to the endpoint instead of
// the public service.
import { coverage, defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { capped } from '../evidence';
import { endpointLabel, endpointsConsole, interfaceEndpoints } from './endpoints';

export default defineCheck({
  id: 'network/endpoint-private-dns',
  title: 'Private DNS on the Bedrock endpoints',
  category: 'Network',
  needs: ['vpcEndpoints'],
  evaluate({ vpcEndpoints }, ctx) {
    const endpoints = interfaceEndpoints(vpcEndpoints);
    const consoleUrl = endpointsConsole(ctx);
    if (endpoints.length === 0) return { state: 'not-applicable', summary: 'No Bedrock interface endpoints', evidence: [], consoleUrl };
    const off = endpoints.filter((e) => e.PrivateDnsEnabled !== true);
    const verdict = coverage('Private DNS', endpoints.length - off.length, endpoints.length, 'endpoint', 'warning');
    return {
      ...verdict,
      evidence: capped(endpoints.map((e) => ({ label: endpointLabel(e), value: e.PrivateDnsEnabled === true ? 'private DNS on' : 'private DNS off' }))),
      consoleUrl,
      remediation:
        off.length === 0
          ? undefined
          : { title: 'Turn on private DNS for the endpoints', cliCommand: off.map((e) => `aws ec2 modify-vpc-endpoint --region ${ctx.region} --vpc-endpoint-id ${e.VpcEndpointId} --private-dns-enabled`).join(' && '), docsUrl: DOCS.vpcEndpoints },
    };
  },
});
