// network/vpc-endpoints: interface VPC endpoints (AWS PrivateLink) keep Bedrock traffic off the
// internet: bedrock-runtime (inference) must exist and be available; bedrock (control plane) and
// bedrock-agent-runtime are recommended (Amazon Bedrock User Guide, "Use interface VPC endpoints").
import { defineCheck } from '../../check';
import { DOCS } from '../../aws-links';
import { BEDROCK_ENDPOINT_SERVICES, endpointServiceName } from '../../datasets';
import { capped } from '../evidence';
import { endpointLabel, endpointsConsole, interfaceEndpoints, isAvailable, shortService } from './endpoints';

export default defineCheck({
  id: 'network/vpc-endpoints',
  title: 'Interface VPC endpoints for Bedrock',
  category: 'Network',
  needs: ['vpcEndpoints'],
  evaluate({ vpcEndpoints }, ctx) {
    const endpoints = interfaceEndpoints(vpcEndpoints);
    const evidence = capped(endpoints.map((e) => ({ label: endpointLabel(e), value: `${e.State ?? 'unknown state'}` })));
    const availableFor = (service: string) => endpoints.some((e) => shortService(e) === service && isAvailable(e));
    const command = (service: string) =>
      `aws ec2 create-vpc-endpoint --region ${ctx.region} --vpc-endpoint-type Interface --service-name ${endpointServiceName(ctx.region, service, ctx.partition)} --vpc-id <vpc-id> --subnet-ids <subnet-ids> --security-group-ids <security-group-id> --private-dns-enabled`;
    const consoleUrl = endpointsConsole(ctx);
    if (!availableFor('bedrock-runtime')) {
      return {
        state: 'fail',
        summary: 'No available bedrock-runtime interface endpoint',
        evidence,
        consoleUrl,
        remediation: { title: 'Create an interface endpoint for bedrock-runtime in each VPC that calls Bedrock', cliCommand: command('bedrock-runtime'), docsUrl: DOCS.vpcEndpoints },
      };
    }
    const missing = BEDROCK_ENDPOINT_SERVICES.filter((s) => !availableFor(s));
    if (missing.length > 0) {
      return {
        state: 'warning',
        summary: `bedrock-runtime available; none for ${missing.join(', ')}`,
        evidence,
        consoleUrl,
        remediation: { title: `Create interface endpoints for ${missing.join(' and ')}`, cliCommand: missing.map(command).join(' && '), docsUrl: DOCS.vpcEndpoints },
      };
    }
    return { state: 'pass', summary: `Available for ${BEDROCK_ENDPOINT_SERVICES.join(', ')}`, evidence, consoleUrl };
  },
});
