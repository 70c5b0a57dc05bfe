import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { OUTBOX_CHANNEL, outboxInsert } from '../platform/events.ts';
import { historyInsert } from './record-history.repo.ts';
import { loadTable } from './table-meta.ts';
import * as repo from './record.repo.ts';

// A single create or update in a table with no links, duplicate rule, webhooks or automations is one statement without
// a transaction (record.service.ts, writesAlone); an update first reads the record and writes only if it is unchanged.

let t: TestApp;
let table: c.TableDto;
let name: string;

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: 'W' } });
  table = await t.admin.call(c.createTable, { params: { baseId: base.id }, body: { name: 'T', fields: [{ name: '名称', type: 'text', options: {} }] } });
  name = table.fields[0]!.id;
});
afterAll(() => t.close());

const create = async (value: string) =>
  (await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [name]: value } }] } })).items[0]!;
const update = (id: string, value: string) =>
  t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id, fields: { [name]: value } }] } });
const history = (id: string) => t.admin.call(c.recordHistory, { params: { tableId: table.id, recordId: id } });

describe('single-record writes in one statement', () => {
  it('tell live clients about a create and an update when they commit', async () => {
    let heard = 0;
    const stop = await t.deps.handle.listen(OUTBOX_CHANNEL, () => heard++);
    const until = async (n: number) => {
      for (let i = 0; i < 100 && heard < n; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toBeGreaterThanOrEqual(n);
    };
    const rec = await create('甲');
    await until(1);
    await update(rec.id, '乙');
    await until(2);
    await stop();
    const events = await t.deps.db.selectFrom('outbox').select('event').orderBy('seq', 'desc').limit(2).execute();
    expect(events.map((e) => e.event)).toMatchObject([
      { type: 'base.records.changed', change: 'updated', recordIds: [rec.id] },
      { type: 'base.records.changed', change: 'created', recordIds: [rec.id] },
    ]);
  });

  it('gives concurrent updates of one record each the value before them', async () => {
    const rec = await create('v0');
    const done = await Promise.all(Array.from({ length: 8 }, (_, i) => update(rec.id, `v${i + 1}`)));
    expect(done.every((r) => r.items.length === 1)).toBe(true);
    const updates = (await history(rec.id)).items.filter((e) => e.action === 'update').reverse();
    expect(updates).toHaveLength(8);
    let value = 'v0';
    for (const u of updates) {
      expect(u.changes[0]!.old).toBe(value);
      value = u.changes[0]!.new as string;
    }
    const now = await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: rec.id } });
    expect(now.fields[name]).toBe(value);
    expect(now.version).toBe(9);
  });

  it('writes nothing, not even history or an event, when the record changed since it was read', async () => {
    const rec = await create('原值');
    const meta = await loadTable(t.deps.db, table.id);
    const [before] = await repo.findByIds(t.deps.db, meta, new Map([[meta.id, meta]]), meta.fields, [rec.id]);
    await update(rec.id, '他人改过');
    const outboxBefore = await t.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const guarded = (b: repo.RecordRow) =>
      repo.updateRecordIfUnchanged(t.deps.db, meta, meta.fields, b, new Map([[name, '覆盖']]), null, {
        visible: null,
        alongWith: (written) => [
          historyInsert(t.deps.db, meta.id, null, 'update', [{ id: rec.id, changes: { [name]: { old: b.values[name], new: '覆盖' } } }], undefined, written),
          outboxInsert(
            [`table:${meta.id}`],
            { type: 'base.records.changed', tableId: meta.id, change: 'updated', recordIds: [rec.id], actorId: null },
            written,
          ),
        ],
      });
    // A newer version, and the same version with another value (a field change rewrites values without a new version).
    expect(await guarded(before!)).toBeNull();
    expect(await guarded({ ...before!, version: before!.version + 1 })).toBeNull();
    const now = await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: rec.id } });
    expect(now.fields[name]).toBe('他人改过');
    expect((await history(rec.id)).items.map((e) => e.action)).toEqual(['update', 'create']);
    const outboxAfter = await t.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(outboxAfter.n)).toBe(Number(outboxBefore.n));
    // Unchanged: written.
    const [fresh] = await repo.findByIds(t.deps.db, meta, new Map([[meta.id, meta]]), meta.fields, [rec.id]);
    expect((await guarded(fresh!))?.row?.values[name]).toBe('覆盖');
    expect((await history(rec.id)).items.map((e) => e.action)).toEqual(['update', 'update', 'create']);
    const outboxLast = await t.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(outboxLast.n)).toBe(Number(outboxBefore.n) + 1);
  });
});
