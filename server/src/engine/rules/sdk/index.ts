// The sdk/* rules: calls of the Bedrock runtime API and AWS SDK clients in TypeScript and
// JavaScript code. Every rule module of this folder is listed here.
import type { CodeRule } from '../rule';
import bearerTokenInCode from './bearer-token-in-code';
import draftGuardrailVersion from './draft-guardrail-version';
import guardrailTraceEnabled from './guardrail-trace-enabled';
import guardrailVersionMissing from './guardrail-version-missing';
import guardrailWithTools from './guardrail-with-tools';
import hardcodedCredentials from './hardcoded-credentials';
import missingGuardrail from './missing-guardrail';
import regionNotAllowed from './region-not-allowed';
import unknownInputField from './unknown-input-field';

export const sdkRules: CodeRule[] = [
  missingGuardrail,
  guardrailVersionMissing,
  draftGuardrailVersion,
  guardrailTraceEnabled,
  guardrailWithTools,
  unknownInputField,
  hardcodedCredentials,
  bearerTokenInCode,
  regionNotAllowed,
];
