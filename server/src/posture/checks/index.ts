// Every posture check, in display order (category by category, as in the Bedrock security
// checklist). Every check module is listed here.
import type { PostureCheck } from '../check';
import type { DatasetKey } from '../datasets';
import accountEnforced from './guardrails/account-enforced';
import contextualGrounding from './guardrails/contextual-grounding';
import customerKmsKey from './guardrails/customer-kms-key';
import guardrailsExist from './guardrails/exists';
import promptAttackHigh from './guardrails/prompt-attack-high';
import sensitiveInformation from './guardrails/sensitive-information';
import cloudtrailBedrockDataEvents from './logging/cloudtrail-bedrock-data-events';
import cloudtrailTrail from './logging/cloudtrail-trail';
import destinations from './logging/destinations';
import invocationLogging from './logging/invocation-logging';
import logGroupProtection from './logging/log-group-protection';
import textDelivery from './logging/text-delivery';
import endpointPolicy from './network/endpoint-policy';
import endpointPrivateDns from './network/endpoint-private-dns';
import vpcEndpoints from './network/vpc-endpoints';
import modelKmsKey from './encryption/model-kms-key';
import bedrockAlarms from './monitoring/bedrock-alarms';
import bedrockFullAccess from './identity/bedrock-full-access';
import longTermApiKeys from './identity/long-term-api-keys';

export const CHECKS: readonly PostureCheck<DatasetKey>[] = [
  guardrailsExist,
  promptAttackHigh,
  sensitiveInformation,
  contextualGrounding,
  customerKmsKey,
  accountEnforced,
  invocationLogging,
  textDelivery,
  destinations,
  logGroupProtection,
  cloudtrailTrail,
  cloudtrailBedrockDataEvents,
  vpcEndpoints,
  endpointPrivateDns,
  endpointPolicy,
  modelKmsKey,
  bedrockAlarms,
  bedrockFullAccess,
  longTermApiKeys,
];
