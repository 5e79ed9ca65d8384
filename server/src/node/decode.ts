// Turns the bytes of a file into text for the engine: UTF-8 with or without a byte order mark,
// and UTF-16 LE/BE with one (what Windows editors save as "Unicode"). Anything else (binary
// files, invalid UTF-8, UTF-32) is an explained error, never an exception. Shared by the CLI and
// the language server (for files it reads from disk).

/** The encodings `decodeText` recognises; a front end that writes fixes back keeps the same one. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/** The decoded text (without byte order mark) and its encoding, or why it could not be decoded. */
export type DecodeResult = { text: string; encoding: TextEncodingName } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });

const NUL_TEXT = 'binary content (a NUL character), not a text file';

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): DecodeResult {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) return { error: `not valid UTF-16${bigEndian ? 'BE' : 'LE'} (odd number of bytes)` };
  let le = body;
  if (bigEndian) {
    // Swap to little-endian so that only the always-available utf-16le decoder is needed.
    le = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      le[i] = body[i + 1];
      le[i + 1] = body[i];
    }
  }
  let text: string;
  try {
    text = utf16le.decode(le);
  } catch {
    return { error: `not valid UTF-16${bigEndian ? 'BE' : 'LE'} (unpaired surrogate)` };
  }
  if (text.includes('\0')) return { error: NUL_TEXT };
  return { text, encoding: bigEndian ? 'utf-16be' : 'utf-16le' };
}

/**
 * Decodes a file's bytes. UTF-8 (BOM optional) and UTF-16 with a BOM are accepted; the BOM is
 * not part of the returned text, so offsets match what an editor shows. A NUL byte outside
 * UTF-16 means binary content (or UTF-16 without a BOM, which cannot be told apart reliably).
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    return { error: 'UTF-32 text is not supported: save the file as UTF-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, false);
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, true);
  if (bytes.indexOf(0) >= 0) return { error: 'binary content (NUL bytes); UTF-16 text needs a byte order mark' };
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  try {
    // The decoder drops a leading BOM itself (ignoreBOM defaults to false).
    return { text: utf8.decode(bytes), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { error: 'not valid UTF-8 text (nor UTF-16 with a byte order mark)' };
  }
}
