import { describe, expect, it } from 'vitest';
import type { FieldDto } from '@concord/contracts';
import type { FieldType } from '@concord/table-engine';
import { cellText } from './format.ts';

const field = (type: FieldType, options: Record<string, unknown> = {}): FieldDto => ({
  id: 'fld1',
  tableId: 'tbl1',
  name: 'F',
  type,
  options,
  isPrimary: false,
  description: null,
});

describe('cellText', () => {
  it('formats numbers per the field options', () => {
    expect(cellText(field('number', { precision: 2, thousandsSeparator: true }), 1234567.891)).toBe('1,234,567.89');
    expect(cellText(field('currency', { currency: 'CNY', precision: 2, thousandsSeparator: true }), 1200)).toBe('¥1,200.00');
    expect(cellText(field('percent', { precision: 1 }), 0.125)).toBe('12.5%');
    expect(cellText(field('progress'), 0.5)).toBe('50%');
  });

  it('shows dates in the field time zone with its pattern', () => {
    const at = Date.UTC(2026, 10, 23, 18, 30); // 2026-11-24 02:30 in Shanghai
    expect(cellText(field('date', { timeZone: 'Asia/Shanghai', format: 'yyyy/MM/dd', includeTime: false }), at)).toBe('2026/11/24');
    expect(cellText(field('date', { timeZone: 'America/New_York', format: 'yyyy-MM-dd', includeTime: true }), at)).toBe('2026-11-23 13:30');
  });

  it('names people, options and url links', () => {
    expect(
      cellText(field('person'), [
        { id: 'ou_1', name: '张伟' },
        { id: 'ou_2', name: 'Li Na' },
      ]),
    ).toBe('张伟, Li Na');
    expect(cellText(field('multiSelect'), ['A', 'B'])).toBe('A, B');
    expect(cellText(field('url'), { link: 'https://example.com', text: 'x' })).toBe('https://example.com');
    expect(cellText(field('checkbox'), true)).toBe('true');
    expect(cellText(field('text'), null)).toBe('');
  });
});
