// Completion in policies: exact labels, order, ranges and insert texts for service prefixes,
// actions, ARN templates, Regions, condition operators, condition keys and values, Effect and
// Version values, element names and the empty document; half-typed (unterminated) strings, bare
// positions after a colon, a TypeScript-dialect model, and text that is not a policy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completionDocumentation, completionsAt, type PolicyCompletion } from '../../../server/src/engine/editor/completion';
import { sharedIamData } from '../../../server/src/engine/iam/data';
import { REGIONS } from '../../../server/src/engine/iam/regions';
import { CONDITION_OPERATORS } from '../../../server/src/engine/policy/analysis';
import { parseJsonPolicy } from '../../../server/src/engine/policy/json-parser';
import type { Policy } from '../../../server/src/engine/policy/model';
import { defaultSettings, type EngineSettings } from '../../../server/src/engine/settings';
import { applyEdits } from '../../../server/src/engine/fixes';
import { at, CURSOR } from './editor-helpers';

const iam = sharedIamData();

function complete(marked: string, settings: Partial<EngineSettings> = {}): { items: PolicyCompletion[]; text: string; offset: number } {
  const { text, offset, policy } = at(marked);
  return { items: completionsAt(policy, text, offset, iam, { ...defaultSettings(), ...settings }), text, offset };
}

const labels = (marked: string, settings?: Partial<EngineSettings>): string[] => complete(marked, settings).items.map((i) => i.label);

/** The item with `label`, and the text its edit replaces. */
function item(marked: string, label: string, settings?: Partial<EngineSettings>): PolicyCompletion & { replaced: string; after: string } {
  const { items, text } = complete(marked, settings);
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
  return { ...found, replaced: text.slice(found.range.start, found.range.end), after: applyEdits(text, [{ span: found.range, newText: found.insertText }]) };
}

function stmt(body: string): string {
  return `{"Version": "2012-10-17", "Statement": [{${body}}]}`;
}

const invoke = '"Effect": "Allow", "Action": "bedrock:InvokeModel"';

describe('completion in Action', () => {
  test('after "bedrock:": the actions that start with what was typed, case-insensitively, with access level and resolvable docs', () => {
    const { items, text } = complete(stmt(`"Effect": "Allow", "Action": "bedrock:invokem${CURSOR}"`));
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.insertText, text.slice(i.range.start, i.range.end)]),
      [
        ['InvokeModel', 'Read', 'InvokeModel', 'invokem'],
        ['InvokeModelWithResponseStream', 'Read', 'InvokeModelWithResponseStream', 'invokem'],
      ],
    );
    assert.deepEqual(items[0].resolve, { type: 'action', service: 'bedrock', name: 'InvokeModel' });
    assert.equal(items[0].kind, 'action');
  });

  test('the whole list after the colon is every action of the service in name order; prefixes first, then words inside names', () => {
    const all = labels(stmt(`"Action": "bedrock:${CURSOR}"`));
    const names = iam.service('bedrock')!.actionList.map((a) => a.name).sort((a, b) => (a < b ? -1 : 1));
    assert.deepEqual(all, names);
    const stream = labels(stmt(`"Action": "bedrock:Stream${CURSOR}"`));
    assert.ok(stream.includes('InvokeModelWithResponseStream'), 'a word inside the name matches');
    const inv = labels(stmt(`"Action": "bedrock:Inv${CURSOR}"`));
    const firstNonPrefix = inv.findIndex((l) => !l.toLowerCase().startsWith('inv'));
    assert.deepEqual(inv.slice(0, firstNonPrefix === -1 ? inv.length : firstNonPrefix), names.filter((n) => n.toLowerCase().startsWith('inv')));
  });

  test('the insert keeps the service prefix as the user typed it and replaces the whole action part', () => {
    const i = item(stmt(`"Action": "Bedrock:Invoke${CURSOR}Mdl"`), 'InvokeModel');
    assert.equal(i.replaced, 'InvokeMdl');
    assert.equal(i.after, stmt('"Action": "Bedrock:InvokeModel"'));
  });

  test('actions the statement already lists are not offered again', () => {
    assert.deepEqual(labels(stmt(`"Action": ["bedrock:InvokeModel", "bedrock:InvokeModel${CURSOR}"]`)), ['InvokeModelWithResponseStream']);
    assert.deepEqual(labels(stmt(`"NotAction": ["bedrock:InvokeModel", "bedrock:InvokeModel${CURSOR}"]`)), ['InvokeModelWithResponseStream']);
  });

  test('in an unterminated string the closing quote is added', () => {
    const i = item(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModelW${CURSOR}\n}]}`, 'InvokeModelWithResponseStream');
    assert.equal(i.replaced, 'InvokeModelW');
    assert.equal(i.insertText, 'InvokeModelWithResponseStream"');
    assert.doesNotThrow(() => JSON.parse(i.after));
  });

  test('service prefixes before the colon: prefix matches first, inserting "prefix:" and asking for the actions next', () => {
    const { items } = complete(stmt(`"Action": "bed${CURSOR}"`));
    const prefixed = iam.allServices().filter((s) => s.startsWith('bed')).sort();
    assert.deepEqual(items.slice(0, prefixed.length).map((i) => i.label), prefixed);
    const first = items[0];
    assert.deepEqual({ label: first.label, detail: first.detail, insertText: first.insertText, retrigger: first.retrigger, kind: first.kind }, { label: 'bedrock', detail: 'Amazon Bedrock', insertText: 'bedrock:', retrigger: true, kind: 'service' });
    assert.match(completionDocumentation(first.resolve, iam)!, /^\*\*bedrock\*\* — Amazon Bedrock, \d+ actions\n\n\[Amazon Bedrock in the Service Authorization Reference\]\(https:\/\/docs\.aws\.amazon\.com\/service-authorization\/latest\/reference\/list_amazonbedrock\.html\)$/);
  });

  test('a service before an existing colon replaces only the prefix; a bare position gets a quoted snippet', () => {
    const i = item(stmt(`"Action": "bed${CURSOR}:InvokeModel"`), 'bedrock');
    assert.deepEqual([i.replaced, i.insertText, i.retrigger], ['bed', 'bedrock', undefined]);
    assert.equal(i.after, stmt('"Action": "bedrock:InvokeModel"'));
    const bare = item(stmt(`"Action":${CURSOR}`), 'bedrock');
    assert.deepEqual([bare.insertText, bare.snippet, bare.retrigger], [' "bedrock:$1"', true, true]);
    const inArray = item(stmt(`"Action": [${CURSOR}]`), 'bedrock');
    assert.equal(inArray.insertText, '"bedrock:$1"');
  });

  test('nothing for wildcards, unknown services and positions outside strings', () => {
    assert.deepEqual(labels(stmt(`"Action": "*${CURSOR}"`)), []);
    assert.deepEqual(labels(stmt(`"Action": "bedrock:Invoke*${CURSOR}"`)), []);
    assert.deepEqual(labels(stmt(`"Action": "nosuch:Get${CURSOR}"`)), []);
    assert.deepEqual(labels(stmt(`"Action": "bedrock:InvokeModel"${CURSOR}`)), []);
    assert.deepEqual(labels(stmt(`"Action": ${CURSOR}"bedrock:InvokeModel"`)), []);
  });
});

describe('completion in Resource', () => {
  test('ARN templates of the statement\'s resource types, and "*" first when an action takes no resource type', () => {
    const all = labels(stmt(`"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:ListFoundationModels"], "Resource": ["${CURSOR}"]`));
    const types = iam.action('bedrock', 'InvokeModel')!.resourceTypes.map((r) => iam.resourceType('bedrock', r.name)!.key).sort();
    assert.deepEqual(all, ['*', ...types]);
    const star = item(stmt(`"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:ListFoundationModels"], "Resource": ["${CURSOR}"]`), '*');
    assert.equal(star.documentation, '`bedrock:ListFoundationModels` support no resource type: they are only allowed with `"Resource": "*"`.');
  });

  test('a template is a snippet: partition, a choice of the allowed Regions, account and ids as tab stops', () => {
    const i = item(stmt(`${invoke}, "Resource": "${CURSOR}"`), 'foundation-model', { allowedRegions: ['eu-west-1', 'eu-central-1'] });
    assert.equal(i.insertText, 'arn:${1:aws}:bedrock:${2|eu-west-1,eu-central-1|}::foundation-model/${3:ResourceId}');
    assert.equal(i.detail, 'arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}');
    assert.equal(i.filterText, 'arn:aws:bedrock:foundation-model');
    assert.ok(i.snippet);
    const profile = item(stmt(`${invoke}, "Resource": "${CURSOR}"`), 'inference-profile');
    const commercial = REGIONS.filter((r) => r.partition === 'aws').map((r) => r.code).join(',');
    assert.equal(profile.insertText, `arn:\${1:aws}:bedrock:\${2|${commercial}|}:\${3:account-id}:inference-profile/\${4:ResourceId}`);
  });

  test('types taken by more of the statement\'s actions come first', () => {
    const all = labels(stmt(`"Effect": "Allow", "Action": ["bedrock:ApplyGuardrail", "bedrock:GetGuardrail"], "Resource": "${CURSOR}"`));
    assert.equal(all[0], 'guardrail');
  });

  test('the Region part of an ARN offers the partition\'s Regions and replaces only that part', () => {
    const i = item(stmt(`${invoke}, "Resource": "arn:aws:bedrock:eu-${CURSOR}:111122223333:inference-profile/x"`), 'eu-west-1');
    assert.deepEqual([i.replaced, i.insertText, i.detail, i.kind], ['eu-', 'eu-west-1', 'Europe (Ireland)', 'region']);
    assert.deepEqual(labels(stmt(`${invoke}, "Resource": "arn:aws-us-gov:bedrock:${CURSOR}"`)), ['us-gov-east-1', 'us-gov-west-1']);
    assert.deepEqual(labels(stmt(`${invoke}, "Resource": "arn:aws:bedrock:us-east-1:${CURSOR}"`)), []);
  });

  test('allowed Regions come first and say so', () => {
    const { items } = complete(stmt(`${invoke}, "Resource": "arn:aws:bedrock:${CURSOR}"`), { allowedRegions: ['eu-central-1'] });
    assert.deepEqual([items[0].label, items[0].detail], ['eu-central-1', 'Europe (Frankfurt) · allowed Region']);
    assert.equal(items[1].label, 'us-east-1');
  });

  test('nothing for a statement whose actions are unknown or "*"', () => {
    assert.deepEqual(labels(stmt(`"Action": "*", "Resource": "${CURSOR}"`)), []);
    assert.deepEqual(labels(stmt(`"NotAction": "iam:*", "Resource": "${CURSOR}"`)), []);
  });
});

describe('completion in Condition', () => {
  test('operators as keys: the plain ones in AWS order first, present ones left out, the whole property inserted', () => {
    const all = labels(stmt(`${invoke}, "Condition": {${CURSOR}}`));
    assert.deepEqual(all.slice(0, CONDITION_OPERATORS.length), [...CONDITION_OPERATORS]);
    assert.equal(all.length, 27 + 26 + 2 * 26);
    assert.ok(all.includes('StringLikeIfExists') && all.includes('ForAnyValue:StringLike') && !all.includes('NullIfExists'));
    const eq = item(stmt(`${invoke}, "Condition": {${CURSOR}}`), 'StringEquals');
    assert.deepEqual([eq.insertText, eq.retrigger, eq.documentation], ['"StringEquals": {\n\t"$1"\n}', true, 'True when the value equals one of the listed strings exactly (case-sensitive).']);
    assert.ok(!labels(stmt(`${invoke}, "Condition": {"Bool": {}, ${CURSOR}}`)).includes('Bool'));
  });

  test('an operator typed in quotes: the literal is replaced, filtered by what was typed; only the key when a colon follows', () => {
    const { items, text } = complete(stmt(`${invoke}, "Condition": {"StringE${CURSOR}"}`));
    assert.deepEqual(items.slice(0, 4).map((i) => i.label), ['StringEquals', 'StringEqualsIgnoreCase', 'StringEqualsIfExists', 'StringEqualsIgnoreCaseIfExists']);
    assert.equal(text.slice(items[0].range.start, items[0].range.end), '"StringE"');
    assert.equal(items[0].filterText, '"StringEquals"');
    const colon = item(stmt(`${invoke}, "Condition": {"StringE${CURSOR}": {}}`), 'StringEquals');
    assert.deepEqual([colon.insertText, colon.retrigger], ['"StringEquals"', undefined]);
  });

  test('condition keys: those of the statement\'s actions first, then the global keys; snippets fit the key\'s type', () => {
    const marked = stmt(`${invoke}, "Resource": "*", "Condition": {"StringEquals": {${CURSOR}}}`);
    const all = labels(marked);
    assert.deepEqual(all.slice(0, 9), [
      'aws:RequestTag/${TagKey}',
      'aws:ResourceTag/${TagKey}',
      'aws:TagKeys',
      'bedrock:GuardrailIdentifier',
      'bedrock:InferenceProfileArn',
      'bedrock:ModelArn',
      'bedrock:ProjectArn',
      'bedrock:PromptRouterArn',
      'bedrock:ServiceTier',
    ]);
    assert.ok(all.indexOf('aws:SourceAccount') > 8 && all.indexOf('aws:PrincipalTag/${TagKey}') > 8);
    assert.equal(all.filter((l) => l.toLowerCase().startsWith('aws:requesttag/')).length, 1, 'one spelling per key template');
    assert.equal(item(marked, 'bedrock:GuardrailIdentifier').insertText, '"bedrock:GuardrailIdentifier": "$1"');
    assert.equal(item(marked, 'aws:RequestTag/${TagKey}').insertText, '"aws:RequestTag/${1:TagKey}": "$2"');
    assert.equal(item(marked, 'aws:TagKeys').insertText, '"aws:TagKeys": ["$1"]');
    assert.equal(item(marked, 'aws:SecureTransport').insertText, '"aws:SecureTransport": "${1|true,false|}"');
    const region = item(marked, 'aws:RequestedRegion');
    assert.deepEqual([region.insertText, region.retrigger, region.detail], ['"aws:RequestedRegion": "$1"', true, 'String · global']);
    assert.match(region.documentation!, /^\*\*aws:RequestedRegion\*\* — String, global condition key\n\nThe AWS Region the request is sent to\./);
  });

  test('under Null every key takes true/false; keys already under the operator are left out; a following key gets a comma', () => {
    assert.equal(item(stmt(`${invoke}, "Condition": {"Null": {${CURSOR}}}`), 'bedrock:GuardrailIdentifier').insertText, '"bedrock:GuardrailIdentifier": "${1|true,false|}"');
    assert.ok(!labels(stmt(`${invoke}, "Condition": {"StringEquals": {"bedrock:ModelArn": "x", ${CURSOR}}}`)).includes('bedrock:ModelArn'));
    const before = item(stmt(`${invoke}, "Condition": {"StringEquals": {"bedrock:Mod${CURSOR}" "bedrock:ServiceTier": "x"}}`), 'bedrock:ModelArn');
    assert.equal(before.insertText, '"bedrock:ModelArn": "$1",');
  });

  test('values of Region keys are Regions (allowed ones first, listed ones left out); Bool and Null values are true/false', () => {
    const regions = labels(stmt(`"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "${CURSOR}"]}}`), { allowedRegions: ['eu-west-1', 'eu-central-1'] });
    assert.deepEqual(regions.slice(0, 3), ['eu-central-1', 'us-east-1', 'us-east-2']);
    assert.ok(!regions.includes('eu-west-1'));
    assert.deepEqual(labels(stmt(`${invoke}, "Condition": {"Bool": {"aws:SecureTransport": "${CURSOR}"}}`)), ['true', 'false']);
    const nul = complete(stmt(`${invoke}, "Condition": {"Null": {"bedrock:GuardrailIdentifier": "${CURSOR}"}}`)).items;
    assert.deepEqual(nul.map((i) => [i.label, i.detail]), [['true', 'the key is absent from the request'], ['false', 'the key is present in the request']]);
    assert.deepEqual(labels(stmt(`${invoke}, "Condition": {"StringEquals": {"aws:PrincipalAccount": "${CURSOR}"}}`)), []);
  });
});

describe('completion of elements and values', () => {
  test('statement elements: missing ones in a useful order, exclusive pairs respected, whole property inserted', () => {
    assert.deepEqual(labels(stmt(`"Effect": "Allow", ${CURSOR}`)), ['Sid', 'Action', 'Resource', 'Condition', 'Principal', 'NotAction', 'NotResource', 'NotPrincipal']);
    assert.deepEqual(labels(stmt(`"Action": "s3:GetObject", "Principal": "*", ${CURSOR}`)), ['Sid', 'Effect', 'Resource', 'Condition', 'NotResource']);
    const { text, offset } = at(stmt(`"Effect": "Deny", ${CURSOR}`));
    const scp = completionsAt(parseJsonPolicy(text, 'scp'), text, offset, iam, defaultSettings()).map((i) => i.label);
    assert.deepEqual(scp, ['Sid', 'Action', 'Resource', 'Condition', 'NotAction', 'NotResource']);
    const action = item(stmt(`"Effect": "Allow", "Act${CURSOR}"`), 'Action');
    assert.deepEqual([action.replaced, action.insertText, action.retrigger, action.filterText], ['"Act"', '"Action": ["$1"]', true, '"Action"']);
    assert.equal(item(stmt(`"Eff${CURSOR}"`), 'Effect').insertText, '"Effect": "${1|Allow,Deny|}"');
  });

  test('Effect values in a string, and quoted with a space at a bare position after the colon', () => {
    assert.deepEqual(labels(stmt(`"Effect": "${CURSOR}"`)), ['Allow', 'Deny']);
    assert.deepEqual(labels(stmt(`"Effect": "d${CURSOR}"`)), ['Deny']);
    const bare = item(stmt(`"Effect":${CURSOR}`), 'Allow');
    assert.equal(bare.after, stmt('"Effect": "Allow"'));
    const beforeNext = item(`{"Statement": [{"Effect": ${CURSOR}\n "Action": "s3:GetObject"}]}`, 'Deny');
    assert.equal(beforeNext.insertText, '"Deny",');
  });

  test('top-level keys and the Version value; principal types', () => {
    assert.deepEqual(
      complete(`{${CURSOR}}`).items.map((i) => [i.label, i.insertText]),
      [
        ['Version', '"Version": "2012-10-17"'],
        ['Statement', '"Statement": [\n\t{\n\t\t"Effect": "${1|Allow,Deny|}",\n\t\t"Action": ["$2"],\n\t\t"Resource": ["$3"]\n\t}\n]'],
        ['Id', '"Id": "$1"'],
      ],
    );
    assert.deepEqual(labels(`{"Version": "2012-10-17", ${CURSOR} "Statement": []}`), ['Id']);
    assert.deepEqual(labels(`{"Version": "${CURSOR}", "Statement": []}`), ['2012-10-17']);
    assert.deepEqual(labels(stmt(`"Principal": {"AWS": "*", ${CURSOR}}`)), ['Service', 'Federated', 'CanonicalUser']);
  });

  test('an empty document gets the policy skeleton; other JSON gets nothing', () => {
    const { items } = complete(`\n${CURSOR}\n`);
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.snippet, i.insertText]),
      [['IAM policy', 'snippet', true, '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t"Sid": "${1:AllowBedrockInvoke}",\n\t\t\t"Effect": "${2|Allow,Deny|}",\n\t\t\t"Action": ["$3"],\n\t\t\t"Resource": ["$4"]\n\t\t}\n\t]\n}']],
    );
    assert.deepEqual(labels(`{"name": "my-app", ${CURSOR}}`), []);
    assert.deepEqual(labels(`{"compilerOptions": {${CURSOR}}}`), []);
    assert.deepEqual(labels(`["bedrock:${CURSOR}"]`), []);
  });

  test('text longer than the maxFileSize setting gets nothing', () => {
    assert.deepEqual(labels(stmt(`"Effect": "${CURSOR}"`), { maxFileSize: 20 }), []);
  });
});

describe('completion in a TypeScript-dialect policy', () => {
  /** The JSON policy's model with dialect typescript, over the same text in single quotes. */
  function tsComplete(markedJson: string): { items: PolicyCompletion[]; text: string } {
    const { text, offset } = at(markedJson);
    const policy: Policy = { ...parseJsonPolicy(text)!, dialect: 'typescript' };
    const ts = text.replace(/"/g, "'");
    return { items: completionsAt(policy, ts, offset, iam, defaultSettings()), text: ts };
  }

  test('actions inside a single-quoted string replace only the action part', () => {
    const { items, text } = tsComplete(stmt(`"Effect": "Allow", "Action": ["bedrock:InvokeModelW${CURSOR}"]`));
    assert.deepEqual(items.map((i) => [i.label, i.insertText, text.slice(i.range.start, i.range.end)]), [['InvokeModelWithResponseStream', 'InvokeModelWithResponseStream', 'InvokeModelW']]);
  });

  test('a key is completed inside its quotes only (no JSON property text)', () => {
    const { items, text } = tsComplete(stmt(`${invoke}, "Condition": {"StringEquals": {"bedrock:Guard${CURSOR}": "x"}}`));
    const key = items.find((i) => i.label === 'bedrock:GuardrailIdentifier')!;
    assert.deepEqual([key.insertText, text.slice(key.range.start, key.range.end)], ['bedrock:GuardrailIdentifier', 'bedrock:Guard']);
  });

  test('bare positions are left to the language\'s own completion', () => {
    assert.deepEqual(tsComplete(stmt(`"Effect": "Allow", ${CURSOR}`)).items, []);
  });
});

describe('completion on broken text', () => {
  test('no cursor position of truncated policies makes completion throw', () => {
    const full = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "A", "Effect": "Allow", "Action": ["bedrock:Invoke*", "s3:Get"], "Resource": ["arn:aws:bedrock:us-east-1::foundation-model/x", ""],
     "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["a"]}, "Null": {"aws:RequestedRegion": "true"}}},
    {"Effect": "Deny", "NotAction": "iam:*", "NotResource": "*", "Principal": {"AWS": ["*"]}}
  ]
}`;
    let proposals = 0;
    for (let cut = 0; cut <= full.length; cut += 5) {
      const text = full.slice(0, cut);
      const policy = parseJsonPolicy(text);
      for (let offset = 0; offset <= text.length; offset += 4) proposals += completionsAt(policy, text, offset, iam, defaultSettings()).length;
    }
    assert.ok(proposals > 1000, `proposals: ${proposals}`);
    assert.deepEqual(completionsAt(undefined, '{}', -1, iam, defaultSettings()), []);
    assert.deepEqual(completionsAt(undefined, '{}', 3, iam, defaultSettings()), []);
  });
});
