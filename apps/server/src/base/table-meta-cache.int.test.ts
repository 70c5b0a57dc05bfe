import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as c from '@concord/contracts';
import { injectClient } from '../../test/harness.ts';
import { startTwoInstances } from '../../test/two-instances.ts';

type Two = Awaited<ReturnType<typeof startTwoInstances>>;
let two: Two;
let viaA: ReturnType<typeof injectClient>;
let viaB: ReturnType<typeof injectClient>;

beforeAll(async () => {
  two = await startTwoInstances();
  viaA = two.adminA;
  viaB = injectClient(two.b.app, { headers: { authorization: `Bearer ${two.adminToken}` } });
});
afterAll(() => two.close());

describe('table metadata cached per instance', () => {
  it('sees fields and views changed through another instance on the very next request', async () => {
    const base = await viaA.call(c.createBase, { body: { name: '缓存' } });
    const table = await viaA.call(c.createTable, { params: { baseId: base.id }, body: { name: '客户', fields: [{ name: '名称', type: 'text', options: {} }] } });
    // B reads (and caches) the table as it is now.
    expect((await viaB.call(c.getTable, { params: { tableId: table.id } })).fields.map((f) => f.name)).toEqual(['名称']);

    const phone = await viaA.call(c.createField, { params: { tableId: table.id }, body: { name: '手机', type: 'phone', options: {} } });
    await viaA.call(c.updateField, { params: { fieldId: table.fields[0]!.id }, body: { name: '客户名称', type: 'text', options: {} } });
    const view = await viaA.call(c.createView, { params: { tableId: table.id }, body: { name: '看板', type: 'grid' } });
    const seenByB = await viaB.call(c.getTable, { params: { tableId: table.id } });
    expect(seenByB.fields.map((f) => f.name)).toEqual(['客户名称', '手机']);
    expect(seenByB.views.map((v) => v.name)).toContain('看板');

    // B writes to the field A just added, then A deletes it and B is refused at once.
    await viaB.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [phone.id]: '13800138000' } }] } });
    await viaA.call(c.deleteField, { params: { fieldId: phone.id } });
    await viaA.call(c.deleteView, { params: { viewId: view.id } });
    await expect(
      viaB.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [phone.id]: '13800138001' } }] } }),
    ).rejects.toMatchObject({ status: 400 });
    expect((await viaB.call(c.getTable, { params: { tableId: table.id } })).views.map((v) => v.id)).not.toContain(view.id);
  });
});
