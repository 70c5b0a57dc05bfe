import { z } from 'zod';

/** Opaque, URL-safe ids (Feishu-like prefixes, e.g. `ou_…` for people, `od-…` for departments). */
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');
export const isoDateTime = z.string();
export const ok = z.object({ ok: z.literal(true) });

/** Cursor paging shared by list endpoints. */
export const pageQuery = z.object({
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  pageToken: z.string().optional(),
});
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextPageToken: z.string().nullable(), total: z.number().int() });
}
