// The iam/* rules, in the order they run. Every rule module of this folder is listed here.
import type { Rule } from '../rule';
import allowWithNotAction from './allow-with-not-action';
import allowWithNotResource from './allow-with-not-resource';
import marketplaceSubscribeWildcard from './marketplace-subscribe-wildcard';
import passroleWildcard from './passrole-wildcard';
import servicePrincipalWithoutSource from './service-principal-without-source';
import wildcardAction from './wildcard-action';
import wildcardResource from './wildcard-resource';

export const iamRules: Rule[] = [
  wildcardAction,
  wildcardResource,
  allowWithNotAction,
  allowWithNotResource,
  passroleWildcard,
  marketplaceSubscribeWildcard,
  servicePrincipalWithoutSource,
];
