import { z } from 'zod';
import { FEISHU, feishuError } from './feishu-errors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

/** Query parameters every Feishu list takes (`page_size` arrives as a string in the query). */
export const pageQuery = {
  page_size: z.coerce.number().int().optional(),
  page_token: z.string().max(500).optional(),
};

export interface PageRequest {
  offset: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  has_more: boolean;
  /** Present exactly when `has_more` is true, so the SDK's iterators always have a token to continue with. */
  page_token?: string;
  total: number;
}

/** An opaque token for "continue at `offset`": clients must not build or parse it. */
export function encodePageToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

export function decodePageToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the Feishu error below
  }
  throw feishuError(FEISHU.Fail, 'InvalidPageToken', { en: 'page_token is not one this server issued', zh: 'page_token 无效' });
}

/**
 * Turns `page_size`/`page_token` into an offset and limit. Size defaults to 20; above 500 it is capped (Feishu's
 * maximum); zero or less is Feishu's 1254011.
 */
export function pageRequest(q: { page_size?: number | undefined; page_token?: string | undefined }): PageRequest {
  const size = q.page_size ?? DEFAULT_PAGE_SIZE;
  if (size <= 0)
    throw feishuError(FEISHU.PageSizeInvalid, 'InvalidPageSize', {
      en: `page_size must be greater than 0, got ${size}`,
      zh: `page_size 须大于 0，收到 ${size}`,
    });
  return { offset: q.page_token ? decodePageToken(q.page_token) : 0, limit: Math.min(size, MAX_PAGE_SIZE) };
}

/** Wraps one page of `items` (already cut at `req`) with Feishu's paging fields. */
export function toPage<T>(items: T[], req: PageRequest, total: number): Page<T> {
  const next = req.offset + items.length;
  // A short page before `total` (rows deleted meanwhile) still continues; an empty page never does, so loops end.
  const hasMore = items.length > 0 && next < total;
  return hasMore ? { items, has_more: true, page_token: encodePageToken(next), total } : { items, has_more: false, total };
}

/** Pages an in-memory list (tables, fields, views). */
export function paginate<T>(all: readonly T[], req: PageRequest): Page<T> {
  return toPage(all.slice(req.offset, req.offset + req.limit), req, all.length);
}

/** A boolean query parameter: the SDK sends `true`/`false` as strings (JSON bodies send real booleans). */
export const queryBool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
