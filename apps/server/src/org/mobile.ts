import { AppError } from '../platform/errors.ts';
import { normalizePhone } from '@concord/table-engine';

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
 * A person's phone as E.164 (mainland mobiles and landlines, or +<country><number>); empty → null, garbage → a clear error.
 * @example normalizeMobile('+86 138-0013-8000') // '+8613800138000'
 */
export function normalizeMobile(input: string | null | undefined): string | null {
  if (input === null || input === undefined || input.trim() === '') return null;
  const e164 = normalizePhone(input);
  if (!e164) throw invalid(input);
  return e164;
}
