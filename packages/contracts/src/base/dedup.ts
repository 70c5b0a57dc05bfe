import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, isoDateTime } from '../common.ts';
import { recordDto } from './records.ts';

export const comparator = z.enum(['exact', 'text', 'company', 'phone', 'email', 'creditCode', 'personName']);

/** Which fields identify a record and how they compare; above `high` a row is merged (import) or blocked (entry), between `low` and `high` flagged. */
export const dedupRule = z
  .object({
    fields: z
      .array(
        z.object({
          fieldId: id,
          comparator,
          weight: z.number().min(0).max(1),
          /** Fields in one group count once, by their best match (phone, email and contact follow a person, not a company). */
          group: z.string().max(40).optional(),
        }),
      )
      .min(1)
      .max(10),
    high: z.number().min(0).max(1).default(0.9),
    low: z.number().min(0).max(1).default(0.65),
  })
  .refine((r) => r.low <= r.high, { message: 'low must not exceed high' });
export type DedupRuleDto = z.infer<typeof dedupRule>;

export const localizedReason = z.object({ en: z.string(), zh: z.string() });
export const duplicateMatch = z.object({
  recordId: id,
  score: z.number(),
  decision: z.enum(['merge', 'flag']),
  /** Evidence, e.g. "same credit code", "company names match after removing 有限公司". */
  reasons: z.array(z.object({ fieldId: id, similarity: z.number(), reason: localizedReason })),
  /** The matched record's primary value, to show in a warning. */
  title: z.string(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const getDedupRule = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/dedup',
  access: 'user',
  params: z.object({ tableId: id }),
  output: z.object({ rule: dedupRule.nullable() }),
});
/** Sets (or clears with null) the table's duplicate rule and re-keys existing records. */
export const setDedupRule = defineRoute({
  method: 'put',
  path: '/base/tables/:tableId/dedup',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ rule: dedupRule.nullable() }),
  output: z.object({ rule: dedupRule.nullable(), keyed: z.number().int() }),
});

/** Likely duplicates of a record being typed (fields by id); `recordId` excludes the record itself when editing. */
export const checkDuplicates = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/duplicates/check',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ fields: z.record(z.string(), z.unknown()), recordId: id.optional() }),
  output: z.object({ matches: z.array(duplicateMatch) }),
});

export const duplicatePair = z.object({
  id,
  score: z.number(),
  reasons: z.array(z.object({ fieldId: id, similarity: z.number(), reason: localizedReason })),
  a: recordDto,
  b: recordDto,
  createdAt: isoDateTime,
});
/** Flagged pairs waiting for a person to decide. */
export const listDuplicatePairs = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/duplicates',
  access: 'user',
  params: z.object({ tableId: id }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
  output: z.object({ items: z.array(duplicatePair), total: z.number().int() }),
});
/** "Not a duplicate": remembered, the pair is never flagged again. */
export const dismissDuplicatePair = defineRoute({
  method: 'post',
  path: '/base/duplicates/:pairId/dismiss',
  access: 'user',
  params: z.object({ pairId: id }),
  output: z.object({ ok: z.literal(true) }),
});

/** Merges records into `survivorId`: chosen values win, links/comments/history move over, the others are deleted. Undoable. */
export const mergeRecords = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/merge',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ survivorId: id, otherIds: z.array(id).min(1).max(20), values: z.record(z.string(), z.unknown()).default({}) }),
  output: recordDto,
});
