import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { publish } from './events.ts';
import { sql } from 'kysely';
import { drainOutbox, MAX_FAILURES, stepConsumer, type OutboxConsumer } from './outbox-consumer.ts';

let t: TestApp;
let seen: string[] = [];
let failNext = new Set<string>();
const failAlways = new Set<string>();

/** Records the departments it hears about; throws once for ids in `failNext`, every time for those in `failAlways`. */
const recorder: OutboxConsumer = {
  name: 'test-recorder',
  handlers: {
    'org.department.changed': async (_trx, e) => {
      if (failNext.delete(e.departmentId) || failAlways.has(e.departmentId)) throw new Error(`refusing ${e.departmentId}`);
      seen.push(e.departmentId);
    },
  },
};

const changed = (departmentId: string) => ({ type: 'org.department.changed', departmentId, change: 'created' }) as const;
const commit = (id: string) => t.deps.db.transaction().execute((trx) => publish(trx, ['org'], changed(id)));

beforeAll(async () => {
  t = await startTestApp();
  await drainOutbox(t.deps, [recorder]);
});
beforeEach(() => {
  seen = [];
  failNext = new Set();
});
afterAll(() => t.close());

describe('outbox consumers', () => {
  it('hands each committed event to its handler once, and rolled-back ones never', async () => {
    await commit('od-1');
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await publish(trx, ['org'], changed('od-rolled-back'));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await commit('od-2');
    await drainOutbox(t.deps, [recorder]);
    await drainOutbox(t.deps, [recorder]);
    expect(seen).toEqual(['od-1', 'od-2']);
  });

  it('retries a failing event until it succeeds and does not run later events before it', async () => {
    failNext.add('od-flaky');
    await commit('od-flaky');
    await commit('od-after');
    const first = await drainOutbox(t.deps, [recorder]);
    expect(first.errors.map(String)).toEqual(['Error: refusing od-flaky']);
    expect(seen).toEqual([]);
    expect((await drainOutbox(t.deps, [recorder])).errors).toEqual([]);
    expect(seen).toEqual(['od-flaky', 'od-after']);
  });

  it('sets an event aside after failing on it MAX_FAILURES times in a row, and goes on with the next', async () => {
    failAlways.add('od-poison');
    await commit('od-poison');
    await commit('od-next');
    for (let i = 1; i < MAX_FAILURES; i++) expect((await drainOutbox(t.deps, [recorder])).errors).toHaveLength(1);
    expect(seen).toEqual([]);
    expect((await drainOutbox(t.deps, [recorder])).errors.map(String)).toEqual(['Error: refusing od-poison']);
    expect((await drainOutbox(t.deps, [recorder])).errors).toEqual([]);
    expect(seen).toEqual(['od-next']);
    const dead = await sql<{ event: { departmentId: string }; error: string; failures: number }>`
      select event, error, failures from outbox_dead_letters where consumer = ${recorder.name}`.execute(t.deps.db);
    expect(dead.rows.map((r) => [r.event.departmentId, r.error, r.failures])).toEqual([['od-poison', 'refusing od-poison', MAX_FAILURES]]);
  });

  // PGlite has one connection, so two transactions cannot be open at once there.
  it.skipIf(!process.env.TEST_DATABASE_URL)('waits for an event whose transaction commits after a later one, instead of skipping it', async () => {
    const slow = await t.deps.db.startTransaction().execute();
    await publish(slow, ['org'], changed('od-late')); // the lower seq, still uncommitted
    await commit('od-early');
    let step;
    do step = await stepConsumer(t.deps, recorder);
    while (step.kind === 'more');
    expect(seen).toEqual([]);
    await slow.commit().execute();
    await drainOutbox(t.deps, [recorder]);
    expect(seen).toEqual(['od-late', 'od-early']);
  });
});
