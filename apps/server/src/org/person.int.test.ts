import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createPerson, getPerson, listPeople, login, me, updatePerson, type PersonDto } from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
const dept: Record<string, string> = {};
const person: Record<string, PersonDto> = {};

async function expectApiError(p: Promise<unknown>, status: number, code: string) {
  const err = await apiError(p);
  expect([err.status, err.code]).toEqual([status, code]);
  return err;
}

beforeAll(async () => {
  t = await startTestApp();
  const mk = async (key: string, name: string, parent?: string) => {
    dept[key] = (await t.admin.call(createDepartment, { body: { name, parentId: parent ? dept[parent] : null } })).id;
  };
  await mk('tech', '技术中心');
  await mk('ad', '自动驾驶部', 'tech');
  await mk('perception', '感知组', 'ad');
  await mk('ops', '运营中心');
});
afterAll(() => t.close());

const search = async (q: string, extra: Record<string, string> = {}) => (await t.admin.call(listPeople, { query: { q, ...extra } })).items.map((p) => p.name);

describe('people', () => {
  it('creates a person with a normalised mobile, departments and defaults', async () => {
    person.zw = await t.admin.call(createPerson, {
      body: { name: '张伟', email: 'ZhangWei@Jixing.example', mobile: '+86 138-0013-8000', title: '感知算法工程师', departmentIds: [dept.perception!] },
    });
    expect(person.zw).toMatchObject({
      name: '张伟',
      email: 'zhangwei@jixing.example',
      mobile: '+8613800138000',
      departmentIds: [dept.perception],
      timeZone: 'Asia/Shanghai',
      role: 'member',
      active: true,
      managerId: null,
    });
    expect((await t.admin.call(createPerson, { body: { name: '王芳', email: 'wangfang@jixing.example', mobile: '8613900139000' } })).mobile).toBe(
      '+8613900139000',
    );
    expect((await t.admin.call(createPerson, { body: { name: '李静', email: 'lijing@jixing.example', mobile: '137 0013 7000' } })).mobile).toBe(
      '+8613700137000',
    );
  });

  it('refuses a bad mobile, a taken email, an unknown time zone or department', async () => {
    await expectApiError(t.admin.call(createPerson, { body: { name: 'X', email: 'x@jixing.example', mobile: '12345' } }), 400, 'org.person.invalid_mobile');
    await expectApiError(t.admin.call(createPerson, { body: { name: 'X', email: 'zhangwei@jixing.example' } }), 409, 'org.person.email_taken');
    await expectApiError(
      t.admin.call(createPerson, { body: { name: 'X', email: 'x@jixing.example', timeZone: 'Mars/Olympus' } }),
      400,
      'org.person.invalid_time_zone',
    );
    await expectApiError(
      t.admin.call(createPerson, { body: { name: 'X', email: 'x@jixing.example', departmentIds: ['od-nope'] } }),
      400,
      'org.person.department_not_found',
    );
    expect((await t.admin.call(listPeople, { query: { q: 'x@jixing' } })).total).toBe(0);
  });

  it('edits, moves between departments, sets manager, locale and time zone', async () => {
    person.boss = await t.admin.call(createPerson, { body: { name: '欧阳娜娜', email: 'ouyang@jixing.example', departmentIds: [dept.ad!] } });
    const edited = await t.admin.call(updatePerson, {
      params: { id: person.zw!.id },
      body: {
        name: '张伟',
        title: '高级感知算法工程师',
        departmentIds: [dept.ops!, dept.perception!],
        managerId: person.boss.id,
        locale: 'en',
        timeZone: 'Europe/Berlin',
      },
    });
    expect(edited).toMatchObject({
      title: '高级感知算法工程师',
      departmentIds: [dept.ops, dept.perception],
      managerId: person.boss.id,
      managerName: '欧阳娜娜',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
    expect(await t.admin.call(getPerson, { params: { id: person.zw!.id } })).toEqual(edited);
    await expectApiError(
      t.admin.call(updatePerson, { params: { id: person.zw!.id }, body: { timeZone: 'Asia/Nowhere' } }),
      400,
      'org.person.invalid_time_zone',
    );
    await expectApiError(t.admin.call(getPerson, { params: { id: 'ou_nope' } }), 404, 'org.person.not_found');
  });

  it('refuses a manager chain that loops back', async () => {
    await expectApiError(t.admin.call(updatePerson, { params: { id: person.boss!.id }, body: { managerId: person.zw!.id } }), 400, 'org.person.manager_cycle');
    await expectApiError(t.admin.call(updatePerson, { params: { id: person.zw!.id }, body: { managerId: person.zw!.id } }), 400, 'org.person.manager_cycle');
  });

  it('renaming updates the pinyin search keys', async () => {
    const p = await t.admin.call(createPerson, { body: { name: '赵敏', email: 'zhaomin@jixing.example' } });
    expect(await search('zm')).toContain('赵敏');
    await t.admin.call(updatePerson, { params: { id: p.id }, body: { name: '周芷若' } });
    expect(await search('zm')).not.toContain('周芷若');
    expect(await search('zzr')).toEqual(['周芷若']);
  });

  it('deactivating signs the person out and hides them from the directory; the last admin stays', async () => {
    const p = await t.admin.call(createPerson, { body: { name: '陈晨', email: 'chenchen@jixing.example', password: 'chenchen-pass-1' } });
    const c = t.anon();
    await c.call(login, { body: { email: 'chenchen@jixing.example', password: 'chenchen-pass-1' } });
    expect((await c.call(me, {})).user?.name).toBe('陈晨');
    const off = await t.admin.call(updatePerson, { params: { id: p.id }, body: { active: false } });
    expect(off.active).toBe(false);
    expect((await c.call(me, {})).user).toBeNull();
    expect(await search('陈晨')).toEqual([]);
    expect(await search('陈晨', { includeInactive: 'true' })).toEqual(['陈晨']);
    const admin = (await t.admin.call(me, {})).user!;
    await expectApiError(t.admin.call(updatePerson, { params: { id: admin.id }, body: { role: 'member' } }), 409, 'org.person.last_admin');
  });
});

describe('directory search', () => {
  beforeAll(async () => {
    for (const [name, email, mobile] of [
      ['张薇', 'zhangwei2@jixing.example', '13500135000'],
      ['王伟', 'wangwei@jixing.example', null],
      ['Alice Wang', 'alice@jixing.example', '+1 415 555 0100'],
    ] as const) {
      await t.admin.call(createPerson, { body: { name, email, mobile, departmentIds: [dept.perception!] } });
    }
  });

  it('finds people by Chinese name', async () => {
    expect(await search('张伟')).toEqual(['张伟']);
    expect(await search('伟')).toEqual(['王伟', '张伟']);
  });

  it('finds people by pinyin initials, full pinyin and pinyin fragments', async () => {
    // 张伟 and 张薇 share pinyin and initials; their relative order is by name, which depends on the collation.
    expect((await search('zw')).sort()).toEqual(['张伟', '张薇']);
    expect((await search('zhangwei')).sort()).toEqual(['张伟', '张薇']);
    expect((await search('Zhang Wei')).sort()).toEqual(['张伟', '张薇']);
    expect((await search('zhangw')).sort()).toEqual(['张伟', '张薇']);
    const wei = await search('wei');
    expect(wei[0]).toBe('王伟');
    expect(wei.slice(1).sort()).toEqual(['张伟', '张薇']);
    // Exact and prefix matches come before matches in the middle.
    expect(await search('wangwei')).toEqual(['王伟']);
    expect((await search('w')).slice(0, 2)).toEqual(['王芳', '王伟']);
    expect(await search('oyn')).toEqual(['欧阳娜娜']);
  });

  it('finds people by email, English name and phone digits', async () => {
    expect(await search('ouyang@')).toEqual(['欧阳娜娜']);
    expect(await search('ALICE')).toEqual(['Alice Wang']);
    expect(await search('13800138000')).toEqual(['张伟']);
    expect(await search('138 0013')).toEqual(['张伟']);
    expect(await search('4155550100')).toEqual(['Alice Wang']);
    expect(await search('%')).toEqual([]);
  });

  it('filters by a department and its sub-departments', async () => {
    const all = await t.admin.call(listPeople, { query: { departmentId: dept.tech! } });
    expect(all.items.map((p) => p.name).sort()).toEqual(['Alice Wang', '张伟', '张薇', '欧阳娜娜', '王伟'].sort());
    const direct = await t.admin.call(listPeople, { query: { departmentId: dept.tech!, recursive: 'false' } });
    expect(direct.total).toBe(0);
    expect((await t.admin.call(listPeople, { query: { departmentId: dept.ad!, recursive: 'false' } })).items.map((p) => p.name)).toEqual(['欧阳娜娜']);
    expect(await search('zw', { departmentId: dept.ops! })).toEqual(['张伟']);
    await expectApiError(t.admin.call(listPeople, { query: { departmentId: 'od-nope' } }), 404, 'org.department.not_found');
  });

  it('pages through results with a page token, without repeats or gaps', async () => {
    const first = await t.admin.call(listPeople, { query: { pageSize: 3 } });
    expect(first.items).toHaveLength(3);
    expect(first.nextPageToken).not.toBeNull();
    const seen = first.items.map((p) => p.id);
    let token = first.nextPageToken;
    while (token) {
      const page = await t.admin.call(listPeople, { query: { pageSize: 3, pageToken: token } });
      seen.push(...page.items.map((p) => p.id));
      token = page.nextPageToken;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
    const ranked = await t.admin.call(listPeople, { query: { q: 'wei', pageSize: 1 } });
    const second = await t.admin.call(listPeople, { query: { q: 'wei', pageSize: 2, pageToken: ranked.nextPageToken! } });
    const names = [...ranked.items, ...second.items].map((p) => p.name);
    expect(names[0]).toBe('王伟');
    expect(names.slice(1).sort()).toEqual(['张伟', '张薇']);
    await expectApiError(t.admin.call(listPeople, { query: { pageToken: 'garbage' } }), 400, 'org.people.bad_page_token');
  });
});
