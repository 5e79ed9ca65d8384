// Short documentation of the IAM policy language for hovers and completion items: policy and
// statement elements, principal types, condition operators and their qualifiers, and links into
// the IAM User Guide and the Service Authorization Reference. The texts summarise the IAM JSON
// policy elements reference: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import { splitOperator } from '../policy/analysis';

const IAM_GUIDE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference';

/** The IAM User Guide page on condition operators. */
export const OPERATORS_URL = `${IAM_GUIDE}/reference_policies_elements_condition_operators.html`;
/** The IAM User Guide page on global condition keys. */
export const GLOBAL_KEYS_URL = `${IAM_GUIDE}/reference_policies_condition-keys.html`;
/** The IAM User Guide page on policy variables. */
export const VARIABLES_URL = `${IAM_GUIDE}/reference_policies_variables.html`;
/** The IAM User Guide page on ARNs. */
export const ARNS_URL = `${IAM_GUIDE}/reference-arns.html`;

/** Escapes text so that markdown shows it as written (no emphasis, links or HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => '\\' + c);
}

/** An inline code span that survives backticks in its content. */
export function code(text: string): string {
  if (!text.includes('`')) return '`' + text + '`';
  return '`` ' + text + ' ``';
}

/**
 * The Service Authorization Reference page of a service, optionally at an anchor. AWS names the
 * pages after the service's name, lower-case without spaces or punctuation ("Amazon Bedrock" →
 * `list_amazonbedrock.html`), and its anchors after that slug (`#amazonbedrock-InvokeModel`,
 * `#amazonbedrock-foundation-model`, `#amazonbedrock-bedrock_GuardrailIdentifier`).
 */
export function serviceReferenceUrl(serviceName: string, anchor?: string): string {
  const slug = serviceName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${SAR}/list_${slug}.html${anchor ? `#${slug}-${anchor}` : ''}`;
}

/** The anchor of a global condition key on the IAM User Guide page (`aws:SourceArn` → `condition-keys-sourcearn`). */
export function globalKeyUrl(key: string): string {
  const name = key.slice(key.indexOf(':') + 1).replace(/\/.*$/, '').toLowerCase();
  return `${GLOBAL_KEYS_URL}#condition-keys-${name}`;
}

/** One element of the policy language. */
export interface ElementDoc {
  summary: string;
  url: string;
}

const element = (page: string, summary: string): ElementDoc => ({ summary, url: `${IAM_GUIDE}/reference_policies_elements_${page}.html` });

/** The top-level elements of a policy. */
export const POLICY_ELEMENT_DOCS: Readonly<Record<string, ElementDoc>> = {
  Version: element('version', 'The policy language version. Use `"2012-10-17"`: the older `"2008-10-17"` does not support policy variables such as `${aws:username}`.'),
  Id: element('id', 'An optional identifier of the policy. IAM ignores it; services that use it (Amazon SQS, Amazon SNS) recommend a UUID.'),
  Statement: element('statement', 'The statements of the policy: one object or an array of objects, each with an `Effect`, an `Action` or `NotAction`, and (except in trust policies) a `Resource` or `NotResource`.'),
};

/** The elements of a statement. */
export const STATEMENT_ELEMENT_DOCS: Readonly<Record<string, ElementDoc>> = {
  Sid: element('sid', 'An optional statement id, unique within the policy. IAM policies allow letters and digits only.'),
  Effect: element('effect', '`"Allow"` or `"Deny"`. An explicit Deny in any applicable policy overrides every Allow.'),
  Principal: element('principal', 'Who the statement applies to, in resource-based and trust policies. Identity policies and SCPs must not have it.'),
  NotPrincipal: element('notprincipal', 'Every principal except the ones listed. With `Allow` it grants access to anyone not listed; AWS recommends `Principal` with a condition on `aws:PrincipalArn` instead.'),
  Action: element('action', 'The actions the statement allows or denies, written `service:Action`. `*` and `?` wildcards match several actions, including actions AWS adds later.'),
  NotAction: element('notaction', 'Every action except the ones listed. With `Allow` it grants every other action of every service, including actions AWS adds later.'),
  Resource: element('resource', 'The resources the statement covers: ARNs (wildcards allowed) or `"*"`. An action is only allowed on resources of the types it supports.'),
  NotResource: element('notresource', 'Every resource except the ones listed. With `Allow` it grants access to every other resource, including resources created later.'),
  Condition: element('condition', 'When the statement applies: `{ "Operator": { "key": value } }`. All operators and keys must match; the values of one key are alternatives.'),
};

/** The keys of a `Principal` object. */
export const PRINCIPAL_TYPE_DOCS: Readonly<Record<string, ElementDoc>> = {
  AWS: element('principal', 'AWS accounts, IAM roles and users, and role sessions, by ARN or account id. `"*"` means anyone.'),
  Service: element('principal', 'AWS service principals such as `bedrock.amazonaws.com`. Scope them with `aws:SourceAccount` or `aws:SourceArn` so that another account cannot use the service against your resource (confused deputy).'),
  Federated: element('principal', 'A web identity or SAML provider, in role trust policies.'),
  CanonicalUser: element('principal', 'The canonical user id of an AWS account, for Amazon S3.'),
};

/** What each condition operator (without qualifiers) does. */
const OPERATOR_DOCS: Readonly<Record<string, string>> = {
  StringEquals: 'True when the value equals one of the listed strings exactly (case-sensitive).',
  StringNotEquals: 'True when the value equals none of the listed strings (case-sensitive).',
  StringEqualsIgnoreCase: 'True when the value equals one of the listed strings, ignoring case.',
  StringNotEqualsIgnoreCase: 'True when the value equals none of the listed strings, ignoring case.',
  StringLike: 'True when the value matches one of the listed patterns (case-sensitive; `*` matches any run of characters, `?` one character).',
  StringNotLike: 'True when the value matches none of the listed patterns (case-sensitive; `*` and `?` wildcards).',
  NumericEquals: 'True when the number equals one of the listed numbers.',
  NumericNotEquals: 'True when the number equals none of the listed numbers.',
  NumericLessThan: 'True when the number is less than the listed number.',
  NumericLessThanEquals: 'True when the number is less than or equal to the listed number.',
  NumericGreaterThan: 'True when the number is greater than the listed number.',
  NumericGreaterThanEquals: 'True when the number is greater than or equal to the listed number.',
  DateEquals: 'True when the date equals the listed date (ISO 8601, or epoch seconds).',
  DateNotEquals: 'True when the date differs from the listed date.',
  DateLessThan: 'True when the date is before the listed date.',
  DateLessThanEquals: 'True when the date is at or before the listed date.',
  DateGreaterThan: 'True when the date is after the listed date.',
  DateGreaterThanEquals: 'True when the date is at or after the listed date.',
  Bool: 'True when the boolean key has the listed value (`"true"` or `"false"`).',
  BinaryEquals: 'True when the binary value equals the listed base64-encoded value, byte for byte.',
  IpAddress: 'True when the IP address is in one of the listed CIDR ranges.',
  NotIpAddress: 'True when the IP address is in none of the listed CIDR ranges.',
  ArnEquals: 'True when the ARN matches one of the listed ARNs, part by part (case-sensitive; `*` and `?` wildcards allowed in each part).',
  ArnLike: 'True when the ARN matches one of the listed ARN patterns, part by part (case-sensitive; `*` and `?` wildcards allowed in each part).',
  ArnNotEquals: 'True when the ARN matches none of the listed ARNs (part by part, wildcards allowed).',
  ArnNotLike: 'True when the ARN matches none of the listed ARN patterns (part by part, wildcards allowed).',
  Null: '`"true"`: true when the key is absent from the request. `"false"`: true when the key is present.',
};

const IF_EXISTS_DOC = '`…IfExists`: also true when the key is absent from the request (the operator is only checked when the key is present).';
const FOR_ALL_DOC = '`ForAllValues:`: true when every value of the multivalued key in the request matches. Also true when the key is absent or empty: with `Allow`, pair it with a `Null` check.';
const FOR_ANY_DOC = '`ForAnyValue:`: true when at least one value of the multivalued key in the request matches; false when the key is absent.';

/** The documentation of a condition operator with its qualifiers, or undefined for an unknown operator. */
export function operatorDoc(name: string): string | undefined {
  const { setOperator, base, ifExists } = splitOperator(name);
  const doc = OPERATOR_DOCS[base];
  if (!doc || (ifExists && base === 'Null')) return undefined;
  const parts = [doc];
  if (ifExists) parts.push(IF_EXISTS_DOC);
  if (setOperator === 'ForAllValues') parts.push(FOR_ALL_DOC);
  if (setOperator === 'ForAnyValue') parts.push(FOR_ANY_DOC);
  return parts.join('\n\n');
}

/** Markdown for an element: its name, summary and a link to its page. */
export function elementMarkdown(name: string, doc: ElementDoc, what: string): string {
  return `**${name}** — ${what}\n\n${doc.summary}\n\n[IAM JSON policy reference](${doc.url})`;
}
