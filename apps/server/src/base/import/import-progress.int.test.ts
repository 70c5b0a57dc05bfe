import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { signedInPerson } from '../../../test/harness.ts';
import { startTwoInstances } from '../../../test/two-instances.ts';
import { announce } from '../../platform/realtime/transient.ts';
import { customerTable, setCustomerRule } from '../../../test/customer-table.ts';

let world: Awaited<ReturnType<typeof startTwoInstances>>;
let table: c.TableDto;
let adminRoom: c.Room;
let otherRoom: c.Room;
let otherToken: string;
beforeAll(async () => {
  world = await startTwoInstances();
  table = await customerTable(world.adminA);
  await setCustomerRule(world.adminA, table);
  adminRoom = `user:${(await world.adminA.call(c.me, {})).user!.id}`;
  const { person, client } = await signedInPerson(world.adminA, world.a.app, { name: '韩梅梅', email: 'hmm@example.com' });
  otherRoom = `user:${person.id}`;
  otherToken = (await client.call(c.createToken, { body: { name: 'progress test' } })).token;
});
afterAll(() => world?.close());

type Transient = Extract<c.ServerMessage, { type: 'transient' }>;
type Progress = Extract<c.TransientEvent, { type: 'base.import.progress' }>;
const isProgress =
  (progressId?: string) =>
  (m: c.ServerMessage): m is Transient =>
    m.type === 'transient' && m.event.type === 'base.import.progress' && (!progressId || m.event.progressId === progressId);

type Socket = Awaited<ReturnType<typeof world.connect>>;
/** Every progress message of one import, up to and including the last (all rows written, or matched for a dry run). */
async function progressOf(socket: Socket, progressId: string, lastPhase: c.ImportPhase): Promise<Progress[]> {
  const seen: Progress[] = [];
  for (;;) {
    const { event } = await socket.next(isProgress(progressId), 20_000);
    seen.push(event);
    if (event.phase === lastPhase && event.total > 0 && event.done === event.total) return seen;
  }
}

const csv = (n: number, from = 0) =>
  Buffer.from(
    [
      '公司名,联系电话,Email',
      ...Array.from({ length: n }, (_, i) => `测试公司${from + i}有限公司,139${String(from + i).padStart(8, '0')},u${from + i}@example.com`),
    ].join('\n'),
  );

const PHASES: c.ImportPhase[] = ['reading', 'matching', 'writing'];
/** Phases only move forward, and within a phase `done` never goes back. */
function expectOrdered(events: Progress[]) {
  for (let i = 1; i < events.length; i++) {
    const [a, b] = [events[i - 1]!, events[i]!];
    expect(PHASES.indexOf(b.phase)).toBeGreaterThanOrEqual(PHASES.indexOf(a.phase));
    if (a.phase === b.phase) expect(b.done).toBeGreaterThanOrEqual(a.done);
  }
}

describe('import progress', () => {
  it('reports progress of an import to the importer’s sockets on every instance, and to nobody else', async () => {
    const [onA, onB, other] = await Promise.all([
      world.connect(world.a, [adminRoom]),
      world.connect(world.b, [adminRoom]),
      world.connect(world.a, [otherRoom], otherToken),
    ]);
    const progressId = crypto.randomUUID();
    const rows = 3_000;
    const report = await world.adminA.call(
      c.importTable,
      { params: { tableId: table.id }, query: { filename: '客户.csv', dedup: 'true', progressId } },
      { body: csv(rows), contentType: 'application/octet-stream' },
    );
    // Similar made-up names merge or get flagged: what counts here is that every row was handled.
    expect(report.created + report.merged + report.flagged).toBe(rows);

    for (const socket of [onA, onB]) {
      const events = await progressOf(socket, progressId, 'writing');
      expectOrdered(events);
      expect(events[0]).toMatchObject({ tableId: table.id, phase: 'reading' });
      expect(events.some((e) => e.phase === 'matching')).toBe(true);
      expect(events.at(-1)).toMatchObject({ phase: 'writing', done: rows, total: rows });
    }
    await expect(other.next(isProgress(), 300)).rejects.toThrow(/no matching message/);
    await Promise.all([onA.close(), onB.close(), other.close()]);
  });

  it('reports a dry run up to the end of matching, and sends nothing without a progressId', async () => {
    const socket = await world.connect(world.a, [adminRoom]);
    const progressId = crypto.randomUUID();
    const dry = await world.adminA.call(
      c.importTable,
      { params: { tableId: table.id }, query: { filename: '客户.csv', dryRun: 'true', dedup: 'true', progressId } },
      { body: csv(500, 10_000), contentType: 'application/octet-stream' },
    );
    expect(dry.rows).toHaveLength(500);
    const events = await progressOf(socket, progressId, 'matching');
    expect(events.every((e) => e.phase !== 'writing')).toBe(true);
    expect(events.at(-1)).toMatchObject({ done: 500, total: 500 });

    await world.adminA.call(
      c.importTable,
      { params: { tableId: table.id }, query: { filename: '客户.csv', dedup: 'true' } },
      { body: csv(10, 20_000), contentType: 'application/octet-stream' },
    );
    await expect(socket.next(isProgress(), 300)).rejects.toThrow(/no matching message/);
    await socket.close();
  });

  it('delivers a transient event while the sender’s transaction is still open', async () => {
    const socket = await world.connect(world.b, [adminRoom]);
    const event: Progress = { type: 'base.import.progress', tableId: table.id, progressId: 'in-transaction', phase: 'writing', done: 1, total: 2 };
    const received = await world.a.deps.db.transaction().execute(async (trx) => {
      await trx.selectFrom('base_tables').select('id').limit(1).execute();
      await announce(world.a.deps, [adminRoom], event);
      return socket.next(isProgress('in-transaction'));
    });
    expect(received).toEqual({ type: 'transient', rooms: [adminRoom], event });
    await socket.close();
  });

  it('refuses a progressId that is not a short safe string', async () => {
    const bad = world.adminA.call(
      c.importTable,
      { params: { tableId: table.id }, query: { filename: '客户.csv', dedup: 'true', progressId: 'a b/c' } },
      { body: csv(1, 30_000), contentType: 'application/octet-stream' },
    );
    await expect(bad).rejects.toMatchObject({ status: 400 });
  });
});
