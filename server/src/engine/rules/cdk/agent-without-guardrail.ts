// cdk/agent-without-guardrail: an Amazon Bedrock agent defined with the AWS CDK (L1 `CfnAgent`,
// or the L2 `Agent` of the Bedrock construct libraries) that has no guardrail.
import { addProperties, guardrailIdentifierValue, guardrailSource, guardrailVersionValue } from '../../code/edits';
import type { AgentConstruct } from '../../code/model';
import { prop } from '../../code/values';
import { defineCodeRule } from '../rule';

/** The props of an agent without a guardrail (as far as can be known). */
function unguarded(agent: AgentConstruct) {
  const props = agent.props;
  if (props?.kind !== 'object' || props.open || agent.guardrailAdded) return undefined;
  return prop(props, agent.construct === 'CfnAgent' ? 'guardrailConfiguration' : 'guardrail') ? undefined : props;
}

export default defineCodeRule({
  meta: {
    id: 'cdk/agent-without-guardrail',
    target: 'code',
    severity: 'warning',
    description: 'A Bedrock agent construct (CfnAgent, or the L2 Agent) without a guardrail configuration.',
    fixable: true,
    docs: {
      rationale: [
        'An agent acts on what users write: it calls action groups (Lambda functions, APIs), queries knowledge bases and answers in your name. A guardrail associated with the agent filters user input and agent responses for harmful content, denied topics, prompt attacks and personal data; without one, nothing stands between a prompt injection and the agent\'s tools. Associate a guardrail version with every agent that faces users.',
        '',
        'For the L1 construct `CfnAgent` (aws-cdk-lib/aws-bedrock) the property is `guardrailConfiguration: { guardrailIdentifier, guardrailVersion }`. For the L2 `Agent` (`@aws-cdk/aws-bedrock-alpha`, `@cdklabs/generative-ai-cdk-constructs`) it is the `guardrail` property or a call of `agent.addGuardrail(guardrail)` on the same variable. Props that cannot be resolved are not reported.',
      ].join('\n'),
      bad: "import * as bedrock from 'aws-cdk-lib/aws-bedrock';\n\nnew bedrock.CfnAgent(this, 'Agent', {\n  agentName: 'support',\n  foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0',\n  instruction: 'Answer questions about orders.',\n});",
      good: "import * as bedrock from 'aws-cdk-lib/aws-bedrock';\n\nnew bedrock.CfnAgent(this, 'Agent', {\n  agentName: 'support',\n  foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0',\n  instruction: 'Answer questions about orders.',\n  guardrailConfiguration: {\n    guardrailIdentifier: guardrail.attrGuardrailId,\n    guardrailVersion: guardrailVersion.attrVersion,\n  },\n});",
      fix: 'For `CfnAgent`, adds `guardrailConfiguration` with the `bedrockSecurity.guardrailArn` and `bedrockSecurity.guardrailVersion` settings, else `process.env.BEDROCK_GUARDRAIL_ID` and `process.env.BEDROCK_GUARDRAIL_VERSION` (read when the app is synthesized). The L2 `Agent` needs a guardrail construct, so it gets no fix.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/agents-guardrail.html',
        'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-bedrock-agent.html',
        'https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_bedrock.CfnAgent.html',
      ],
    },
  },
  check(ctx) {
    for (const agent of ctx.code.agents) {
      if (!unguarded(agent)) continue;
      const how = agent.construct === 'CfnAgent' ? 'add guardrailConfiguration' : 'set guardrail or call addGuardrail()';
      ctx.report(agent.span, `This Bedrock agent (${agent.construct}) has no guardrail: user input and agent responses are not filtered; ${how}.`, { agent: agent.index, construct: agent.construct });
    }
  },
  fixes(ctx, finding) {
    const agent = ctx.code.agents[Number(finding.data?.agent)];
    if (!agent || agent.construct !== 'CfnAgent' || finding.data?.construct !== 'CfnAgent') return [];
    const props = unguarded(agent);
    const edit = props && addProperties(ctx.editor, props, { guardrailConfiguration: { guardrailIdentifier: guardrailIdentifierValue(ctx.settings), guardrailVersion: guardrailVersionValue(ctx.settings) } });
    return edit ? [{ title: `Add guardrailConfiguration (${guardrailSource(ctx.settings)})`, edits: [edit], isPreferred: true }] : [];
  },
});
