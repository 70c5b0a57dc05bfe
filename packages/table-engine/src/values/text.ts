/**
 * Text clean-up for values people type or paste: Chinese input methods and Excel exports often produce full-width
 * digits and letters ("１３８", "ＡＢＣ") and numbers with thousands separators ("1,234.50").
 */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space → their half-width forms; other characters unchanged. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const GROUPED = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/** Removes thousands separators from a well-formed grouped number ("1,234,567.8" → "1234567.8"); anything else unchanged. */
export function stripThousands(text: string): string {
  const m = GROUPED.exec(text.trim());
  return m ? `${m[1]}${m[2]!.replace(/,/g, '')}${m[3] ?? ''}` : text;
}

/** A number typed by a person: full-width digits, thousands separators and surrounding spaces allowed; null when not a number. */
export function parseNumberText(text: string): number | null {
  const s = stripThousands(toHalfWidth(text).trim());
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
