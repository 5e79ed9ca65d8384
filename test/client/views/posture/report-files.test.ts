// File names of the exported posture reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportBaseName, reportPaths } from '../../../../client/src/views/posture/report-files';

test('the base name carries the account id and the UTC minute of the run', () => {
  assert.equal(reportBaseName({ accountId: '111122223333', generatedAt: '2026-11-30T08:12:45.123Z' }), 'bedrock-posture-111122223333-20261130T0812Z');
  assert.equal(reportBaseName({ generatedAt: '2026-11-30T08:12:45.123Z' }), 'bedrock-posture-20261130T0812Z');
});

test('an odd account id or time is left out rather than put into a file name', () => {
  assert.equal(reportBaseName({ accountId: '../../etc', generatedAt: 'yesterday' }), 'bedrock-posture');
});

test('the JSON report goes next to the Markdown report with the same base name', () => {
  assert.deepEqual(reportPaths('/w/report.md'), { markdown: '/w/report.md', json: '/w/report.json' });
  assert.deepEqual(reportPaths('/w/report'), { markdown: '/w/report.md', json: '/w/report.json' });
  assert.deepEqual(reportPaths('/w/report.JSON'), { markdown: '/w/report.md', json: '/w/report.json' });
  assert.deepEqual(reportPaths('/w/v1.2.notes'), { markdown: '/w/v1.2.notes.md', json: '/w/v1.2.notes.json' });
});
