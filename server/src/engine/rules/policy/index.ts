// The policy/* rules: the structure of the policy document itself. Every rule module of this
// folder is listed here.
import type { Rule } from '../rule';
import conflictingElements from './conflicting-elements';
import duplicateSid from './duplicate-sid';
import fileTooLarge from './file-too-large';
import invalidEffect from './invalid-effect';
import invalidValueType from './invalid-value-type';
import missingElement from './missing-element';
import missingVersion from './missing-version';
import outdatedVersion from './outdated-version';
import sizeLimit from './size-limit';
import syntax from './syntax';
import unknownElement from './unknown-element';

export const policyRules: Rule[] = [
  syntax,
  fileTooLarge,
  missingVersion,
  outdatedVersion,
  unknownElement,
  invalidValueType,
  invalidEffect,
  missingElement,
  conflictingElements,
  duplicateSid,
  sizeLimit,
];
