// Completion filtering (prefixes, words inside a name, runs of letters that start words; ranks and
// the order they give) and the cheap in-string test that guards completion in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isInLineString } from '../../../server/src/engine/editor/cursor';
import { filterAndRank, matchRank } from '../../../server/src/engine/editor/match';

test('a prefix ranks 0, a word inside 1, runs that start words 2, anything else -1 (case-insensitive)', () => {
  assert.equal(matchRank('InvokeModel', ''), 0);
  assert.equal(matchRank('InvokeModel', 'invokem'), 0);
  assert.equal(matchRank('InvokeModelWithResponseStream', 'stream'), 1);
  assert.equal(matchRank('aws:RequestedRegion', 'Requested'), 1);
  assert.equal(matchRank('InvokeModel', 'imod'), 2);
  assert.equal(matchRank('InvokeModelWithResponseStream', 'imwrs'), 2);
  assert.equal(matchRank('InvokeAutomatedReasoningPolicy', 'invokem'), -1, 'an m inside a word does not start a run');
  assert.equal(matchRank('InvokeModel', 'model2'), -1);
  assert.equal(matchRank('bedrock', 'bdr'), -1);
});

test('filterAndRank keeps the given order within each rank, best rank first', () => {
  const names = ['GetModel', 'InvokeModel', 'ListModels', 'ModelCopyJob', 'InvokeModelWithResponseStream'];
  assert.deepEqual(filterAndRank(names, 'model', (n) => n), ['ModelCopyJob', 'GetModel', 'InvokeModel', 'ListModels', 'InvokeModelWithResponseStream']);
  assert.deepEqual(filterAndRank(names, '', (n) => n), names);
  const long = 'x'.repeat(80);
  assert.equal(matchRank(`a${long}`, `a${long}`), 0);
  assert.equal(matchRank(`Ab${'Cd'.repeat(40)}`, `a${'c'.repeat(40)}`), 2, 'long typed text does not confuse the memo');
});

test('isInLineString: inside a quoted string that starts on the line, for every quote; not after it or in a comment', () => {
  const at = (marked: string) => isInLineString(marked.replace('‸', ''), marked.indexOf('‸'));
  assert.equal(at("const a = ['bedrock:Inv‸']"), true);
  assert.equal(at('x = "a\\"b‸"'), true);
  assert.equal(at('x = `arn:aws:‸`'), true);
  assert.equal(at("const a = { effect:‸ 1 }"), false);
  assert.equal(at("const a = 'done'‸"), false);
  assert.equal(at("// 'comment‸"), false);
  assert.equal(at("first line\n'second‸"), true);
  assert.equal(at("'unclosed on line one\nsecond‸"), false);
});
