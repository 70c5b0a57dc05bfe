import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, signedInPerson, startTestApp, type TestApp } from '../../test/harness.ts';
import { customerRuleTemplate } from './dedup/index.ts';

let t: TestApp;
let table: c.TableDto;
let existingId: string;
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;

async function formToken(access: 'public' | 'internal'): Promise<string> {
  const view = await t.admin.call(c.createView, { params: { tableId: table.id }, body: { name: `登记 ${access}`, type: 'form', config: {} } });
  await t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { form: { ...view.config.form!, access } } } });
  return view.config.form!.token!;
}

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: '客户登记' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '手机', type: 'phone', options: {} },
        { name: '备注', type: 'text', options: {} },
      ],
    },
  });
  const {
    items: [rec],
  } = await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: { records: [{ fields: { [fid('客户名称')]: '广州小马智行科技有限公司', [fid('手机')]: '13800138000', [fid('备注')]: '机密报价' } }] },
  });
  existingId = rec!.id;
  await t.admin.call(c.setDedupRule, { params: { tableId: table.id }, body: { rule: customerRuleTemplate({ company: fid('客户名称'), phone: fid('手机') }) } });
});
afterAll(() => t.close());

describe('duplicate warnings on forms', () => {
  it('tells a public visitor only that a matching record may exist, never which one', async () => {
    const token = await formToken('public');
    const visitor = t.anon();
    const res = await visitor.call(c.checkFormDuplicates, { params: { token }, body: { fields: { [fid('客户名称')]: '小马智行科技（广州）' } } });
    expect(res).toEqual({ possible: true, matches: [], table: null });
    expect(JSON.stringify(res)).not.toContain(existingId);
    const other = await visitor.call(c.checkFormDuplicates, { params: { token }, body: { fields: { [fid('客户名称')]: '杭州云栖数据有限公司' } } });
    expect(other.possible).toBe(false);
  });

  it('slows down an outsider who checks one form over and over', async () => {
    const token = await formToken('public');
    const visitor = t.anon();
    const check = (i: number) =>
      visitor.call(c.checkFormDuplicates, { params: { token }, body: { fields: { [fid('手机')]: `1380013${String(i).padStart(4, '0')}` } } });
    for (let i = 0; i < 120; i++) await check(i);
    const refused = await apiError(check(120));
    expect([refused.status, refused.code]).toEqual([429, 'base.form.too_many_checks']);
    // Readers of the table are not counted.
    expect((await t.admin.call(c.checkFormDuplicates, { params: { token }, body: { fields: { [fid('手机')]: '13800138000' } } })).possible).toBe(true);
  });

  it('shows matches with reasons and where they live to a signed-in reader of the table', async () => {
    const token = await formToken('internal');
    const res = await t.admin.call(c.checkFormDuplicates, {
      params: { token },
      body: { fields: { [fid('客户名称')]: '小马智行', [fid('手机')]: '138 0013 8000' } },
    });
    expect(res.possible).toBe(true);
    expect(res.table).toEqual({ baseId: table.baseId, tableId: table.id });
    expect(res.matches.map((m) => [m.recordId, m.decision])).toEqual([[existingId, 'merge']]);
    expect(res.matches[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('gives a signed-in person outside the base only the notice, and internal forms need signing in', async () => {
    const token = await formToken('internal');
    const { client: outsider } = await signedInPerson(t.admin, t.app, { name: '路人甲', email: 'luren@example.com' });
    const res = await outsider.call(c.checkFormDuplicates, { params: { token }, body: { fields: { [fid('手机')]: '+86 138 0013 8000' } } });
    expect(res).toEqual({ possible: true, matches: [], table: null });
    expect((await apiError(t.anon().call(c.checkFormDuplicates, { params: { token }, body: { fields: {} } }))).status).toBe(401);
  });

  it('only the fields the form asks for count', async () => {
    const view = await t.admin.call(c.createView, { params: { tableId: table.id }, body: { name: '只问备注', type: 'form', config: {} } });
    const form = view.config.form!;
    await t.admin.call(c.updateView, {
      params: { viewId: view.id },
      body: { config: { form: { ...form, access: 'public', fields: form.fields.filter((f) => f.fieldId === fid('备注')) } } },
    });
    const res = await t.anon().call(c.checkFormDuplicates, { params: { token: form.token! }, body: { fields: { [fid('手机')]: '13800138000' } } });
    expect(res.possible).toBe(false);
  });
});
