import type { NotificationKind } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import './notify.db.ts';

export interface NewNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  title: { en: string; zh: string };
  body: string;
  link: string | null;
  actorId: string | null;
  sourceSeq: number | null;
  createdAt: Date;
}

/** Inserts rows, skipping any whose (source_seq, user_id) exists; returns the rows actually written. */
export async function insertMany(db: Db, rows: readonly NewNotification[]): Promise<{ id: string; userId: string }[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        id: r.id,
        user_id: r.userId,
        kind: r.kind,
        title: JSON.stringify(r.title),
        body: r.body,
        link: r.link,
        actor_id: r.actorId,
        source_seq: r.sourceSeq,
        created_at: r.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(['source_seq', 'user_id']).doNothing())
    .returning(['id', 'user_id'])
    .execute();
  return written.map((w) => ({ id: w.id, userId: w.user_id }));
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** The position of one of the user's notifications, for paging; null when it is not theirs. */
export async function findCursor(db: Db, userId: string, id: string): Promise<{ id: string; createdAt: Date } | null> {
  const r = await db.selectFrom('notifications').select(['id', 'created_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return r ? { id: r.id, createdAt: r.created_at } : null;
}

/** A page of the user's notifications, newest first, strictly after `before` in that order. */
export function listByUser(db: Db, userId: string, opts: { unreadOnly: boolean; before: { id: string; createdAt: Date } | null; limit: number }) {
  let q = db.selectFrom('notifications').select(['id', 'kind', 'title', 'body', 'link', 'actor_id', 'created_at', 'read_at']).where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  const before = opts.before;
  if (before) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.createdAt, before.id)));
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Of `ids`, those that belong to the user. */
export async function ownedIds(db: Db, userId: string, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('notifications').select('id').where('user_id', '=', userId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Marks unread notifications read (the given ids, or all of the user's); returns how many changed. */
export async function markRead(db: Db, userId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function listSettings(db: Db, userIds: readonly string[]) {
  return db.selectFrom('notification_settings').select(['user_id', 'kind', 'in_app', 'email']).where('user_id', 'in', userIds).execute();
}

export async function upsertSettings(
  db: Db,
  userId: string,
  prefs: readonly { kind: NotificationKind; inApp: boolean; email: boolean }[],
  at: Date,
): Promise<void> {
  await db
    .insertInto('notification_settings')
    .values(prefs.map((p) => ({ user_id: userId, kind: p.kind, in_app: p.inApp, email: p.email, updated_at: at })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet((eb) => ({
        in_app: eb.ref('excluded.in_app'),
        email: eb.ref('excluded.email'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
