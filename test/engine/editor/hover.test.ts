// Hovers on policies: actions (exact, wildcard, `*`, endpoint prefixes), ARNs and the statement's
// actions that take them, condition keys (service and global), operators, policy variables,
// elements, Regions; exact markdown fragments and spans; a policy in a TypeScript literal gets the
// same hovers; no offset of a broken document makes it throw.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt } from '../../../server/src/engine/editor/hover';
import { sharedIamData } from '../../../server/src/engine/iam/data';
import { parseJsonPolicy } from '../../../server/src/engine/policy/json-parser';
import type { Policy } from '../../../server/src/engine/policy/model';
import { CURSOR, policyAt } from './editor-helpers';

const iam = sharedIamData();

/** The hover at the cursor mark, with the hovered text instead of the span. */
function hover(marked: string): { markdown: string; text: string } | undefined {
  const { text, offset, policy } = policyAt(marked);
  const h = hoverAt(policy, text, offset, iam);
  return h && { markdown: h.markdown, text: text.slice(h.span.start, h.span.end) };
}

function stmt(body: string): string {
  return `{"Version": "2012-10-17", "Statement": [{${body}}]}`;
}

const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html';

describe('hover on actions', () => {
  test('an action: access level, description, resource types with ARN formats, condition keys, reference link', () => {
    const h = hover(stmt(`"Effect": "Allow", "Action": ["bedrock:Invoke${CURSOR}Model"], "Resource": "*"`));
    assert.ok(h);
    assert.equal(h.text, '"bedrock:InvokeModel"');
    const parts = h.markdown.split('\n\n');
    assert.equal(parts[0], '**bedrock:InvokeModel** — Read');
    assert.equal(parts[1], 'Grants permission to invoke the specified Bedrock model to run inference using the input provided in the request body');
    const types = parts[2].split('\n');
    assert.equal(types[0], '**Resource types** (\\* required):');
    assert.equal(types.length, 1 + iam.action('bedrock', 'InvokeModel')!.resourceTypes.length);
    assert.ok(types.includes('- `foundation-model`\\* `arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}`'), parts[2]);
    assert.ok(types.includes('- `inference-profile`\\* `arn:${Partition}:bedrock:${Region}:${Account}:inference-profile/${ResourceId}`'), parts[2]);
    assert.match(parts[3], /^\*\*Condition keys\*\*: .*`bedrock:GuardrailIdentifier`, `bedrock:InferenceProfileArn`, `bedrock:ModelArn`/);
    assert.equal(parts[parts.length - 1], `[Amazon Bedrock in the Service Authorization Reference](${SAR}#amazonbedrock-InvokeModel)`);
  });

  test('an action that supports no resource type says it needs "*"; action names are case-insensitive', () => {
    const h = hover(stmt(`"Action": "bedrock:listfoundation${CURSOR}models"`));
    assert.ok(h);
    assert.equal(h.markdown.split('\n\n')[0], '**bedrock:ListFoundationModels** — List');
    assert.ok(h.markdown.includes('\n\n**Resource types**: none — this action supports only `"Resource": "*"`.\n\n'), h.markdown);
  });

  test('a wildcard: how many actions it matches by access level, the first ten sorted, and how many more', () => {
    const h = hover(stmt(`"Action": "bedrock:Get*${CURSOR}"`));
    assert.ok(h);
    const matched = iam.matchActions('bedrock', 'Get*');
    const names = matched.map((a) => a.name).sort();
    assert.ok(matched.length > 10);
    const [heading, list, link] = h.markdown.split('\n\n');
    assert.match(heading, new RegExp(`^\\*\\*bedrock:Get\\\\\\*\\*\\* matches ${matched.length} actions of Amazon Bedrock \\(\\d+ Read`));
    const lines = list.split('\n');
    assert.equal(lines.length, 11);
    assert.deepEqual(lines.slice(0, 10), names.slice(0, 10).map((n) => `- \`${n}\` — ${iam.action('bedrock', n)!.accessLevel}`));
    assert.equal(lines[10], `- and ${matched.length - 10} more`);
    assert.equal(link, `[Amazon Bedrock in the Service Authorization Reference](${SAR}#amazonbedrock-actions-as-permissions)`);
  });

  test('service:* says "all N actions"; a short wildcard lists all it matches; "*" is every action', () => {
    const all = hover(stmt(`"Action": "bedrock:${CURSOR}*"`));
    assert.match(all!.markdown, new RegExp(`^\\*\\*bedrock:\\\\\\*\\*\\* matches all ${iam.service('bedrock')!.actionList.length} actions of Amazon Bedrock \\(`));
    const two = hover(stmt(`"Action": "bedrock:InvokeModel${CURSOR}*"`));
    assert.equal(two!.markdown.split('\n\n')[1], '- `InvokeModel` — Read\n- `InvokeModelWithResponseStream` — Read');
    assert.match(two!.markdown, /^\*\*bedrock:InvokeModel\\\*\*\* matches 2 actions of Amazon Bedrock \(2 Read\):/);
    assert.equal(hover(stmt(`"Action": "${CURSOR}*"`))?.markdown, '**\\*** — every action of every AWS service, including actions AWS adds later.');
  });

  test('an API endpoint prefix is explained and the real action shown; unknown actions and services get no hover', () => {
    const h = hover(stmt(`"Action": "bedrock-runtime:${CURSOR}InvokeModel"`));
    assert.ok(h);
    const [warning, heading] = h.markdown.split('\n\n');
    assert.equal(warning, '⚠️ `bedrock-runtime` is an API endpoint name, not an IAM service prefix: these APIs are authorized by `bedrock:` actions, so this entry grants nothing.');
    assert.equal(heading, '**bedrock:InvokeModel** — Read');
    assert.equal(hover(stmt(`"Action": "bedrock:Conv${CURSOR}erse"`)), undefined);
    assert.equal(hover(stmt(`"Action": "nosuchservice:${CURSOR}Get"`)), undefined);
  });
});

describe('hover on resources and values', () => {
  const actions = '"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:ListFoundationModels"]';

  test('an ARN: its resource type, its parts, and which of the statement\'s actions take it', () => {
    const h = hover(stmt(`${actions}, "Resource": "arn:aws:bedrock:us-east-1::foundation-model/${CURSOR}anthropic.claude-3-haiku-20240307-v1:0"`));
    assert.ok(h);
    assert.equal(h.text, '"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"');
    assert.deepEqual(h.markdown.split('\n\n').slice(0, 3), [
      '**ARN** of a `foundation-model` (Amazon Bedrock)',
      'Partition `aws` · service `bedrock` · Region `us-east-1` (US East (N. Virginia)) · account none',
      '- `foundation-model` `arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}` — taken by `bedrock:InvokeModel`',
    ]);
  });

  test('an ARN of a type none of the statement\'s actions takes says so', () => {
    const h = hover(stmt(`${actions}, "Resource": "arn:aws:bedrock:us-east-1:111122223333:${CURSOR}guardrail/abc123"`));
    assert.ok(h);
    assert.ok(h.markdown.includes('\n- `guardrail` `arn:${Partition}:bedrock:${Region}:${Account}:guardrail/${GuardrailId}` — taken by none of the statement’s actions'), h.markdown);
  });

  test('a cross-Region inference profile names its destination Regions and the model ARNs it needs', () => {
    const h = hover(stmt(`${actions}, "Resource": "arn:aws:bedrock:us-east-2:111122223333:inference-profile/${CURSOR}us.anthropic.claude-sonnet-4-20250514-v1:0"`));
    assert.ok(h);
    assert.ok(
      h.markdown.includes('\n\nA US cross-Region inference profile: it routes requests to `us-east-1`, `us-east-2`, `us-west-2`. Invoking it also needs the foundation model `anthropic.claude-sonnet-4-20250514-v1:0` allowed in the source Region and in each of these Regions.\n\n'),
      h.markdown,
    );
  });

  test('an ARN in a condition value or a principal is described without the statement\'s actions', () => {
    const h = hover(stmt(`"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:${CURSOR}guardrail/abc123:1"}}`));
    assert.ok(h);
    assert.equal(h.markdown.split('\n\n')[0], '**ARN** of a `guardrail` (Amazon Bedrock)');
    assert.ok(!h.markdown.includes('taken by'));
    const role = hover(stmt(`"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:${CURSOR}role/app"}, "Action": "bedrock:InvokeModel", "Resource": "*"`));
    assert.match(role!.markdown, /^\*\*ARN\*\* of a `role` \(AWS Identity and Access Management \(IAM\)\)/);
  });

  test('a policy variable inside a string: the key it reads; special variables; the span is the variable', () => {
    const h = hover(stmt(`"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/home/\${aws:user${CURSOR}name}/*"`));
    assert.ok(h);
    assert.equal(h.text, '${aws:username}');
    const parts = h.markdown.split('\n\n');
    assert.match(parts[0], /^\*\*\$\{aws:username\}\*\* — policy variable: replaced by the request's value of `aws:username`\./);
    assert.equal(parts[1], '**aws:username** — String, global condition key');
    assert.equal(parts[2], 'The friendly name of the IAM user who made the request. Absent for roles and federated users.');
    const star = hover(stmt(`"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::bucket/\${${CURSOR}*}"`));
    assert.equal(star?.markdown, '**${\\*}** — policy variable: a literal `*` (asterisk).\n\n[IAM policy variables](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html)');
  });

  test('"Resource": "*" says which actions need it and which could be limited to ARNs', () => {
    assert.deepEqual(hover(stmt(`${actions}, "Resource": "${CURSOR}*"`)), {
      text: '"*"',
      markdown: [
        '**\\*** — every resource, including resources created later.',
        'Required by `bedrock:ListFoundationModels`: it supports no resource type.',
        '`bedrock:InvokeModel` can be limited to the ARNs of its resource types: move it to a statement with specific resources.',
      ].join('\n\n'),
    });
    assert.equal(hover(stmt(`"Effect": "Allow", "NotAction": "iam:*", "Resource": "${CURSOR}*"`))?.markdown, '**\\*** — every resource, including resources created later.');
  });

  test('a Region code in a condition value shows its name', () => {
    const h = hover(stmt(`"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "${CURSOR}eu-central-1"]}}`));
    assert.deepEqual(h, { markdown: '**eu-central-1** — Europe (Frankfurt), partition `aws`', text: '"eu-central-1"' });
  });
});

describe('hover on conditions and elements', () => {
  test('a service condition key: type, description from the data, anchor on the service page', () => {
    const h = hover(stmt(`"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"bedrock:Guardrail${CURSOR}Identifier": "x"}}`));
    assert.deepEqual(h, {
      text: '"bedrock:GuardrailIdentifier"',
      markdown: [
        '**bedrock:GuardrailIdentifier** — ARN, condition key of Amazon Bedrock',
        'Filters access by the GuardrailIdentifier containing the GuardrailArn or the GuardrailArn:NumericVersion',
        `[Amazon Bedrock in the Service Authorization Reference](${SAR}#amazonbedrock-bedrock_GuardrailIdentifier)`,
      ].join('\n\n'),
    });
  });

  test('a global key with a tag part: the key it matches, our summary, the IAM User Guide anchor', () => {
    const h = hover(stmt(`"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/${CURSOR}team": "ml"}}`));
    assert.equal(
      h?.markdown,
      [
        '**aws:PrincipalTag/team** — String, global condition key',
        'Matches the key `aws:PrincipalTag/tag-key`.',
        'The value of the tag with this key on the principal (the IAM user or role, or a session tag).',
        '[AWS global condition context keys](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principaltag)',
      ].join('\n\n'),
    );
  });

  test('condition operators: what they do, with the IfExists and set-operator qualifiers explained', () => {
    const h = hover(stmt(`"Condition": {"String${CURSOR}Equals": {"aws:SourceAccount": "111122223333"}}`));
    assert.deepEqual(h, {
      text: '"StringEquals"',
      markdown: '**StringEquals** — condition operator\n\nTrue when the value equals one of the listed strings exactly (case-sensitive).\n\n[IAM condition operators](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)',
    });
    const q = hover(stmt(`"Condition": {"ForAllValues:StringLike${CURSOR}IfExists": {"aws:TagKeys": ["team"]}}`))!.markdown.split('\n\n');
    assert.equal(q[2], '`…IfExists`: also true when the key is absent from the request (the operator is only checked when the key is present).');
    assert.equal(q[3], '`ForAllValues:`: true when every value of the multivalued key in the request matches. Also true when the key is absent or empty: with `Allow`, pair it with a `Null` check.');
    assert.equal(hover(stmt(`"Condition": {"Null${CURSOR}IfExists": {}}`)), undefined);
    assert.equal(hover(stmt(`"Condition": {"StringEqual${CURSOR}": {}}`)), undefined);
  });

  test('policy and statement elements and principal types get a one-line doc; unknown keys get none', () => {
    assert.deepEqual(hover(stmt(`"Effect": "Allow", "Not${CURSOR}Action": "iam:*", "Resource": "*"`)), {
      text: '"NotAction"',
      markdown:
        '**NotAction** — statement element\n\nEvery action except the ones listed. With `Allow` it grants every other action of every service, including actions AWS adds later.\n\n[IAM JSON policy reference](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html)',
    });
    assert.match(hover(`{"Ver${CURSOR}sion": "2012-10-17", "Statement": []}`)!.markdown, /^\*\*Version\*\* — policy element\n\nThe policy language version\. Use `"2012-10-17"`/);
    assert.match(hover(stmt(`"Principal": {"Serv${CURSOR}ice": "bedrock.amazonaws.com"}`))!.markdown, /^\*\*Service\*\* — principal type\n\nAWS service principals such as `bedrock\.amazonaws\.com`/);
    assert.equal(hover(stmt(`"Act${CURSOR}ions": "bedrock:InvokeModel"`)), undefined);
  });

  test('the hover covers the literal from its opening quote to its closing quote, and nothing outside', () => {
    const text = stmt('"Action": "bedrock:InvokeModel"');
    const policy = parseJsonPolicy(text)!;
    const start = text.indexOf('"bedrock:');
    const end = start + '"bedrock:InvokeModel"'.length;
    assert.ok(hoverAt(policy, text, start, iam));
    assert.ok(hoverAt(policy, text, end - 1, iam));
    assert.equal(hoverAt(policy, text, end, iam), undefined);
    assert.equal(hoverAt(policy, text, start - 1, iam), undefined);
  });
});

describe('hover on a policy in code and on broken text', () => {
  test('a policy model of dialect typescript (single quotes) gets the same hovers at the same offsets', () => {
    const json = stmt(`"Effect": "Allow", "Action": ["bedrock:InvokeModel"], "Resource": "arn:aws:bedrock:us-east-1::foundation-model/x"`);
    const ts = json.replace(/"/g, "'");
    const policy: Policy = { ...parseJsonPolicy(json)!, dialect: 'typescript' };
    const at = ts.indexOf('InvokeModel');
    const h = hoverAt(policy, ts, at, iam);
    assert.equal(h?.markdown.split('\n\n')[0], '**bedrock:InvokeModel** — Read');
    assert.equal(ts.slice(h!.span.start, h!.span.end), "'bedrock:InvokeModel'");
    assert.match(hoverAt(policy, ts, ts.indexOf('foundation-model/x'), iam)!.markdown, /^\*\*ARN\*\* of a `foundation-model`/);
  });

  test('no offset of truncated, half-typed policies makes hover throw', () => {
    const full = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "A", "Effect": "Allow", "Action": ["bedrock:Invoke*", "s3:GetObject"], "Resource": ["arn:aws:s3:::b/\${aws:username}/*", "arn:aws:bedrock:*::foundation-model/*"],
     "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}, "Bool": {"aws:SecureTransport": "true"}}},
    {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*", "Principal": {"AWS": ["*"]}}
  ]
}`;
    let hovers = 0;
    for (let cut = 0; cut <= full.length; cut += 7) {
      const text = full.slice(0, cut) + '\n"Statement"';
      const policy = parseJsonPolicy(text);
      if (!policy) continue;
      for (let offset = 0; offset <= text.length; offset += 3) if (hoverAt(policy, text, offset, iam)) hovers++;
    }
    assert.ok(hovers > 100, `hovers found: ${hovers}`);
  });
});
