// The JSON policy parser: the model's spans for every element kind, pinned to exact offsets of a
// realistic policy, plus half-typed documents, kinds and the whitespace-free length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compactJsonLength, parseJsonPolicy } from '../../server/src/engine/policy/json-parser';
import type { Span } from '../../server/src/engine/types';

const POLICY = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Id": "bedrock-access",',
  '  "Statement": [',
  '    {',
  '      "Sid": "InvokeNova",',
  '      "Effect": "Allow",',
  '      "Action": ["bedrock:InvokeModel", "bedrock:Converse*"],',
  '      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",',
  '      "Condition": {',
  '        "StringEquals": {"aws:RequestedRegion": ["us-east-1", "us-west-2"]},',
  '        "Bool": {"aws:SecureTransport": true}',
  '      }',
  '    },',
  '    {',
  '      "Effect": "Deny",',
  '      "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "444455556666"], "Service": "bedrock.amazonaws.com"},',
  '      "NotAction": "bedrock:Get*",',
  '      "NotResource": ["arn:aws:s3:::logs/*", 7]',
  '    }',
  '  ]',
  '}',
].join('\n');

/** `start-end text` of a span, so that each assertion pins both the offsets and what they cover. */
const at = (text: string, s: Span | undefined) => (s ? `${s.start}-${s.end} ${text.slice(s.start, s.end)}` : 'none');

test('json-parser: policy-level elements and their spans', () => {
  const p = parseJsonPolicy(POLICY)!;
  const s = (x: Span | undefined) => at(POLICY, x);
  assert.equal(p.dialect, 'json');
  assert.equal(s(p.span), `0-677 ${POLICY}`);
  assert.deepEqual(p.keys.map((k) => s(k.span)), ['4-13 "Version"', '31-35 "Id"', '57-68 "Statement"']);
  assert.equal(s(p.version?.key.propertySpan), '4-27 "Version": "2012-10-17"');
  assert.equal(s(p.version?.valueSpan), '15-27 "2012-10-17"');
  assert.deepEqual(p.version?.value, { value: '2012-10-17', kind: 'string', span: { start: 15, end: 27 } });
  assert.equal(s(p.id?.valueSpan), '37-53 "bedrock-access"');
  assert.equal(s(p.statementKey?.span), '57-68 "Statement"');
  assert.equal(p.statementValueSpan?.start, 70);
  assert.equal(p.statementValueSpan?.end, 675);
  assert.equal(p.statementIsArray, true);
  assert.equal(p.statements.length, 2);
  assert.deepEqual(p.syntaxProblems, []);
});

test('json-parser: Sid, Effect, Action entries, Resource and Condition operators, keys and values', () => {
  const p = parseJsonPolicy(POLICY)!;
  const s = (x: Span | undefined) => at(POLICY, x);
  const st = p.statements[0];
  assert.equal(st.index, 0);
  assert.equal(st.span.start, 76);
  assert.equal(st.span.end, 435);
  assert.deepEqual(st.keys.map((k) => s(k.span)), ['84-89 "Sid"', '111-119 "Effect"', '136-144 "Action"', '198-208 "Resource"', '284-295 "Condition"']);
  assert.equal(s(st.sid?.valueSpan), '91-103 "InvokeNova"');
  assert.equal(st.sid?.value?.value, 'InvokeNova');
  assert.equal(s(st.effect?.key.propertySpan), '111-128 "Effect": "Allow"');
  assert.equal(s(st.effect?.valueSpan), '121-128 "Allow"');
  assert.equal(st.effect?.value?.value, 'Allow');

  assert.equal(st.action?.valueKind, 'array');
  assert.equal(st.action?.isArray, true);
  assert.equal(s(st.action?.valueSpan), '146-190 ["bedrock:InvokeModel", "bedrock:Converse*"]');
  assert.deepEqual(st.action?.entries.map((e) => [e.value, s(e.span)]), [
    ['bedrock:InvokeModel', '147-168 "bedrock:InvokeModel"'],
    ['bedrock:Converse*', '170-189 "bedrock:Converse*"'],
  ]);
  assert.deepEqual(st.action?.invalidEntries, []);

  assert.equal(st.resource?.isArray, false);
  assert.equal(st.resource?.valueKind, 'string');
  assert.deepEqual(st.resource?.entries.map((e) => s(e.span)), ['210-276 "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"']);

  const cond = st.condition!;
  assert.equal(cond.valueKind, 'object');
  assert.equal(cond.valueSpan.start, 297);
  assert.equal(cond.valueSpan.end, 429);
  assert.deepEqual(cond.operators.map((op) => [s(op.key.span), op.valueKind]), [
    ['307-321 "StringEquals"', 'object'],
    ['384-390 "Bool"', 'object'],
  ]);
  const region = cond.operators[0].keys[0];
  assert.equal(s(region.key.span), '324-345 "aws:RequestedRegion"');
  assert.equal(s(region.valueSpan), '347-373 ["us-east-1", "us-west-2"]');
  assert.equal(region.valueKind, 'array');
  assert.deepEqual(region.values.map((v) => [v.value, v.kind, s(v.span)]), [
    ['us-east-1', 'string', '348-359 "us-east-1"'],
    ['us-west-2', 'string', '361-372 "us-west-2"'],
  ]);
  const secure = cond.operators[1].keys[0];
  assert.equal(s(secure.key.propertySpan), '393-420 "aws:SecureTransport": true');
  assert.deepEqual(secure.values, [{ value: 'true', kind: 'boolean', span: { start: 416, end: 420 } }]);
});

test('json-parser: Principal entries, NotAction, NotResource with an invalid entry, and the resource kind', () => {
  const p = parseJsonPolicy(POLICY)!;
  const s = (x: Span | undefined) => at(POLICY, x);
  assert.equal(p.kind, 'resource', 'a Principal makes the policy a resource policy');
  const st = p.statements[1];
  assert.equal(st.span.start, 441);
  assert.equal(st.span.end, 671);
  assert.equal(s(st.effect?.valueSpan), '459-465 "Deny"');
  const pr = st.principal!;
  assert.equal(s(pr.key.span), '473-484 "Principal"');
  assert.equal(pr.valueKind, 'object');
  assert.equal(pr.scalar, undefined);
  assert.deepEqual(pr.entries.map((e) => [s(e.key.span), e.values.map((v) => s(v.span))]), [
    ['487-492 "AWS"', ['495-527 "arn:aws:iam::111122223333:root"', '529-543 "444455556666"']],
    ['546-555 "Service"', ['557-580 "bedrock.amazonaws.com"']],
  ]);
  assert.equal(st.action, undefined);
  assert.deepEqual(st.notAction?.entries.map((e) => s(e.span)), ['602-616 "bedrock:Get*"']);
  assert.equal(s(st.notResource?.key.span), '624-637 "NotResource"');
  assert.deepEqual(st.notResource?.entries.map((e) => s(e.span)), ['640-661 "arn:aws:s3:::logs/*"']);
  assert.deepEqual(st.notResource?.invalidEntries.map((x) => s(x)), ['663-664 7']);
});

test('json-parser: a half-typed policy still yields its complete statements and what it can read of the rest', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": ["s3:Del';
  const p = parseJsonPolicy(text)!;
  const s = (x: Span | undefined) => at(text, x);
  assert.equal(p.statements.length, 2);
  const [done, typing] = p.statements;
  assert.equal(s(done.span), '40-102 {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}');
  assert.deepEqual(done.keys.map((k) => k.name), ['Effect', 'Action', 'Resource']);
  assert.equal(s(done.resource?.entries[0].span), '98-101 "*"');
  assert.equal(s(typing.span), '104-141 {"Effect": "Deny", "Action": ["s3:Del');
  assert.equal(s(typing.effect?.valueSpan), '115-121 "Deny"');
  assert.deepEqual(typing.action?.entries.map((e) => [e.value, s(e.span)]), [['s3:Del', '134-141 "s3:Del']]);
  assert.deepEqual(p.syntaxProblems.map((x) => [x.message, s(x.span)]), [
    ['Unterminated string', '134-141 "s3:Del'],
    ['Closing bracket "]" expected', '141-141 '],
  ]);
});

test('json-parser: a property with no value yet has an empty value span at the end of its key', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ';
  const st = parseJsonPolicy(text)!.statements[0];
  assert.equal(st.action?.valueKind, 'unknown');
  assert.deepEqual(st.action?.valueSpan, { start: 67, end: 67 });
  assert.equal(text.slice(st.action!.key.span.start, st.action!.key.span.end), '"Action"');
  assert.deepEqual(st.action?.entries, []);
});

test('json-parser: a single statement object, a forced kind, and documents that are not policies', () => {
  const single = parseJsonPolicy('{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}')!;
  assert.equal(single.statementIsArray, false);
  assert.equal(single.statements.length, 1);
  assert.deepEqual(single.statements[0].span, { start: 14, end: 76 });
  assert.equal(single.kind, 'identity');
  assert.equal(parseJsonPolicy('{"Statement": [{"Principal": "*"}]}', 'scp')?.kind, 'scp');
  assert.equal(parseJsonPolicy('{"name": "x"}'), undefined);
  assert.equal(parseJsonPolicy('[{"Statement": []}]'), undefined);
  assert.equal(parseJsonPolicy(''), undefined);
});

test('json-parser: compactLength drops whitespace outside strings only', () => {
  assert.equal(compactJsonLength('{ "a b" : [ 1 , "x\\" y" ] }\n'), '{"a b":[1,"x\\" y"]}'.length);
  assert.equal(parseJsonPolicy(POLICY)!.compactLength, JSON.stringify(JSON.parse(POLICY)).length);
});
