import type { Locale } from '@concord/contracts';

/** The server's localized reasons in the reader's language, joined with that language's separator. */
export function reasonText(reasons: readonly { reason: { en: string; zh: string } }[], locale: Locale): string {
  return locale === 'zh-CN' ? reasons.map((r) => r.reason.zh).join('；') : reasons.map((r) => r.reason.en).join('; ');
}
