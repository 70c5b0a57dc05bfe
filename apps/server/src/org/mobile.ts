import { AppError } from '../platform/errors.ts';
import { toHalfWidth } from '../platform/spreadsheet/normalize.ts';

const invalid = (input: string) =>
  new AppError(
    'validation',
    'org.person.invalid_mobile',
    {
      en: `Not a mobile number: "${input}". Use a mainland number such as 138 0013 8000, or +<country code><number>`,
      zh: `手机号无效："${input}"。请填写大陆手机号（如 138 0013 8000）或 +国家码+号码`,
    },
    { value: input },
  );

/**
 * Normalises a mobile number to E.164. Mainland numbers may be typed with spaces, dashes, full-width digits, +86,
 * 86 or 0086 in front; other countries must start with "+". Empty → null.
 * @example normalizeMobile('+86 138-0013-8000') // '+8613800138000'
 */
export function normalizeMobile(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const raw = toHalfWidth(input).trim();
  if (raw === '') return null;
  const compact = raw.replace(/[\s\-().]/g, '');
  if (!/^\+?\d+$/.test(compact)) throw invalid(input);
  const plus = compact.startsWith('+');
  let digits = compact.replace('+', '');
  if (!plus && digits.startsWith('00')) digits = digits.slice(2);
  else if (!plus && /^1[3-9]\d{9}$/.test(digits)) digits = `86${digits}`;
  else if (!plus && !/^861[3-9]\d{9}$/.test(digits)) throw invalid(input);
  if (digits.startsWith('86')) {
    if (!/^861[3-9]\d{9}$/.test(digits)) throw invalid(input);
  } else if (!/^[1-9]\d{6,14}$/.test(digits)) {
    throw invalid(input);
  }
  return `+${digits}`;
}
