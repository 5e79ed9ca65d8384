// The iam/* rules, in the order they run. Every rule module of this folder is listed here.
import type { Rule } from '../rule';

export const iamRules: Rule[] = [];
