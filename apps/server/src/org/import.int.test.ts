import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, importDirectory, listAudit, listDepartments, listPeople, type ImportReport } from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.admin.call(createPerson, { body: { name: '周杰', email: 'zhoujie@jixing.example' } });
});
afterAll(() => t.close());

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(kind: 'departments' | 'people', filename: string, bytes: Uint8Array, contentType: string, dryRun = false) {
  return t.admin.call(importDirectory, { query: { kind, filename, dryRun: dryRun ? 'true' : 'false' } }, { body: Buffer.from(bytes), contentType });
}

async function departmentsXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织架构');
  ws.addRow(['极行出行 2026 年组织架构（请勿修改表头）']);
  ws.mergeCells('A1:D1');
  ws.addRow(['部门名称', '上级部门', '负责人', '排序']);
  // Children before their parents, a path as parent, a head by email and one nobody knows.
  ws.addRow(['感知组', '技术中心/自动驾驶部', 'zhoujie@jixing.example', 1]);
  ws.addRow(['规划控制组', '自动驾驶部', '', 2]);
  ws.addRow(['自动驾驶部', '技术中心', '', '']);
  ws.addRow(['技术中心', '', '不存在的人', 1]);
  ws.addRow(['运营中心', '', '', 2]);
  ws.addRow([]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const peopleCsv = (rows: string[]) => iconv.encode(['姓名,邮箱,手机号,职位,部门,直属上级,语言,时区,角色', ...rows].join('\r\n') + '\r\n', 'gbk');

describe('directory import', () => {
  it('imports departments from an XLSX with a merged title row, parents after children', async () => {
    const report = await upload('departments', '部门.xlsx', await departmentsXlsx(), XLSX);
    expect(report).toMatchObject({ kind: 'departments', dryRun: false, created: 5, updated: 0, errors: 0 });
    expect(report.mapping).toEqual({ 部门名称: 'name', 上级部门: 'parent', 负责人: 'head', 排序: 'order' });
    expect(report.rows.find((r) => r.row === 4)!.warnings[0]).toMatch(/不存在的人/);
    const tree = (await t.admin.call(listDepartments, { query: {} })).items;
    expect(tree.map((d) => d.name)).toEqual(['技术中心', '自动驾驶部', '感知组', '规划控制组', '运营中心']);
    const byName = Object.fromEntries(tree.map((d) => [d.name, d]));
    expect(byName['感知组']).toMatchObject({ parentId: byName['自动驾驶部']!.id, headName: '周杰', order: 1 });
    expect(byName['自动驾驶部']!.parentId).toBe(byName['技术中心']!.id);

    const again = await upload('departments', '部门.xlsx', await departmentsXlsx(), XLSX);
    expect(again).toMatchObject({ created: 0, errors: 0 });
    expect((await t.admin.call(listDepartments, { query: {} })).items).toHaveLength(5);
  });

  it('imports people from a GBK CSV: mobiles normalised, several departments, managers further down', async () => {
    const csv = peopleCsv([
      '张伟,zhangwei@jixing.example,138 0013 8000,感知算法工程师,感知组、运营中心,lina@jixing.example,,,',
      '王芳,wangfang@jixing.example,+86 139-0013-9000,规划工程师,技术中心/自动驾驶部/规划控制组,李娜,中文,Asia/Shanghai,成员',
      '李娜,lina@jixing.example,8613700137000,自动驾驶部总监,自动驾驶部,查无此人,English,Europe/Berlin,',
    ]);
    const report = await upload('people', 'people.csv', csv, CSV);
    expect(report).toMatchObject({ kind: 'people', created: 3, updated: 0, errors: 0 });
    expect(report.rows[2]!.warnings[0]).toMatch(/查无此人/);
    const [zw] = (await t.admin.call(listPeople, { query: { q: 'zw' } })).items;
    expect(zw).toMatchObject({ name: '张伟', mobile: '+8613800138000', title: '感知算法工程师', managerName: '李娜' });
    expect(zw!.departmentIds).toHaveLength(2);
    const [ln] = (await t.admin.call(listPeople, { query: { q: '李娜' } })).items;
    expect(ln).toMatchObject({ locale: 'en', timeZone: 'Europe/Berlin', managerId: null });
    expect((await t.admin.call(listPeople, { query: { q: 'wangfang' } })).items[0]).toMatchObject({
      mobile: '+8613900139000',
      managerName: '李娜',
      locale: 'zh-CN',
    });

    const outbox = await t.deps.db.selectFrom('outbox').select('event').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(outbox.event).toEqual({ type: 'org.directory.imported', departments: 0, people: 3 });
    const audit = await t.admin.call(listAudit, { query: { action: 'org.import' } });
    expect(audit.items[0]!.details).toMatchObject({ kind: 'people', created: 3 });
  });

  it('upserts people by email: changed rows are updated, identical rows skipped', async () => {
    const csv = peopleCsv([
      '张伟,ZhangWei@jixing.example,138 0013 8000,高级感知算法工程师,感知组、运营中心,lina@jixing.example,,,',
      '王芳,wangfang@jixing.example,+86 139-0013-9000,规划工程师,技术中心/自动驾驶部/规划控制组,李娜,中文,Asia/Shanghai,成员',
    ]);
    const report = await upload('people', 'people.csv', csv, CSV);
    expect(report).toMatchObject({ created: 0, updated: 1, skipped: 1, errors: 0 });
    expect((await t.admin.call(listPeople, { query: { q: '张伟' } })).items[0]!.title).toBe('高级感知算法工程师');
  });

  it('writes nothing when any row is bad, and reports every bad row', async () => {
    const before = (await t.admin.call(listPeople, { query: {} })).total;
    const csv = peopleCsv([
      '赵敏,zhaomin@jixing.example,,,,,,,',
      '孙悟空,not-an-email,,,,,,,',
      '猪八戒,zhubajie@jixing.example,12345,,,,,,',
      '沙僧,shaseng@jixing.example,,,火星部,,,,',
    ]);
    const err = await apiError(upload('people', 'people.csv', csv, CSV));
    expect(err.status).toBe(400);
    expect(err.code).toBe('org.import.row_errors');
    const report = (err.details as { report: ImportReport }).report;
    expect(report.errors).toBe(3);
    expect(report.rows.map((r) => r.action)).toEqual(['created', 'error', 'error', 'error']);
    expect(report.rows[3]!.error).toMatch(/火星部/);
    expect((await t.admin.call(listPeople, { query: {} })).total).toBe(before);
    expect((await t.admin.call(listPeople, { query: { q: '赵敏' } })).total).toBe(0);
  });

  it('dry run validates and reports without writing', async () => {
    const report = await upload('people', 'people.csv', peopleCsv(['赵敏,zhaomin@jixing.example,,,,,,,']), CSV, true);
    expect(report).toMatchObject({ dryRun: true, created: 1, errors: 0 });
    expect((await t.admin.call(listPeople, { query: { q: '赵敏' } })).total).toBe(0);
    const bad = await upload('people', 'people.csv', peopleCsv(['赵敏,nope,,,,,,,']), CSV, true);
    expect(bad.errors).toBe(1);
  });

  it('refuses a file without the required columns or an empty body', async () => {
    const err = await apiError(upload('people', 'x.csv', new TextEncoder().encode('foo,bar\n1,2\n'), CSV));
    expect([err.status, err.code]).toEqual([400, 'org.import.missing_columns']);
    const empty = await apiError(upload('people', 'x.csv', new Uint8Array(), CSV));
    expect([empty.status, empty.code]).toEqual([400, 'org.import.empty']);
  });
});
