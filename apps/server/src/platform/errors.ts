import type { ErrorKind, LocalizedText, Locale } from '@concord/contracts';
import type { ZodError } from 'zod';

/**
 * The one error type services throw. `code` is stable and dot-namespaced; `text` is the message in both UI languages.
 * @example throw new AppError('not_found', 'org.person.not_found', { en: 'Person not found', zh: '找不到此人' })
 */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details?: unknown,
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invariant: 422,
  rate_limited: 429,
  unavailable: 503,
};

export function localize(text: LocalizedText, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** Turns a ZodError into a validation AppError naming each bad field. */
export function fromZodError(err: ZodError, where: string): AppError {
  const issues = err.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path}: ${first.message}` : where;
  return new AppError('validation', 'request.invalid', { en: `Invalid input (${summary})`, zh: `输入无效（${summary}）` }, { issues });
}

export const notFound = (code: string, what: LocalizedText) => new AppError('not_found', code, what);
