// The bedrock/* rules, in the order they run. Every rule module of this folder is listed here.
import type { Rule } from '../rule';
import bearerTokenUnrestricted from './bearer-token-unrestricted';
import controlTampering from './control-tampering';
import crossRegionInferenceIncomplete from './cross-region-inference-incomplete';
import guardrailApplyMissing from './guardrail-apply-missing';
import guardrailConditionInvalid from './guardrail-condition-invalid';
import guardrailNotEnforced from './guardrail-not-enforced';
import guardrailPlaceholder from './guardrail-placeholder';

export const bedrockRules: Rule[] = [
  controlTampering,
  guardrailNotEnforced,
  guardrailConditionInvalid,
  guardrailPlaceholder,
  guardrailApplyMissing,
  bearerTokenUnrestricted,
  crossRegionInferenceIncomplete,
];
