import { toHalfWidth } from './text.ts';

/**
 * Normalises a phone number to E.164. Mainland China is the default country: "138 0013 8000", "+86 138-0013-8000",
 * "8613800138000" and "０１３８…" (full-width) all give "+8613800138000"; landlines like "010-12345678" give "+861012345678".
 * Returns null when the text is not a plausible phone number.
 * @example normalizePhone('+86 138-0013-8000') // '+8613800138000'
 */
export function normalizePhone(input: string): string | null {
  const half = toHalfWidth(input).trim();
  if (!half) return null;
  const hasPlus = half.startsWith('+') || half.startsWith('00');
  const digits = half
    .replace(/^00/, '')
    .replace(/[\s\-().+/]/g, '')
    .replace(/(ext|转|x).*$/i, '');
  if (!/^\d{5,16}$/.test(digits)) return null;
  if (hasPlus) return digits.startsWith('86') ? cn(digits.slice(2)) : digits.length >= 8 ? `+${digits}` : null;
  if (digits.startsWith('86') && digits.length === 13) return cn(digits.slice(2));
  return cn(digits);
}

function cn(national: string): string | null {
  const n = national.replace(/^0(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(n)) return `+86${n}`;
  // Landline: area code (0 + 2–3 digits) + 7–8 digit number; E.164 drops the trunk 0.
  if (/^0\d{9,11}$/.test(n)) return `+86${n.slice(1)}`;
  return null;
}
