import * as c from '@concord/contracts';
import { customerRuleTemplate } from '../src/base/index.ts';

/**
 * A new base with a 客户 table (客户名称, 手机, 邮箱, then `extra`), as the duplicate-detection tests use it.
 * @example const table = await customerTable(t.admin, [{ name: '城市', type: 'text', options: {} }])
 */
export async function customerTable(admin: c.ApiClient, extra: c.FieldInput[] = []): Promise<c.TableDto> {
  const base = await admin.call(c.createBase, { body: { name: '客户' } });
  return admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '手机', type: 'phone', options: {} },
        { name: '邮箱', type: 'email', options: {} },
        ...extra,
      ],
    },
  });
}

/** Puts the table from {@link customerTable} under the customer duplicate rule (company name, phone, email). */
export async function setCustomerRule(admin: c.ApiClient, table: c.TableDto): Promise<void> {
  const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
  await admin.call(c.setDedupRule, {
    params: { tableId: table.id },
    body: { rule: customerRuleTemplate({ company: fid('客户名称'), phone: fid('手机'), email: fid('邮箱') }) },
  });
}
