import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let table: c.TableDto;

beforeAll(async () => {
  t = await startTestApp();
  const base = await t.admin.call(c.createBase, { body: { name: '线索收集' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '线索',
      fields: [
        { name: '公司', type: 'text', options: {} },
        { name: '手机', type: 'phone', options: {} },
        { name: '规模', type: 'singleSelect', options: { choices: [{ name: '100人以下' }, { name: '100人以上' }] } },
      ],
    },
  });
});
afterAll(() => t.close());

describe('form views', () => {
  it('a public form link lets anyone submit a record, with required fields enforced', async () => {
    const view = await t.admin.call(c.createView, { params: { tableId: table.id }, body: { name: '客户登记', type: 'form', config: {} } });
    const token = view.config.form!.token!;
    await t.admin.call(c.updateView, { params: { viewId: view.id }, body: { config: { form: { ...view.config.form!, access: 'public' } } } });
    const visitor = t.anon();
    const form = await visitor.call(c.getForm, { params: { token } });
    expect(form.title).toBe('客户登记');
    expect(form.fields.map((f) => [f.name, f.required])).toEqual([
      ['公司', true],
      ['手机', false],
      ['规模', false],
    ]);
    const [company, phone, size] = form.fields.map((f) => f.id) as [string, string, string];
    const missing = await apiError(visitor.call(c.submitForm, { params: { token }, body: { fields: { [phone]: '13800138000' } } }));
    expect(missing.code).toBe('base.form.required');
    const ok = await visitor.call(c.submitForm, {
      params: { token },
      body: { fields: { [company]: '深圳小马出行', [phone]: '138 0013 8000', [size]: '100人以上' } },
    });
    const rec = await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: ok.recordId } });
    expect(rec.fields[phone]).toBe('+8613800138000');
    expect(rec.createdBy).toBeNull();
  });

  it('an internal form needs a signed-in person', async () => {
    const view = await t.admin.call(c.createView, { params: { tableId: table.id }, body: { name: '内部登记', type: 'form', config: {} } });
    const err = await apiError(t.anon().call(c.getForm, { params: { token: view.config.form!.token! } }));
    expect(err.status).toBe(401);
    expect((await t.admin.call(c.getForm, { params: { token: view.config.form!.token! } })).access).toBe('internal');
    expect((await apiError(t.anon().call(c.getForm, { params: { token: 'shrNOPE' } }))).status).toBe(404);
  });
});
