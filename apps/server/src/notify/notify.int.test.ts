import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as c from '@concord/contracts';
import { apiError, signedInPerson, startTestApp, type injectClient, type TestApp } from '../../test/harness.ts';
import { drainOutbox, startOutboxConsumers } from '../platform/outbox-consumer.ts';
import { startTwoInstances } from '../../test/two-instances.ts';
import { publish } from '../platform/events.ts';
import { OUTBOX_CONSUMERS } from '../app.ts';

// A clock that moves one second per reading, so "newest first" never depends on two rows sharing a millisecond.
let tick = 0;
const clock = { now: () => new Date(Date.UTC(2026, 10, 24, 1, 0, tick++)) };

let t: TestApp;
let table: c.TableDto;
let recordId: string;
let hmm: c.PersonDto;
let asHmm: ReturnType<typeof injectClient>;
let asLilei: ReturnType<typeof injectClient>;

const signedIn = (name: string, email: string) => signedInPerson(t.admin, t.app, { name, email });

const mention = (who: string, body = '请跟进这个客户 @韩梅梅') =>
  t.admin.call(c.addComment, { params: { tableId: table.id, recordId }, body: { body, mentions: [who] } });
const drain = async () => expect((await drainOutbox(t.deps, OUTBOX_CONSUMERS)).errors).toEqual([]);
const inbox = (client = asHmm, query: { unreadOnly?: 'true' } = {}) => client.call(c.listNotifications, { query });

beforeAll(async () => {
  t = await startTestApp({ clock });
  const base = await t.admin.call(c.createBase, { body: { name: '客户管理' } });
  table = await t.admin.call(c.createTable, { params: { baseId: base.id }, body: { name: '客户', fields: [{ name: '客户名称', type: 'text', options: {} }] } });
  const created = await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: { records: [{ fields: { [table.primaryFieldId]: '滴滴出行' } }] },
  });
  recordId = created.items[0]!.id;
  ({ person: hmm, client: asHmm } = await signedIn('韩梅梅', 'hmm@example.com'));
  ({ client: asLilei } = await signedIn('李雷', 'lilei@example.com'));
});
afterAll(() => t.close());

describe('notify: mentions reach the inbox', () => {
  it('turns a comment mention into exactly one notification, however often the consumer runs', async () => {
    await mention(hmm.id);
    await drain();
    await drain();
    // Even replaying the whole outbox (a crash after the handler, before the position was saved) adds nothing.
    await sql`update outbox_consumers set last_txid = '0', last_seq = 0 where name = 'notify'`.execute(t.deps.db);
    await drain();

    const page = await inbox();
    expect(page.unreadCount).toBe(1);
    expect(page.items).toHaveLength(1);
    const [n] = page.items;
    expect(n).toMatchObject({ kind: 'base.comment.mentioned', body: '请跟进这个客户 @韩梅梅', readAt: null, actor: { name: '管理员' } });
    expect(n!.title).toEqual({ en: '管理员 mentioned you in a comment', zh: '管理员 在评论中提到了你' });
    expect(n!.link).toMatch(new RegExp(`/${table.id}/${recordId}$`));
    expect(await asHmm.call(c.getUnreadCount, {})).toEqual({ unreadCount: 1 });

    // Her open tabs hear about it in her own room.
    const ev = await t.deps.db.selectFrom('outbox').select(['rooms', 'event']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(ev.rooms).toEqual([`user:${hmm.id}`]);
    expect(ev.event).toEqual({ type: 'notify.created', userId: hmm.id, notificationId: n!.id, unread: 1 });
  });

  it('marks one read, then all, and the counts follow', async () => {
    await mention(hmm.id, '第二条 @韩梅梅');
    await drain();
    const page = await inbox();
    expect(page.items.map((i) => i.body)).toEqual(['第二条 @韩梅梅', '请跟进这个客户 @韩梅梅']);
    expect(page.unreadCount).toBe(2);

    const newest = page.items[0]!;
    expect(await asHmm.call(c.markNotificationsRead, { body: { ids: [newest.id] } })).toEqual({ marked: 1, unreadCount: 1 });
    const unread = await inbox(asHmm, { unreadOnly: 'true' });
    expect(unread.items.map((i) => i.body)).toEqual(['请跟进这个客户 @韩梅梅']);
    expect((await inbox()).items[0]!.readAt).not.toBeNull();

    expect(await asHmm.call(c.markNotificationsRead, { body: { all: true } })).toEqual({ marked: 1, unreadCount: 0 });
    expect(await asHmm.call(c.getUnreadCount, {})).toEqual({ unreadCount: 0 });
    expect(await asHmm.call(c.markNotificationsRead, { body: { all: true } })).toEqual({ marked: 0, unreadCount: 0 });
  });

  it('pages with `before`', async () => {
    const first = await asHmm.call(c.listNotifications, { query: { limit: 1 } });
    expect(first.items).toHaveLength(1);
    const second = await asHmm.call(c.listNotifications, { query: { limit: 1, before: first.nextBefore! } });
    expect(second.items.map((i) => i.body)).toEqual(['请跟进这个客户 @韩梅梅']);
    expect(second.nextBefore).toBeNull();
  });

  it('never lets someone else read or mark your notifications', async () => {
    await mention(hmm.id, '第三条 @韩梅梅');
    await drain();
    const hers = (await inbox()).items[0]!;
    expect(hers.readAt).toBeNull();

    expect((await inbox(asLilei)).items).toEqual([]);
    expect((await apiError(asLilei.call(c.markNotificationsRead, { body: { ids: [hers.id] } }))).code).toBe('notify.notification.not_found');
    expect((await apiError(asLilei.call(c.listNotifications, { query: { before: hers.id } }))).status).toBe(404);
    // "All" means all of the caller's own.
    expect(await asLilei.call(c.markNotificationsRead, { body: { all: true } })).toEqual({ marked: 0, unreadCount: 0 });
    expect((await apiError(t.anon().call(c.getUnreadCount, {}))).status).toBe(401);
    expect(await asHmm.call(c.getUnreadCount, {})).toEqual({ unreadCount: 1 });
    // A mix of her own and someone else's ids changes nothing.
    const err = await apiError(asHmm.call(c.markNotificationsRead, { body: { ids: [hers.id, 'ntf_not_hers'] } }));
    expect(err.status).toBe(404);
    expect(await asHmm.call(c.getUnreadCount, {})).toEqual({ unreadCount: 1 });
  });

  it('keeps per-person settings: mentions switched off in-app stay out of the inbox', async () => {
    const defaults = await asHmm.call(c.getNotificationSettings, {});
    expect(defaults.kinds.find((k) => k.kind === 'base.comment.mentioned')).toEqual({ kind: 'base.comment.mentioned', inApp: true, email: false });
    const saved = await asHmm.call(c.updateNotificationSettings, { body: { kinds: [{ kind: 'base.comment.mentioned', inApp: false, email: true }] } });
    expect(saved.kinds.find((k) => k.kind === 'base.comment.mentioned')).toEqual({ kind: 'base.comment.mentioned', inApp: false, email: true });
    expect((await asLilei.call(c.getNotificationSettings, {})).kinds.every((k) => k.inApp)).toBe(true);

    const before = (await inbox()).items.length;
    await mention(hmm.id, '不会出现 @韩梅梅');
    await drain();
    expect((await inbox()).items).toHaveLength(before);
    await asHmm.call(c.updateNotificationSettings, { body: { kinds: [{ kind: 'base.comment.mentioned', inApp: true, email: false }] } });
  });

  it('does not notify people of their own mentions', async () => {
    const before = (await inbox(t.admin)).items.length;
    const me = await t.admin.call(c.me, {});
    await mention(me.user!.id, '提醒自己');
    await drain();
    expect((await inbox(t.admin)).items).toHaveLength(before);
  });

  it('survives a failing handler: retries the same event and skips nothing after it', async () => {
    await sql`create function notify_test_fail() returns trigger language plpgsql as $$ begin raise exception 'inbox offline'; end $$`.execute(t.deps.db);
    await sql`create trigger notify_test_fail before insert on notifications for each row execute function notify_test_fail()`.execute(t.deps.db);
    const before = (await inbox()).unreadCount;
    await mention(hmm.id, '失败后重试 1');
    await mention(hmm.id, '失败后重试 2');

    const failed = await drainOutbox(t.deps, OUTBOX_CONSUMERS);
    expect(failed.errors).toHaveLength(1);
    expect(String(failed.errors[0])).toContain('inbox offline');
    const state = await sql<{ failures: number; last_error: string }>`select failures, last_error from outbox_consumers where name = 'notify'`.execute(
      t.deps.db,
    );
    expect(state.rows[0]).toMatchObject({ failures: 1, last_error: expect.stringContaining('inbox offline') });
    expect((await inbox()).unreadCount).toBe(before);

    await sql`drop trigger notify_test_fail on notifications`.execute(t.deps.db);
    await drain();
    const page = await inbox();
    expect(page.unreadCount).toBe(before + 2);
    expect(page.items.slice(0, 2).map((i) => i.body)).toEqual(['失败后重试 2', '失败后重试 1']);
    const after = await sql<{ failures: number }>`select failures from outbox_consumers where name = 'notify'`.execute(t.deps.db);
    expect(after.rows[0]!.failures).toBe(0);
  });

  it('delivers notify.requested from any slice, with a safe link only', async () => {
    await t.deps.db.transaction().execute((trx) =>
      publish(trx, [], {
        type: 'notify.requested',
        userIds: [hmm.id],
        kind: 'base.record.assigned',
        title: { en: 'You now own 滴滴出行', zh: '你现在负责 滴滴出行' },
        link: `/base/x/${table.id}/${recordId}`,
      }),
    );
    await drain();
    expect((await inbox()).items[0]).toMatchObject({ kind: 'base.record.assigned', title: { zh: '你现在负责 滴滴出行' }, actor: null, body: '' });
    expect(
      c.domainEvent.safeParse({ type: 'notify.requested', userIds: ['x'], kind: 'base.automation', title: { en: 'a', zh: 'b' }, link: 'javascript:alert(1)' })
        .success,
    ).toBe(false);
    expect(
      c.domainEvent.safeParse({ type: 'notify.requested', userIds: ['x'], kind: 'base.automation', title: { en: 'a', zh: 'b' }, link: '//evil.example' })
        .success,
    ).toBe(false);
  });
});

describe('notify on two instances of one database', () => {
  let world: Awaited<ReturnType<typeof startTwoInstances>>;
  let person: c.PersonDto;
  let token: string;
  let target: { tableId: string; recordId: string };
  const count = async () =>
    Number(
      (
        await world.a.deps.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('user_id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    world = await startTwoInstances();
    const her = await signedInPerson(world.adminA, world.b.app, { name: '韩梅梅', email: 'hmm@example.com' });
    person = her.person;
    const asHer = her.client;
    token = (await asHer.call(c.createToken, { body: { name: 'inbox test' } })).token;
    const base = await world.adminA.call(c.createBase, { body: { name: '客户管理' } });
    const tbl = await world.adminA.call(c.createTable, {
      params: { baseId: base.id },
      body: { name: '客户', fields: [{ name: '名称', type: 'text', options: {} }] },
    });
    const rec = await world.adminA.call(c.createRecords, {
      params: { tableId: tbl.id },
      body: { records: [{ fields: { [tbl.primaryFieldId]: '曹操出行' } }] },
    });
    target = { tableId: tbl.id, recordId: rec.items[0]!.id };
  });
  afterAll(() => world?.close());

  const mentionHer = (body: string) => world.adminA.call(c.addComment, { params: target, body: { body, mentions: [person.id] } });

  it('makes one notification when both instances drain the outbox at once', async () => {
    await mentionHer('两台都在跑 @韩梅梅');
    const runs = await Promise.all([world.a, world.b, world.a, world.b].map((i) => drainOutbox(i.deps, OUTBOX_CONSUMERS)));
    expect(runs.flatMap((r) => r.errors)).toEqual([]);
    expect(await count()).toBe(1);
  });

  it('with the background consumers on both, a mention made through A reaches her socket on B without polling the API', async () => {
    const stops = await Promise.all([startOutboxConsumers(world.a.deps, OUTBOX_CONSUMERS), startOutboxConsumers(world.b.deps, OUTBOX_CONSUMERS)]);
    try {
      const socket = await world.connect(world.b, [`user:${person.id}`], token);
      await mentionHer('实时提醒 @韩梅梅');
      const msg = await socket.next((m): m is Extract<c.ServerMessage, { type: 'event' }> => m.type === 'event' && m.event.type === 'notify.created');
      expect(msg.event).toMatchObject({ type: 'notify.created', userId: person.id, unread: 2 });
      await socket.close();
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
    expect(await count()).toBe(2);
  });
});
