// The policy/* rules: the structure of the policy document itself. Every rule module of this
// folder is listed here.
import type { Rule } from '../rule';
import missingVersion from './missing-version';
import outdatedVersion from './outdated-version';
import syntax from './syntax';

export const policyRules: Rule[] = [syntax, missingVersion, outdatedVersion];
