// iam/marketplace-subscribe-wildcard: aws-marketplace:Subscribe without a product condition lets
// a principal subscribe the account to any AWS Marketplace product, any paid Bedrock model included.
import { actionFlagsOf } from '../../policy/facts';
import { defineRule } from '../rule';
import { conditionRestricts, entriesNaming, namingFlag, resourceReaches } from './statement-scope';

/** Action entries that name aws-marketplace:Subscribe. */
const NAMES_SUBSCRIBE = namingFlag('aws-marketplace:Subscribe');

export default defineRule({
  meta: {
    id: 'iam/marketplace-subscribe-wildcard',
    severity: 'warning',
    description: 'An Allow statement grants aws-marketplace:Subscribe without an "aws-marketplace:ProductId" condition: any paid model can be enabled.',
    fixable: false,
    kinds: ['identity', 'resource'],
    docs: {
      rationale: [
        'Access to third-party models in Amazon Bedrock goes through AWS Marketplace: the first call to a model subscribes the account to its Marketplace product, which needs `aws-marketplace:Subscribe`. That action has no resource types (it only accepts `"Resource": "*"`), so the only way to limit which products — and which prices and EULAs — a principal can accept is the `aws-marketplace:ProductId` condition key. Without it the principal can enable any paid model, and any other Marketplace product, for the whole account.',
        'Reported on the Action entry that covers `aws-marketplace:Subscribe` (`aws-marketplace:Subscribe`, `aws-marketplace:*`, …); the bare `"Action": "*"` and `NotAction` are left to iam/wildcard-action and iam/allow-with-not-action. AWS documents the condition as `"ForAnyValue:StringEquals": {"aws-marketplace:ProductId": [...]}` with the product ids of the models to allow (listed in the Bedrock user guide; models of providers not sold through Marketplace, such as Amazon, Meta and Mistral AI, have none and need no subscription). Conditions that cannot narrow (negated operators, `Null`, `ForAllValues:`, a value of only `*`) do not count. A condition on `aws:CalledVia` / `aws:CalledViaLast` (as in the AWS managed policy `AmazonBedrockFullAccess`) limits subscriptions to the ones that service makes on the principal\'s behalf — through Bedrock that is still every paid model; the message says so.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["aws-marketplace:Subscribe", "aws-marketplace:ViewSubscriptions"],\n      "Resource": "*"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "aws-marketplace:Subscribe",\n      "Resource": "*",\n      "Condition": {\n        "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": ["prod-m5ilt4siql27k"] }\n      }\n    },\n    { "Effect": "Allow", "Action": "aws-marketplace:ViewSubscriptions", "Resource": "*" }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-permissions.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/model-access-product-ids.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsmarketplace.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow') continue;
      if (!(actionFlagsOf(ctx.iam, st).action & NAMES_SUBSCRIBE.bit)) continue;
      const entry = entriesNaming(st, 'aws-marketplace:Subscribe')[0];
      if (!entry) continue;
      // Subscribe is wildcard-only: the statement grants it only when its resources reach "*".
      if (!resourceReaches(st, (r) => r === '*')) continue;
      if (conditionRestricts(st, (k) => k === 'aws-marketplace:productid')) continue;
      const subject = entry.value.toLowerCase() === 'aws-marketplace:subscribe' ? 'aws-marketplace:Subscribe is allowed' : `${JSON.stringify(entry.value)} allows aws-marketplace:Subscribe`;
      // aws:CalledVia/CalledViaLast limit the calls to those a service makes for the principal
      // (AmazonBedrockFullAccess names Bedrock): still every product that service offers.
      const viaService = conditionRestricts(st, (k) => k === 'aws:calledvia' || k === 'aws:calledvialast');
      const reach = viaService
        ? 'any product the calling service offers through AWS Marketplace (through Amazon Bedrock: every paid model)'
        : 'any AWS Marketplace product, including every paid model in Amazon Bedrock';
      ctx.report(
        entry.span,
        `${subject} without an "aws-marketplace:ProductId" condition: this principal can subscribe the account to ${reach}. Add "ForAnyValue:StringEquals": {"aws-marketplace:ProductId": [...]} with the models' product ids.`,
      );
    }
  },
});
