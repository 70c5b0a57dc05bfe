import { inAppPath, type NotificationDto, type NotificationKind, type RouteOutput, type listNotifications } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { audit } from '../platform/audit.ts';
import { publish } from '../platform/events.ts';
import { newId } from '../platform/ids.ts';
import { getPeopleByIds } from '../org/index.ts';
import * as repo from './notification.repo.ts';
import { preferencesOf } from './settings.service.ts';

export interface NotifyInput {
  userIds: readonly string[];
  kind: NotificationKind;
  title: { en: string; zh: string };
  body?: string;
  /** An in-app path such as `/base/<baseId>/<tableId>/<recordId>`. */
  link?: string | null;
  /** Who caused it; they are never notified of their own action. */
  actorId?: string | null;
}

const MAX_BODY = 2_000;

/**
 * Puts a notification in each person's inbox (active people whose settings let this kind in), and tells their open
 * tabs through `notify.created` on `user:<id>`, in the caller's transaction. With `sourceSeq` (the outbox event that
 * caused it) a second call for the same event and person writes nothing. Returns the ids written.
 * @example await notify(trx, { userIds: [ownerId], kind: 'base.record.assigned', title: { en: 'You own 滴滴出行', zh: '你负责 滴滴出行' } }, { now })
 */
export async function notify(trx: Db, input: NotifyInput, source: { now: Date; sourceSeq?: number | null }): Promise<string[]> {
  const link = input.link ?? null;
  if (link !== null && !inAppPath.safeParse(link).success) {
    throw new AppError('invariant', 'notify.link_not_in_app', { en: `Not a path inside Concord: ${link}`, zh: `不是 Concord 内的路径：${link}` });
  }
  const wanted = [...new Set(input.userIds)].filter((u) => u !== input.actorId);
  if (wanted.length === 0) return [];
  const people = (await getPeopleByIds(trx, wanted)).filter((p) => p.active);
  const prefs = await preferencesOf(
    trx,
    people.map((p) => p.id),
    input.kind,
  );
  const rows = people
    .filter((p) => prefs.get(p.id)?.inApp)
    .map((p) => ({
      id: newId('ntf', 16),
      userId: p.id,
      kind: input.kind,
      title: input.title,
      body: (input.body ?? '').slice(0, MAX_BODY),
      link,
      actorId: input.actorId ?? null,
      sourceSeq: source.sourceSeq ?? null,
      createdAt: source.now,
    }));
  // No audit entry: a notification is derived from a change (a comment, a stage move) that was audited where it happened.
  const written = await repo.insertMany(trx, rows);
  for (const w of written) {
    const unread = await repo.countUnread(trx, w.userId);
    await publish(trx, [`user:${w.userId}`], { type: 'notify.created', userId: w.userId, notificationId: w.id, unread });
  }
  return written.map((w) => w.id);
}

const notFound = (id: string) =>
  new AppError('not_found', 'notify.notification.not_found', { en: `No such notification: ${id}`, zh: `通知不存在：${id}` }, { id });

type InboxPage = RouteOutput<typeof listNotifications>;

/** One page of a person's inbox, newest first, with their unread count. */
export async function listInbox(deps: Deps, userId: string, query: { unreadOnly: boolean; before?: string; limit: number }): Promise<InboxPage> {
  const before = query.before ? await repo.findCursor(deps.db, userId, query.before) : null;
  if (query.before && !before) throw notFound(query.before);
  const rows = await repo.listByUser(deps.db, userId, { unreadOnly: query.unreadOnly, before, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const actorIds = [...new Set(page.flatMap((r) => (r.actor_id ? [r.actor_id] : [])))];
  const names = new Map((await getPeopleByIds(deps.db, actorIds)).map((p) => [p.id, p.name]));
  const items: NotificationDto[] = page.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    actor: r.actor_id ? { id: r.actor_id, name: names.get(r.actor_id) ?? r.actor_id } : null,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  }));
  const nextBefore = rows.length > query.limit ? (page.at(-1)?.id ?? null) : null;
  return { items, nextBefore, unreadCount: await repo.countUnread(deps.db, userId) };
}

export function unreadCountOf(deps: Deps, userId: string): Promise<number> {
  return repo.countUnread(deps.db, userId);
}

/** Marks the caller's notifications read: all, or the ids given (all must be theirs, else nothing changes). */
export async function markRead(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  which: { ids: string[] } | { all: true },
): Promise<{ marked: number; unreadCount: number }> {
  return deps.db.transaction().execute(async (trx) => {
    const ids = 'ids' in which ? [...new Set(which.ids)] : 'all';
    if (ids !== 'all') {
      const owned = await repo.ownedIds(trx, userId, ids);
      const foreign = ids.find((id) => !owned.has(id));
      if (foreign) throw notFound(foreign);
    }
    const marked = await repo.markRead(trx, userId, ids, deps.clock.now());
    const unreadCount = await repo.countUnread(trx, userId);
    if (marked > 0) {
      await audit(trx, ctx, 'notify.read', null, { count: marked, all: ids === 'all' });
      await publish(trx, [`user:${userId}`], { type: 'notify.read', userId, unread: unreadCount });
    }
    return { marked, unreadCount };
  });
}
