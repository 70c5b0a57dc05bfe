import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';
import { customerRuleTemplate, withCheckChar } from './dedup/index.ts';

let t: TestApp;
let table: c.TableDto;
const fid = (name: string) => table.fields.find((f) => f.name === name)!.id;
const code1 = withCheckChar('91440101MA5CXXX1Y'.replace(/X/g, '0'));
const code2 = withCheckChar('91110108MA01ABCDE'.replace(/[A-E]/g, '1'));

beforeAll(async () => {
  t = await startTestApp();
  const owner = await t.admin.call(c.createPerson, { body: { name: '王芳', email: 'wangfang@example.com', mobile: '13911112222' } });
  void owner;
  const base = await t.admin.call(c.createBase, { body: { name: '客户管理' } });
  table = await t.admin.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '统一社会信用代码', type: 'text', options: {} },
        { name: '手机', type: 'phone', options: {} },
        { name: '邮箱', type: 'email', options: {} },
        { name: '负责人', type: 'person', options: { multiple: false } },
        {
          name: '阶段',
          type: 'singleSelect',
          options: {
            choices: [
              { name: '线索', aliases: ['Lead'] },
              { name: '赢单', aliases: ['Won'] },
            ],
          },
        },
        { name: '预计月金额', type: 'currency', options: {} },
      ],
    },
  });
  await t.admin.call(c.createRecords, {
    params: { tableId: table.id },
    body: {
      records: [
        { fields: { [fid('客户名称')]: '广州小马智行科技有限公司', [fid('统一社会信用代码')]: code1, [fid('手机')]: '13800138000' } },
        { fields: { [fid('客户名称')]: '北京极速出行有限公司', [fid('邮箱')]: 'bd@jisu.example' } },
      ],
    },
  });
  const rule = customerRuleTemplate({ company: fid('客户名称'), creditCode: fid('统一社会信用代码'), phone: fid('手机'), email: fid('邮箱') });
  expect((await t.admin.call(c.setDedupRule, { params: { tableId: table.id }, body: { rule } })).keyed).toBe(2);
});
afterAll(() => t.close());

describe('duplicates on entry', () => {
  it('warns while typing, with reasons, and can refuse a clear duplicate', async () => {
    const check = await t.admin.call(c.checkDuplicates, {
      params: { tableId: table.id },
      body: { fields: { [fid('客户名称')]: '小马智行科技（广州）有限公司', [fid('手机')]: '+86 138-0013-8000' } },
    });
    expect(check.matches[0]).toMatchObject({ decision: 'merge', title: '广州小马智行科技有限公司' });
    expect(check.matches[0]!.reasons.length).toBeGreaterThan(0);
    const refused = await apiError(
      t.admin.call(c.createRecords, {
        params: { tableId: table.id },
        body: { records: [{ fields: { [fid('统一社会信用代码')]: code1.toLowerCase(), [fid('客户名称')]: '小马智行' } }], onDuplicate: 'refuse' },
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.code).toBe('base.record.duplicate');
  });

  it('finds a company typed with one wrong character, through the key index', async () => {
    const check = await t.admin.call(c.checkDuplicates, { params: { tableId: table.id }, body: { fields: { [fid('客户名称')]: '北京急速出行有限公司' } } });
    expect(check.matches.map((m) => m.title)).toContain('北京极速出行有限公司');
  });

  it('never merges sister companies in different cities automatically, only flags them', async () => {
    const check = await t.admin.call(c.checkDuplicates, {
      params: { tableId: table.id },
      body: { fields: { [fid('客户名称')]: '深圳小马智行科技有限公司', [fid('统一社会信用代码')]: code2 } },
    });
    expect(check.matches.every((m) => m.decision !== 'merge')).toBe(true);
  });
});

describe('import with duplicate detection', () => {
  it('imports a GBK CSV: merges duplicates of existing records and of earlier rows, flags the unsure, reports every row', async () => {
    const csv = [
      '公司名,信用代码,联系电话,Email,销售,阶段,金额',
      '小馬智行科技（廣州）有限公司,,13800138000,,王芳,Won,"12,000"', // existing record, traditional + bracket city
      '上海云途物流有限公司,,021-61234567,ops@yuntu.example,王芳,lead,５０００', // new
      '上海云途物流,,,OPS@yuntu.example,,线索,', // duplicate of the row above (same email, same core name)
      '深圳小马智行科技有限公司,' + code2 + ',,,,,', // sister company: flagged, not merged
      ',,,,,,', // empty: skipped
      '杭州青桐网络科技有限公司,,13700001111,,赵无名,不存在的阶段,abc', // warnings only
    ].join('\r\n');
    const bytes = iconv.encode(csv, 'gbk');
    const report = await t.admin.call(
      c.importTable,
      { params: { tableId: table.id }, query: { filename: '客户.csv', dedup: 'true', dryRun: 'false' } },
      { body: bytes, contentType: 'application/octet-stream' },
    );
    expect(report.rows.map((r) => r.action)).toEqual(['merged', 'created', 'merged', 'flagged', 'skipped', 'created']);
    expect(report.mapping).toMatchObject({
      公司名: fid('客户名称'),
      联系电话: fid('手机'),
      Email: fid('邮箱'),
      销售: fid('负责人'),
      阶段: fid('阶段'),
      金额: fid('预计月金额'),
    });
    expect(report.rows[2]!.record_id).toBe(report.rows[1]!.record_id);
    expect(report.rows[5]!.warnings.join(' ')).toMatch(/赵无名|不存在的阶段|abc/);
    const merged = await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: report.rows[0]!.record_id! } });
    expect(merged.fields[fid('客户名称')]).toBe('广州小马智行科技有限公司'); // existing values are never overwritten
    expect(merged.fields[fid('阶段')]).toBe('赢单'); // blank fields are filled
    expect(merged.fields[fid('预计月金额')]).toBe(12000);
    const yuntu = await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: report.rows[1]!.record_id! } });
    expect(yuntu.fields[fid('预计月金额')]).toBe(5000);
    expect((yuntu.fields[fid('负责人')] as { name: string }[])[0]!.name).toBe('王芳');
    const pairs = await t.admin.call(c.listDuplicatePairs, { params: { tableId: table.id }, query: {} });
    expect(pairs.total).toBe(1);
    expect([pairs.items[0]!.a.id, pairs.items[0]!.b.id]).toContain(report.rows[3]!.record_id);
  });

  it('imports an XLSX with a merged title row and leaves the table untouched on a dry run', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户清单');
    sheet.addRow(['2026年华南区客户清单']);
    sheet.mergeCells('A1:C1');
    sheet.addRow(['客户名称', '手机', '下单日期']);
    sheet.addRow(['广州星河出行有限公司', '13600001234', new Date('2026-03-01')]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const before = (await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} })).total;
    const preview = await t.admin.call(
      c.previewImport,
      { params: { tableId: table.id }, query: { filename: 'list.xlsx' } },
      { body: bytes, contentType: 'application/octet-stream' },
    );
    expect(preview.headerRow).toBe(2);
    expect(preview.headers).toEqual(['客户名称', '手机', '下单日期']);
    const dry = await t.admin.call(
      c.importTable,
      { params: { tableId: table.id }, query: { filename: 'list.xlsx', dryRun: 'true' } },
      { body: bytes, contentType: 'application/octet-stream' },
    );
    expect(dry.rows.map((r) => r.action)).toEqual(['created']);
    expect((await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} })).total).toBe(before);
  });
});

describe('merge and review', () => {
  it('merges a flagged pair, moving links and comments, and one undo restores it', async () => {
    const pairs = await t.admin.call(c.listDuplicatePairs, { params: { tableId: table.id }, query: {} });
    const { a, b } = pairs.items[0]!;
    await t.admin.call(c.addComment, { params: { tableId: table.id, recordId: b.id }, body: { body: '这是分公司吗？' } });
    const survivor = await t.admin.call(c.mergeRecords, {
      params: { tableId: table.id },
      body: { survivorId: a.id, otherIds: [b.id], values: { [fid('客户名称')]: '小马智行（合并）' } },
    });
    expect(survivor.fields[fid('客户名称')]).toBe('小马智行（合并）');
    expect((await apiError(t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: b.id } }))).status).toBe(404);
    expect((await t.admin.call(c.listComments, { params: { tableId: table.id, recordId: a.id } })).items.map((x) => x.body)).toContain('这是分公司吗？');
    expect((await t.admin.call(c.listDuplicatePairs, { params: { tableId: table.id }, query: {} })).total).toBe(0);
    expect((await t.admin.call(c.undoLastChange, { params: { tableId: table.id } })).action).toBe('merge');
    expect((await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: b.id } })).fields[fid('客户名称')]).toBe(b.fields[fid('客户名称')]);
    expect((await t.admin.call(c.getRecord, { params: { tableId: table.id, recordId: a.id } })).fields[fid('客户名称')]).toBe(a.fields[fid('客户名称')]);
  });

  it('exports a view as CSV with a BOM for Excel', async () => {
    const cookie = [...t.admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/base/tables/${table.id}/export?format=csv`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const text = res.rawPayload.toString('utf8');
    expect(text).toContain('客户名称,统一社会信用代码,手机');
    expect(text).toContain('上海云途物流有限公司');
    const xlsx = await t.app.inject({ method: 'GET', url: `/api/v1/base/tables/${table.id}/export?format=xlsx`, headers: { cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('客户名称');
  });
});
