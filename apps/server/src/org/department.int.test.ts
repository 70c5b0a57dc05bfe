import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createPerson, listAudit, listDepartments, updateDepartment, updatePerson, type DepartmentDto } from '@concord/contracts';
import { apiError, signedInPerson, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function expectApiError(p: Promise<unknown>, status: number, code: string) {
  const err = await apiError(p);
  expect([err.status, err.code]).toEqual([status, code]);
  return err;
}

const create = (name: string, parentId: string | null = null) => t.admin.call(createDepartment, { body: { name, parentId } });
const list = async (includeInactive = false) => (await t.admin.call(listDepartments, { query: { includeInactive: includeInactive ? 'true' : 'false' } })).items;

describe('department tree', () => {
  let tech: DepartmentDto;
  let ad: DepartmentDto;
  let perception: DepartmentDto;

  it('creates a three-level tree and lists it parent first, children in order', async () => {
    tech = await create('技术中心');
    ad = await create('自动驾驶部', tech.id);
    perception = await create('感知组', ad.id);
    await create('规划控制组', ad.id);
    await create('平台研发部', tech.id);
    expect(tech).toMatchObject({ name: '技术中心', parentId: null, memberCount: 0, active: true });
    const names = (await list()).map((d) => d.name);
    expect(names).toEqual(['技术中心', '自动驾驶部', '感知组', '规划控制组', '平台研发部']);
  });

  it('refuses a duplicate name at the same level and names with "/"', async () => {
    await expectApiError(create('感知组', ad.id), 409, 'org.department.duplicate_name');
    await expectApiError(create('技术中心/平台部'), 400, 'org.department.invalid_name');
    await expectApiError(create('X', 'od-missing'), 400, 'org.department.parent_not_found');
  });

  it('renames, sets a head and reorders', async () => {
    const head = await t.admin.call(createPerson, { body: { name: '张伟', email: 'zhangwei@example.com', departmentIds: [perception.id] } });
    const renamed = await t.admin.call(updateDepartment, { params: { id: perception.id }, body: { name: '环境感知组', headId: head.id, order: 5 } });
    expect(renamed).toMatchObject({ name: '环境感知组', headId: head.id, headName: '张伟', order: 5, memberCount: 1 });
    const names = (await list()).map((d) => d.name);
    expect(names.indexOf('规划控制组')).toBeLessThan(names.indexOf('环境感知组'));
  });

  it('moves a department, but never under itself or its own sub-department', async () => {
    await expectApiError(t.admin.call(updateDepartment, { params: { id: tech.id }, body: { parentId: perception.id } }), 400, 'org.department.cycle');
    await expectApiError(t.admin.call(updateDepartment, { params: { id: tech.id }, body: { parentId: tech.id } }), 400, 'org.department.cycle');
    const ops = await create('运营中心');
    const moved = await t.admin.call(updateDepartment, { params: { id: perception.id }, body: { parentId: ops.id } });
    expect(moved.parentId).toBe(ops.id);
    await t.admin.call(updateDepartment, { params: { id: perception.id }, body: { parentId: ad.id } });
  });

  it('refuses to deactivate a department with active members or sub-departments, then allows it once empty', async () => {
    const err = await expectApiError(
      t.admin.call(updateDepartment, { params: { id: perception.id }, body: { active: false } }),
      409,
      'org.department.not_empty',
    );
    expect(err.details).toEqual({ members: 1, children: 0 });
    await expectApiError(t.admin.call(updateDepartment, { params: { id: ad.id }, body: { active: false } }), 409, 'org.department.not_empty');

    const member = (await list()).find((d) => d.id === perception.id)!;
    expect(member.memberCount).toBe(1);
    const head = member.headId!;
    await t.admin.call(updatePerson, { params: { id: head }, body: { departmentIds: [] } });
    const off = await t.admin.call(updateDepartment, { params: { id: perception.id }, body: { active: false } });
    expect(off.active).toBe(false);
    expect((await list()).map((d) => d.id)).not.toContain(perception.id);
    expect((await list(true)).map((d) => d.id)).toContain(perception.id);
    await expectApiError(create('新组', perception.id), 400, 'org.department.parent_inactive');

    const on = await t.admin.call(updateDepartment, { params: { id: perception.id }, body: { active: true } });
    expect(on.active).toBe(true);
  });

  it('answers 404 for an unknown department', async () => {
    await expectApiError(t.admin.call(updateDepartment, { params: { id: 'od-nope' }, body: { name: 'x' } }), 404, 'org.department.not_found');
  });

  it('writes an outbox event and an audit entry for a rename', async () => {
    await t.admin.call(updateDepartment, { params: { id: tech.id }, body: { name: '研发中心' } });
    const rows = await t.deps.db.selectFrom('outbox').select(['rooms', 'event']).orderBy('seq', 'desc').limit(1).execute();
    expect(rows[0]).toEqual({ rooms: ['org'], event: { type: 'org.department.changed', departmentId: tech.id, change: 'updated' } });
    const audit = await t.admin.call(listAudit, { query: { action: 'org.department' } });
    expect(audit.items[0]).toMatchObject({
      action: 'org.department.update',
      targetId: tech.id,
      actorName: '管理员',
      details: { name: { from: '技术中心', to: '研发中心' } },
    });
    expect(audit.items.every((a) => a.action.startsWith('org.department.'))).toBe(true);
    expect(audit.items.some((a) => a.action === 'org.department.create')).toBe(true);
    const page = await t.admin.call(listAudit, { query: { pageSize: 2 } });
    expect(page.items).toHaveLength(2);
    const next = await t.admin.call(listAudit, { query: { pageSize: 2, before: Number(page.nextPageToken) } });
    expect(next.items[0]!.id).toBeLessThan(page.items[1]!.id);
  });
});

describe('department permissions', () => {
  it('lets members read the tree but not change it; anonymous callers get 401', async () => {
    const { client: member } = await signedInPerson(t.admin, t.app, { name: '李娜', email: 'lina@example.com' });
    expect((await member.call(listDepartments, { query: {} })).items.length).toBeGreaterThan(0);
    await expectApiError(member.call(createDepartment, { body: { name: '黑客部' } }), 403, 'auth.admin_required');
    await expectApiError(member.call(listAudit, { query: {} }), 403, 'auth.admin_required');
    await expectApiError(t.anon().call(listDepartments, { query: {} }), 401, 'auth.required');
    await expectApiError(t.anon().call(createDepartment, { body: { name: 'x' } }), 401, 'auth.required');
  });
});
