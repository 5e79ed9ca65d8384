// The explicit registry of every rule. A test checks that each module under rules/ is listed.
import { bedrockRules } from './bedrock';
import { cdkRules } from './cdk';
import { iamRules } from './iam';
import { policyRules } from './policy';
import { scpRules } from './scp';
import { sdkRules } from './sdk';
import type { Rule } from './rule';

export const allRules: readonly Rule[] = [...policyRules, ...iamRules, ...bedrockRules, ...scpRules, ...sdkRules, ...cdkRules];
