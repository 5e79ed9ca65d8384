import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText } from '../../server/src/node/decode';

const TEXT = '{"Sid": "é😀"}';

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

test('decodeText reads UTF-8 with and without a byte order mark, without the BOM in the text', () => {
  assert.deepEqual(decodeText(Buffer.from(TEXT, 'utf8')), { text: TEXT, encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])), { text: TEXT, encoding: 'utf-8-bom' });
  assert.deepEqual(decodeText(Buffer.alloc(0)), { text: '', encoding: 'utf-8' });
});

test('decodeText reads UTF-16 LE and BE with a byte order mark, including surrogate pairs', () => {
  assert.deepEqual(decodeText(utf16(TEXT, false)), { text: TEXT, encoding: 'utf-16le' });
  assert.deepEqual(decodeText(utf16(TEXT, true)), { text: TEXT, encoding: 'utf-16be' });
});

test('decodeText explains binary, invalid and unsupported input instead of throwing', () => {
  assert.deepEqual(decodeText(Buffer.from([0x7b, 0x00, 0x7d])), { error: 'binary content (NUL bytes); UTF-16 text needs a byte order mark' });
  assert.deepEqual(decodeText(Buffer.from('{}', 'utf16le')), { error: 'binary content (NUL bytes); UTF-16 text needs a byte order mark' });
  assert.deepEqual(decodeText(Buffer.from([0x7b, 0xff, 0x7d])), { error: 'not valid UTF-8 text (nor UTF-16 with a byte order mark)' });
  assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x7b])), { error: 'not valid UTF-16LE (odd number of bytes)' });
  assert.deepEqual(decodeText(Buffer.from([0xfe, 0xff, 0xd8, 0x00])), { error: 'not valid UTF-16BE (unpaired surrogate)' });
  assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x7b, 0x00, 0x00, 0x00])), { error: 'UTF-32 text is not supported: save the file as UTF-8' });
  assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0x00])), { error: 'binary content (a NUL character), not a text file' });
});
