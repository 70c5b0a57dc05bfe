import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, isoDateTime } from '../common.ts';

export const historyEntry = z.object({
  id: z.number().int(),
  at: isoDateTime,
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.enum(['create', 'update', 'delete', 'restore', 'merge']),
  undone: z.boolean(),
  /** Old and new value per field id, in the API shape of the field. */
  changes: z.array(z.object({ fieldId: z.string(), old: z.unknown(), new: z.unknown() })),
});

export const recordHistory = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/records/:recordId/history',
  access: 'user',
  params: z.object({ tableId: id, recordId: id }),
  output: z.object({ items: z.array(historyEntry) }),
});

/** Undoes the caller's most recent change in this table (a whole batch: a paste, a multi-row delete). */
export const undoLastChange = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/undo',
  access: 'user',
  params: z.object({ tableId: id }),
  output: z.object({ undone: z.number().int(), action: z.string().nullable() }),
});

export const commentDto = z.object({
  id,
  recordId: id,
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: isoDateTime,
});
export type CommentDto = z.infer<typeof commentDto>;

export const listComments = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/records/:recordId/comments',
  access: 'user',
  params: z.object({ tableId: id, recordId: id }),
  output: z.object({ items: z.array(commentDto) }),
});

/** Adds a comment; people in `mentions` are told (their `user:<id>` room gets an event; the inbox lists it). */
export const addComment = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/records/:recordId/comments',
  access: 'user',
  params: z.object({ tableId: id, recordId: id }),
  body: z.object({ body: z.string().trim().min(1).max(10_000), mentions: z.array(id).max(50).default([]) }),
  output: commentDto,
  status: 201,
});
