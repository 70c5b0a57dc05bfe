import { toHalfWidth } from '@concord/table-engine';
import { NO_EVIDENCE, text, type Comparison, type KeyResult } from './comparison.ts';

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

/** One address as typed or pasted: full-width, "mailto:", angle brackets, "Name <a@b.cn>", trailing dot, any case. */
function normalizeEmail(part: string): string | null {
  let t = toHalfWidth(part).trim();
  const angled = /<([^<>]+)>/.exec(t);
  if (angled) t = angled[1]!;
  t = t
    .replace(/^mailto:/i, '')
    .replace(/[.。]+$/, '')
    .toLowerCase();
  return EMAIL.test(t) ? t : null;
}

/** Every address a cell holds, normalised (lower-case; Gmail-style dots and +tags are kept: they are different mailboxes elsewhere). */
export function emailsIn(value: string): string[] {
  const found = toHalfWidth(value)
    .split(/[,;，；、\s]+(?![^<]*>)/)
    .flatMap((part) => normalizeEmail(part) ?? []);
  return [...new Set(found)];
}

export function emailKey(value: string): KeyResult {
  if (!value.trim()) return { key: null, warnings: [] };
  const emails = emailsIn(value);
  if (emails.length > 0) return { key: emails[0]!, warnings: [] };
  return { key: null, warnings: [text(`"${value.trim()}" is not an email address`, `“${value.trim()}”不是有效的邮箱地址`)] };
}

export function compareEmails(x: string, y: string): Comparison {
  const b = new Set(emailsIn(y));
  const shared = emailsIn(x).find((e) => b.has(e));
  if (!shared) return NO_EVIDENCE;
  return { similarity: 1, conflict: false, reason: text(`Same email ${shared}`, `邮箱相同（${shared}）`) };
}
