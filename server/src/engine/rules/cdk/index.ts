// The cdk/* rules: AWS CDK constructs in TypeScript and JavaScript code (IAM policies written
// with CDK are checked by the iam/* and bedrock/* rules). Every rule module of this folder is
// listed here.
import type { CodeRule } from '../rule';
import agentWithoutGuardrail from './agent-without-guardrail';

export const cdkRules: CodeRule[] = [agentWithoutGuardrail];
