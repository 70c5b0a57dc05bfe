import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { findHeaderRow, readSpreadsheet } from './read-spreadsheet.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readSpreadsheet: CSV', () => {
  it('reads GBK bytes written by Excel on Chinese Windows', async () => {
    const bytes = iconv.encode('姓名,部门\r\n张伟,技术中心\r\n欧阳娜娜,"运营中心/华东运营"\r\n', 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { sheets } = await readSpreadsheet(bytes, 'people.csv');
    expect(sheets[0]!.rows).toEqual([
      ['姓名', '部门'],
      ['张伟', '技术中心'],
      ['欧阳娜娜', '运营中心/华东运营'],
    ]);
  });

  it('reads GB18030-only characters', async () => {
    const { sheets } = await readSpreadsheet(iconv.encode('名称\n𠀀字\n', 'gb18030'), 'x.csv');
    expect(sheets[0]!.rows[1]).toEqual(['𠀀字']);
  });

  it('reads UTF-8 with a BOM, CRLF, quoted commas, quotes and newlines, dropping trailing empty rows', async () => {
    const text = '\uFEFF名称,备注\r\n"A, Inc.","说""你好""\r\n第二行"\r\n,\r\n\r\n';
    const { sheets } = await readSpreadsheet(utf8(text), 'x.csv');
    expect(sheets[0]!.rows).toEqual([
      ['名称', '备注'],
      ['A, Inc.', '说"你好"\r\n第二行'],
    ]);
    expect(sheets[0]!.name).toBe('x');
  });

  it('reads UTF-8 without a BOM and tab-separated text', async () => {
    expect((await readSpreadsheet(utf8('a\tb\n1\t2'), 'x.txt')).sheets[0]!.rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses old .xls files with a clear code', async () => {
    await expect(readSpreadsheet(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.xls')).rejects.toMatchObject({ code: 'spreadsheet.xls_unsupported' });
    await expect(readSpreadsheet(utf8('not a zip'), 'a.xlsx')).rejects.toMatchObject({ code: 'spreadsheet.unreadable' });
  });
});

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('部门');
  ws.addRow(['2026 年部门架构']);
  ws.mergeCells('A1:D1');
  ws.addRow(['部门名称', '上级部门', '负责人', '成立日期']);
  ws.addRow(['技术中心', '', { richText: [{ text: '张' }, { text: '伟' }] }, new Date(Date.UTC(2024, 0, 5))]);
  const r = ws.addRow(['平台研发部', { text: '技术中心', hyperlink: 'https://example.com' }, { formula: 'LOWER("ZW@X.CN")', result: 'zw@x.cn' }, 45296]);
  r.getCell(4).numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow(['１２,３４５', '', '', 45296.5]);
  ws.addRow([]);
  ws.addRow([]);
  const other = wb.addWorksheet('Other');
  other.addRow(['x', 'y']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readSpreadsheet: XLSX', () => {
  it('reads every sheet; merged title, rich text, links, formulas and dates become their text', async () => {
    const { sheets } = await readSpreadsheet(await workbook(), 'whatever.bin');
    expect(sheets.map((s) => s.name)).toEqual(['部门', 'Other']);
    expect(sheets[0]!.rows).toEqual([
      ['2026 年部门架构', '', '', ''],
      ['部门名称', '上级部门', '负责人', '成立日期'],
      ['技术中心', '', '张伟', '2024-01-05'],
      ['平台研发部', '技术中心', 'zw@x.cn', '2024-01-05'],
      ['１２,３４５', '', '', '45296.5'],
    ]);
    expect(findHeaderRow(sheets[0]!.rows)).toBe(1);
    expect(sheets[1]!.rows).toEqual([['x', 'y']]);
  });
});
