import iconv from 'iconv-lite';
import Papa from 'papaparse';

/**
 * Decodes CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else GB18030, which is a
 * superset of GBK and GB2312 and is what Excel on Chinese Windows writes. Strict UTF-8 decoding fails on GBK bytes,
 * which is how the two are told apart.
 */
export function decodeText(bytes: Uint8Array, encoding?: 'utf8' | 'gbk' | 'gb18030'): string {
  // GB18030 is a superset of GBK, so one decoder serves both when the caller knows the file is not UTF-8.
  if (encoding === 'gbk' || encoding === 'gb18030') return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
}

/** Parses CSV (or tab-separated) text: quoted fields, embedded newlines, CRLF or LF; the delimiter is detected. */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: '', skipEmptyLines: false });
  return result.data.map((row) => row.map((cell) => String(cell ?? '').trim()));
}
