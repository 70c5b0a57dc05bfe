import { normalizePhone, toHalfWidth } from '@concord/table-engine';
import { NO_EVIDENCE, text, type Comparison, type KeyResult } from './comparison.ts';
import { memo } from './memo.ts';

// A cell often holds several numbers: "138 0013 8000 / 010-12345678", "13800138000；13900139000".
const SEPARATORS = /[,;，；、|\n]+|\s+\/\s+|\/(?=\s*[+0-9０-９])/;

const EXTENSION = /\s*(?:-|转|ext\.?|x|#)\s*\d{1,5}$/i;
const SERVICE_NUMBER = /^[48]00\d{7}$/;

/**
 * normalizePhone plus forms it leaves out that customer sheets are full of: 400/800 service numbers ("400-810-8888"),
 * landlines written internationally without the trunk 0 ("+86 10 6275 1234", "+86 755 8601 3388"), and a landline
 * with a dashed extension ("010-62751234-8001").
 */
export function toE164(text: string): string | null {
  const half = toHalfWidth(text).trim();
  const withoutExtension = half.replace(EXTENSION, '');
  return fromDigits(half) ?? (withoutExtension === half ? null : fromDigits(withoutExtension));
}

function fromDigits(text: string): string | null {
  const direct = normalizePhone(text);
  if (direct) return direct;
  const digits = text.replace(/[\s\-().]/g, '');
  const intl = /^(?:\+|00)?86(\d{9,12})$/.exec(digits);
  const national = (intl ? intl[1]! : digits.replace(/^\+/, '')).replace(/^0(?=[48]00)/, '');
  if (SERVICE_NUMBER.test(national)) return `+86${national}`;
  return intl ? normalizePhone(`0${national.replace(/^0/, '')}`) : null;
}

/** Every phone number a cell holds, in E.164, without repeats. */
export function phonesIn(value: string): string[] {
  const whole = toE164(value);
  if (whole) return [whole];
  const found = value.split(SEPARATORS).flatMap((part) => toE164(part) ?? []);
  return [...new Set(found)];
}

export function phoneKey(value: string): KeyResult {
  if (!value.trim()) return { key: null, warnings: [] };
  const phones = phonesIn(value);
  if (phones.length > 0) return { key: phones[0]!, warnings: [] };
  return { key: null, warnings: [text(`"${value.trim()}" is not a phone number`, `“${value.trim()}”不是有效的电话号码`)] };
}

/** Equal once both are E.164 (any shared number when a cell holds several). Different numbers are no evidence either way. */
// Scoring an import compares each cell with dozens of others: normalise each text once.
export const cachedPhonesIn = memo(phonesIn, 250_000);

export function comparePhones(x: string, y: string): Comparison {
  const b = cachedPhonesIn(y);
  const shared = cachedPhonesIn(x).find((p) => b.includes(p));
  if (!shared) return NO_EVIDENCE;
  return { similarity: 1, conflict: false, reason: text(`Same phone ${shared}`, `电话相同（${shared}）`) };
}
