import { describe, expect, it } from 'vitest';
import { parseNumberText, stripThousands, toHalfWidth } from '@concord/table-engine';
import { excelSerialToDate } from './normalize.ts';
import { findHeaderRow } from './header-row.ts';

describe('normalisation helpers', () => {
  it('turns full-width digits, letters and spaces half-width', () => {
    expect(toHalfWidth('１３８　ＡＢＣ＠ｘ．ｃｎ')).toBe('138 ABC@x.cn');
    expect(toHalfWidth('张伟')).toBe('张伟');
  });
  it('strips thousands separators only from well-formed grouped numbers', () => {
    expect(stripThousands('1,234,567.89')).toBe('1234567.89');
    expect(stripThousands('-12,345')).toBe('-12345');
    expect(stripThousands('12,34')).toBe('12,34');
    expect(stripThousands('a,b')).toBe('a,b');
  });
  it('parses numbers people type', () => {
    expect(parseNumberText('１２,３４５')).toBe(12345);
    expect(parseNumberText(' 3.5 ')).toBe(3.5);
    expect(parseNumberText('3 个')).toBeNull();
    expect(parseNumberText('')).toBeNull();
  });
  it('converts Excel serial dates', () => {
    expect(excelSerialToDate(45296).toISOString()).toBe('2024-01-05T00:00:00.000Z');
    expect(excelSerialToDate(45296.5).toISOString()).toBe('2024-01-05T12:00:00.000Z');
  });
});

describe('findHeaderRow', () => {
  it('skips a title row and blank rows', () => {
    expect(
      findHeaderRow([
        ['通讯录', '', ''],
        ['', '', ''],
        ['姓名', '邮箱', '手机'],
        ['张伟', 'zw@x.cn', '138'],
      ]),
    ).toBe(2);
  });
  it('does not take a row of numbers for a header', () => {
    expect(
      findHeaderRow([
        ['1', '2', '3'],
        ['名称', '数量', '价格'],
      ]),
    ).toBe(1);
  });
  it('accepts a header with a few blank columns and reports -1 for an empty sheet', () => {
    expect(findHeaderRow([['姓名', '', '邮箱', '手机', '部门']])).toBe(0);
    expect(findHeaderRow([])).toBe(-1);
  });
});
