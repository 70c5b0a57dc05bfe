import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { signedInPerson } from '../../../test/harness.ts';
import { startTwoInstances } from '../../../test/two-instances.ts';
import { runDueAutomations } from './automation-runs.ts';

let world: Awaited<ReturnType<typeof startTwoInstances>>;
beforeAll(async () => {
  world = await startTwoInstances();
});
afterAll(() => world?.close());

type RunsEvent = Extract<c.ServerMessage, { type: 'event' }> & { event: Extract<c.DomainEvent, { type: 'base.automation.runs' }> };
const runsOf =
  (automationId: string) =>
  (m: c.ServerMessage): m is RunsEvent =>
    m.type === 'event' && m.event.type === 'base.automation.runs' && m.event.automationIds.includes(automationId);

describe('live automation run log', () => {
  it('tells members on the table room when a run is queued and when it finishes, without record data; outsiders cannot listen', async () => {
    const base = await world.adminA.call(c.createBase, { body: { name: '自动化日志' } });
    const table = await world.adminA.call(c.createTable, {
      params: { baseId: base.id },
      body: {
        name: '客户',
        fields: [
          { name: '名称', type: 'text', options: {} },
          { name: '备注', type: 'text', options: {} },
        ],
      },
    });
    const name = table.fields.find((f) => f.name === '名称')!.id;
    const note = table.fields.find((f) => f.name === '备注')!.id;
    const auto = await world.adminA.call(c.createAutomation, {
      params: { tableId: table.id },
      body: { name: '新客户备注', trigger: { kind: 'record_created' }, actions: [{ kind: 'update_fields', values: { [note]: '待跟进' } }] },
    });
    const { client: outsider } = await signedInPerson(world.adminA, world.a.app, { name: '外人', email: 'outsider@example.com' });
    const outsiderToken = (await outsider.call(c.createToken, { body: { name: 'o' } })).token;

    const room = `table:${table.id}` as const;
    const member = await world.connect(world.b, [room]);
    const stranger = await world.connect(world.b, ['org'], outsiderToken);
    stranger.send({ type: 'subscribe', rooms: [room] });
    const refused = await stranger.next((m): m is Extract<c.ServerMessage, { type: 'subscribed' }> => m.type === 'subscribed');
    expect(refused.denied).toContain(room);

    const [rec] = (await world.adminA.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [name]: '滴滴出行' } }] } })).items;
    const queued = await member.next(runsOf(auto.id));
    expect(queued.rooms).toEqual([room]);
    // Ids only: what ran, on which record and with what result is read through the editors-only run log.
    expect(queued.event).toEqual({ type: 'base.automation.runs', tableId: table.id, automationIds: [auto.id] });
    const beforeRun = await world.adminA.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} });
    expect(beforeRun.items.map((r) => r.status)).toEqual(['queued']);

    expect(await runDueAutomations(world.a.deps)).toBe(1);
    const finished = await member.next(runsOf(auto.id));
    expect(finished.seq).toBeGreaterThan(queued.seq);
    const afterRun = await world.adminA.call(c.listAutomationRuns, { params: { automationId: auto.id }, query: {} });
    expect(afterRun.items).toMatchObject([{ recordId: rec!.id, status: 'succeeded' }]);

    await Promise.all([member.close(), stranger.close()]);
  });
});
