// The sdk/* rules: calls of the Bedrock runtime API and AWS SDK clients in TypeScript and
// JavaScript code. Every rule module of this folder is listed here.
import type { CodeRule } from '../rule';
import missingGuardrail from './missing-guardrail';

export const sdkRules: CodeRule[] = [missingGuardrail];
