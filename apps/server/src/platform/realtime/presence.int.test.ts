import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { signedInPerson } from '../../../test/harness.ts';
import { startTwoInstances } from '../../../test/two-instances.ts';

let world: Awaited<ReturnType<typeof startTwoInstances>>;
beforeAll(async () => {
  world = await startTwoInstances();
});
afterAll(() => world?.close());

type Presence = Extract<c.ServerMessage, { type: 'presence' }>;

describe('presence', () => {
  it('shows who is looking at a table across instances, and drops people who leave', async () => {
    const base = await world.adminA.call(c.createBase, { body: { name: 'P' } });
    const table = await world.adminA.call(c.createTable, { params: { baseId: base.id }, body: { name: 'T' } });
    const { client: hmm } = await signedInPerson(world.adminA, world.a.app, { name: '韩梅梅', email: 'hmm@example.com' });
    await world.adminA.call(c.setBaseMembers, {
      params: { baseId: base.id },
      body: { members: [{ userId: (await hmm.call(c.me, {})).user!.id, role: 'editor' }] },
    });
    const hmmToken = (await hmm.call(c.createToken, { body: { name: 'p' } })).token;
    const room = `table:${table.id}` as const;
    const isPresence =
      (names: string[]) =>
      (m: c.ServerMessage): m is Presence =>
        m.type === 'presence' && m.room === room && JSON.stringify(m.users.map((u) => u.name)) === JSON.stringify(names);

    const adminOnB = await world.connect(world.b, [room]);
    await adminOnB.next(isPresence(['管理员']));
    const hmmOnA = await world.connect(world.a, [room], hmmToken);
    await hmmOnA.next(isPresence(['管理员', '韩梅梅']));
    await adminOnB.next(isPresence(['管理员', '韩梅梅']));
    await hmmOnA.close();
    const after = await adminOnB.next(isPresence(['管理员']));
    expect(after.users).toHaveLength(1);
    await adminOnB.close();
  });
});
