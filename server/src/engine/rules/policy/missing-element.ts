// policy/missing-element: a statement without an element AWS requires: Effect; Action or
// NotAction; Resource or NotResource (identity policies, and resource policies other than role
// trust and ECR repository policies); Principal or NotPrincipal (resource policies).
import { splitAction } from '../../policy/analysis';
import type { PolicyKind, Statement } from '../../policy/model';
import { defineRule } from '../rule';
import { misspells } from './element-names';

/** A requirement: one of `elements` must be present. */
interface Requirement {
  elements: readonly string[];
  present(st: Statement): boolean;
}

const EFFECT: Requirement = { elements: ['Effect'], present: (st) => !!st.effect };
const ACTION: Requirement = { elements: ['Action', 'NotAction'], present: (st) => !!(st.action || st.notAction) };
const RESOURCE: Requirement = { elements: ['Resource', 'NotResource'], present: (st) => !!(st.resource || st.notResource) };
const PRINCIPAL: Requirement = { elements: ['Principal', 'NotPrincipal'], present: (st) => !!(st.principal || st.notPrincipal) };

/**
 * Services whose resource-based policies have no Resource element, because the policy is
 * attached to the one resource it governs: a role's trust policy (only `sts:` actions; see
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html)
 * and an Amazon ECR repository policy
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html).
 */
const RESOURCELESS_SERVICES = new Set(['sts', 'ecr', 'ecr-public']);

/**
 * True when a resource-policy statement may omit Resource: every Action entry belongs to a
 * service whose resource policies have none. Unknown (no Action, NotAction only) is treated as
 * "may omit", so that only statements known to need a Resource are reported.
 */
function mayOmitResource(st: Statement): boolean {
  const entries = st.action?.entries ?? [];
  if (entries.length === 0) return true;
  return entries.every((e) => {
    const split = splitAction(e.value);
    return !!split && RESOURCELESS_SERVICES.has(split.service);
  });
}

/** The requirements of a statement in a policy of this kind. */
function requirementsFor(kind: PolicyKind, st: Statement): Requirement[] {
  switch (kind) {
    case 'identity':
      return [EFFECT, ACTION, RESOURCE];
    // The SCP grammar requires Effect and Action or NotAction; it does not require Resource
    // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html).
    case 'scp':
      return [EFFECT, ACTION];
    case 'resource':
      return mayOmitResource(st) ? [EFFECT, PRINCIPAL, ACTION] : [EFFECT, PRINCIPAL, ACTION, RESOURCE];
  }
}

const label = (r: Requirement) => r.elements.map((e) => `"${e}"`).join(' or ');

export default defineRule({
  meta: {
    id: 'policy/missing-element',
    severity: 'error',
    description: 'A statement lacks an element AWS requires: Effect, Action/NotAction, Resource/NotResource, or (in resource policies) Principal/NotPrincipal.',
    fixable: false,
    docs: {
      rationale: [
        'IAM rejects a statement that lacks a required element (`MalformedPolicyDocument: Policy statement must contain resources`, `Statement is missing required element`). What is required depends on the kind of policy:',
        '',
        '- **Identity policies:** `Effect`, `Action` or `NotAction`, and `Resource` or `NotResource`.',
        '- **SCPs:** `Effect`, and `Action` or `NotAction`. The SCP grammar does not require `Resource`, so its absence is not reported.',
        '- **Resource-based policies:** `Effect`, `Principal` or `NotPrincipal`, `Action` or `NotAction`, and `Resource` or `NotResource`, except where the service attaches the policy to the single resource it governs: role trust policies (only `sts:` actions such as `sts:AssumeRole`) and Amazon ECR repository policies (`ecr:` / `ecr-public:` actions) have no `Resource`. A resource-policy statement whose actions are not known (no `Action`) is not reported for a missing `Resource`.',
        '',
        'An element whose key is present but misspelled (`"action"`, `"Resources"`) is reported once, by `policy/unknown-element`, not here as well. A statement that contains a syntax problem (one still being typed) is left to `policy/syntax` until it can be read completely. The finding is placed on the opening brace of the statement.',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "bedrock:InvokeModel"\n  }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "bedrock:InvokeModel",\n    "Resource": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"\n  }]\n}',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
        'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policy-examples.html',
      ],
    },
  },
  check(ctx) {
    const { policy } = ctx;
    for (const st of policy.statements) {
      // A statement with a syntax problem inside is still being typed: policy/syntax reports it,
      // and what it lacks is reported once it can be read completely.
      if (policy.syntaxProblems.some((p) => p.span.start >= st.span.start && p.span.start <= st.span.end)) continue;
      const missing = requirementsFor(policy.kind, st).filter((r) => !r.present(st) && !misspells(st.keys, 'statement', r.elements));
      if (missing.length === 0) continue;
      const note = missing.includes(PRINCIPAL) ? ' (every statement of a resource-based policy names a principal)' : '';
      ctx.report(
        { start: st.span.start, end: st.span.start + 1 },
        `This statement has no ${missing.map(label).join(', and no ')}; AWS rejects the policy${note}.`,
        { missing: missing.map((r) => r.elements[0]) },
      );
    }
  },
});
