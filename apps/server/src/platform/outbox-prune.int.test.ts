import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { publish } from './events.ts';
import { drainOutbox, type OutboxConsumer } from './outbox-consumer.ts';
import { pruneOutbox } from './outbox-prune.ts';
import { OUTBOX_CONSUMERS } from '../app.ts';

let t: TestApp;
const DAY = 86_400_000;
const seen: string[] = [];
/** Every consumer the app runs, plus one the test holds back. */
const slow: OutboxConsumer = { name: 'test-prune-slow', handlers: { 'org.department.changed': async (_trx, e) => void seen.push(e.departmentId) } };
const commit = (id: string) => t.deps.db.transaction().execute((trx) => publish(trx, ['org'], { type: 'org.department.changed', departmentId: id, change: 'created' }));
const ageAll = (days: number) => sql`update outbox set at = at - make_interval(days => ${days})`.execute(t.deps.db);
const outboxIds = async () =>
  (await sql<{ id: string }>`select event->>'departmentId' as id from outbox where event->>'type' = 'org.department.changed' order by seq`.execute(t.deps.db)).rows.map(
    (r) => r.id,
  );

beforeAll(async () => {
  t = await startTestApp();
  await drainOutbox(t.deps, [slow, ...OUTBOX_CONSUMERS]);
});
afterAll(() => t.close());

describe('outbox pruning', () => {
  it('keeps recent rows and rows a consumer has not handled yet, and deletes the rest', async () => {
    await commit('pr-old-consumed');
    await drainOutbox(t.deps, [slow, ...OUTBOX_CONSUMERS]);
    await commit('pr-old-pending');
    await ageAll(10);
    await commit('pr-recent');
    const now = new Date();

    await pruneOutbox(t.deps.db, now);
    expect(await outboxIds()).toEqual(['pr-old-pending', 'pr-recent']);

    // Once the consumer has caught up, the old row goes too; the recent one stays for browsers that reconnect.
    await drainOutbox(t.deps, [slow, ...OUTBOX_CONSUMERS]);
    expect(seen).toEqual(['pr-old-consumed', 'pr-old-pending', 'pr-recent']);
    expect(await pruneOutbox(t.deps.db, now)).toBe(1);
    expect(await outboxIds()).toEqual(['pr-recent']);
    expect(await pruneOutbox(t.deps.db, new Date(now.getTime() + 4 * DAY))).toBe(1);
  });
});
