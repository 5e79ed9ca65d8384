// The iam/* rules, in the order they run. Every rule module of this folder is listed here.
import type { Rule } from '../rule';
import conditionKeyNotApplicable from './condition-key-not-applicable';
import deprecatedAction from './deprecated-action';
import invalidActionFormat from './invalid-action-format';
import invalidArn from './invalid-arn';
import arnMatchesNoResource from './arn-matches-no-resource';
import resourceTypeMismatch from './resource-type-mismatch';
import unknownAction from './unknown-action';
import unknownConditionKey from './unknown-condition-key';
import unknownConditionOperator from './unknown-condition-operator';
import unknownService from './unknown-service';
import allowWithNotAction from './allow-with-not-action';
import allowWithNotResource from './allow-with-not-resource';
import marketplaceSubscribeWildcard from './marketplace-subscribe-wildcard';
import passroleWildcard from './passrole-wildcard';
import servicePrincipalWithoutSource from './service-principal-without-source';
import wildcardAction from './wildcard-action';
import wildcardResource from './wildcard-resource';

export const iamRules: Rule[] = [
  invalidActionFormat,
  unknownService,
  unknownAction,
  deprecatedAction,
  unknownConditionOperator,
  unknownConditionKey,
  conditionKeyNotApplicable,
  invalidArn,
  arnMatchesNoResource,
  resourceTypeMismatch,
  wildcardAction,
  wildcardResource,
  allowWithNotAction,
  allowWithNotResource,
  passroleWildcard,
  marketplaceSubscribeWildcard,
  servicePrincipalWithoutSource,
];
