import { z } from 'zod';

/** The taxonomy of failures; the server maps each kind to one HTTP status. */
export const errorKinds = ['validation', 'not_found', 'conflict', 'forbidden', 'unauthorized', 'rate_limited', 'invariant', 'unavailable'] as const;
export type ErrorKind = (typeof errorKinds)[number];

/** The one error body of /api/v1. `code` is stable and dot-namespaced; `message` is in the caller's language. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const locales = ['zh-CN', 'en'] as const;
export const locale = z.enum(locales);
export type Locale = z.infer<typeof locale>;

/** A message in both UI languages. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}
