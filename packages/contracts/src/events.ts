import { z } from 'zod';
import { id } from './common.ts';
import { inAppPath, notificationKind, notificationTitle } from './notify/notification.ts';

/**
 * Domain events: written to the outbox in the transaction that made the change, then fanned out to every
 * instance by NOTIFY and to browsers over WebSocket. Subscribers depend on these schemas, not on the publisher.
 */
export const domainEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('org.department.changed'),
    departmentId: id,
    change: z.enum(['created', 'updated', 'moved', 'deactivated', 'reactivated']),
  }),
  z.object({
    type: z.literal('org.person.changed'),
    personId: id,
    change: z.enum(['created', 'updated', 'deactivated', 'reactivated']),
  }),
  z.object({ type: z.literal('org.directory.imported'), departments: z.number().int(), people: z.number().int() }),
  /** Records changed in a table; browsers refetch or patch the rows they show. */
  z.object({
    type: z.literal('base.records.changed'),
    tableId: id,
    /** `moved`: only the manual order changed (values did not). */
    change: z.enum(['created', 'updated', 'deleted', 'moved']),
    recordIds: z.array(id),
    /** Who made the change, so the author's own tab can skip the echo. */
    actorId: z.string().nullable(),
  }),
  /** Someone was @mentioned in a record comment. */
  z.object({
    type: z.literal('base.comment.mentioned'),
    tableId: id,
    recordId: id,
    commentId: id,
    authorId: z.string().nullable(),
    mentionedId: id,
    excerpt: z.string(),
    /** The record's base, so a notification can link to it; older events lack it. */
    baseId: id.optional(),
  }),
  /** Table structure changed (fields, views, name); clients reload the table metadata. */
  z.object({ type: z.literal('base.table.changed'), baseId: id, tableId: id, change: z.enum(['created', 'updated', 'deleted']) }),
  /**
   * Runs of these automations of the table were queued or finished; an open run log re-reads. Sent to `table:<id>` and
   * carries no record data: the log itself is read through the editors-only API.
   */
  z.object({ type: z.literal('base.automation.runs'), tableId: id, automationIds: z.array(id) }),
  /** Any slice asks notify to tell people something (automations, stage owners); notify applies each person's settings. */
  z.object({
    type: z.literal('notify.requested'),
    userIds: z.array(id).min(1).max(500),
    kind: notificationKind,
    title: notificationTitle,
    body: z.string().max(2_000).optional(),
    link: inAppPath.nullable().optional(),
    actorId: z.string().nullable().optional(),
  }),
  /** A notification arrived in `userId`'s inbox (room `user:<id>`); `unread` is their new unread count. */
  z.object({ type: z.literal('notify.created'), userId: id, notificationId: id, unread: z.number().int() }),
  /** Some of `userId`'s notifications were marked read (in another tab, say). */
  z.object({ type: z.literal('notify.read'), userId: id, unread: z.number().int() }),
]);
export type DomainEvent = z.infer<typeof domainEvent>;
export type DomainEventType = DomainEvent['type'];

/** Rooms a browser can subscribe to. `org` carries directory changes; later slices add `table:<id>`, `user:<id>`. */
export const room = z.string().regex(/^(org|user:[A-Za-z0-9_-]+|table:[A-Za-z0-9_-]+|base:[A-Za-z0-9_-]+)$/);
export type Room = z.infer<typeof room>;
