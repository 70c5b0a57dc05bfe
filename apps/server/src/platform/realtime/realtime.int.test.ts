import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, updateDepartment, type DomainEvent, type ServerMessage } from '@concord/contracts';
import { startTwoInstances } from '../../../test/two-instances.ts';
import { publish } from '../events.ts';

let world: Awaited<ReturnType<typeof startTwoInstances>>;
beforeAll(async () => {
  world = await startTwoInstances();
});
afterAll(() => world?.close());

const connect = (inst: 'a' | 'b') => world.connect(world[inst]);

type EventMessage = Extract<ServerMessage, { type: 'event' }>;
const eventFor =
  (departmentId: string) =>
  (m: ServerMessage): m is EventMessage =>
    m.type === 'event' && m.event.type === 'org.department.changed' && m.event.departmentId === departmentId;

/** Commits a department change through instance A's database connection, the way a service does. */
async function commitThroughA(departmentId: string, change: Extract<DomainEvent, { type: 'org.department.changed' }>['change']) {
  await world.a.deps.db.transaction().execute((trx) => publish(trx, ['org'], { type: 'org.department.changed', departmentId, change }));
}

describe('realtime across instances', () => {
  it('greets each socket with its own instance', async () => {
    const [ca, cb] = await Promise.all([connect('a'), connect('b')]);
    expect(ca.hello.instanceId).toBe('instance-a');
    expect(cb.hello.instanceId).toBe('instance-b');
    await Promise.all([ca.close(), cb.close()]);
  });

  it('delivers an event committed through A to a socket on B, and nothing from a rolled-back transaction', async () => {
    const client = await connect('b');
    const failed = world.a.deps.db.transaction().execute(async (trx) => {
      await publish(trx, ['org'], { type: 'org.department.changed', departmentId: 'od-rolled-back', change: 'created' });
      throw new Error('abort');
    });
    await expect(failed).rejects.toThrow('abort');
    await commitThroughA('od-bus-1', 'created');
    const msg = await client.next(eventFor('od-bus-1'));
    expect(msg.rooms).toContain('org');
    await expect(client.next(eventFor('od-rolled-back'), 300)).rejects.toThrow(/no matching message/);
    await client.close();
  });

  it('replays changes made while disconnected when the socket resumes', async () => {
    let client = await connect('b');
    await commitThroughA('od-bus-2', 'created');
    const seen = await client.next(eventFor('od-bus-2'));
    await client.close();

    await commitThroughA('od-bus-2', 'updated');
    await commitThroughA('od-bus-3', 'created');

    client = await connect('b');
    client.send({ type: 'resume', since: seen.seq });
    const missed = await client.next(
      (m): m is EventMessage => eventFor('od-bus-2')(m) && m.event.type === 'org.department.changed' && m.event.change === 'updated',
    );
    const later = await client.next(eventFor('od-bus-3'));
    expect(missed.seq).toBeGreaterThan(seen.seq);
    expect(later.seq).toBeGreaterThan(missed.seq);
    await client.close();
  });

  it('pushes a department created and renamed over HTTP on A to a socket on B', async () => {
    const client = await connect('b');
    const dept = await world.adminA.call(createDepartment, { body: { name: '研发部' } });
    const created = await client.next(eventFor(dept.id));
    expect(created.event).toMatchObject({ change: 'created' });
    await world.adminA.call(updateDepartment, { params: { id: dept.id }, body: { name: '研发中心' } });
    const renamed = await client.next(eventFor(dept.id));
    expect(renamed.event).toMatchObject({ change: 'updated' });
    expect(renamed.seq).toBeGreaterThan(created.seq);
    await client.close();
  });
});
