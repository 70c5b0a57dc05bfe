import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, listDepartments, listPeople, login, seedDemo } from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';
import { DEMO_PASSWORD, isDirectoryEmpty } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('demo company', () => {
  it('seeds 极行出行 with a three-level tree and about 150 people, once', async () => {
    expect(await isDirectoryEmpty(t.deps)).toBe(true);
    expect(await t.admin.call(seedDemo, {})).toEqual({ departments: 15, people: 150 });
    expect(await isDirectoryEmpty(t.deps)).toBe(false);

    const tree = (await t.admin.call(listDepartments, { query: {} })).items;
    const byName = Object.fromEntries(tree.map((d) => [d.name, d]));
    expect(byName['感知组']!.parentId).toBe(byName['自动驾驶部']!.id);
    expect(byName['自动驾驶部']!.parentId).toBe(byName['技术中心']!.id);
    expect(tree.every((d) => d.headId && d.memberCount > 0)).toBe(true);

    const people = await t.admin.call(listPeople, { query: { pageSize: 500 } });
    expect(people.total).toBe(151);
    const demo = people.items.filter((p) => p.email.endsWith('@jixing.example'));
    expect(demo).toHaveLength(150);
    expect(new Set(demo.map((p) => p.email)).size).toBe(150);
    expect(demo.every((p) => /^\+861[3-9]\d{9}$/.test(p.mobile ?? '') && p.title && p.departmentIds.length === 1)).toBe(true);
    // Members report to their department head; heads to the head above; only the CEO has no manager.
    const perception = byName['感知组']!;
    const members = demo.filter((p) => p.departmentIds[0] === perception.id && p.id !== perception.headId);
    expect(members.every((p) => p.managerId === perception.headId)).toBe(true);
    expect(demo.find((p) => p.id === perception.headId)!.managerId).toBe(byName['自动驾驶部']!.headId);
    expect(demo.filter((p) => p.managerId === null).map((p) => p.title)).toEqual(['总裁']);

    const c = t.anon();
    await c.call(login, { body: { email: demo[0]!.email, password: DEMO_PASSWORD } });

    const err = await apiError(t.admin.call(seedDemo, {}));
    expect([err.status, err.code]).toEqual([409, 'org.demo.not_empty']);
    expect((await t.admin.call(listAudit, { query: { action: 'org.demo' } })).items).toHaveLength(1);
  });
});
