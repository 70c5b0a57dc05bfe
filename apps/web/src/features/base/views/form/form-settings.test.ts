import { describe, expect, it } from 'vitest';
import type { FieldDto, TableDto } from '@concord/contracts';
import { cleanSettings, defaultSettings, formLink, moveField, previewForm } from './form-settings.ts';

const field = (id: string, type: FieldDto['type'], isPrimary = false): FieldDto => ({
  id,
  tableId: 'tbl',
  name: id,
  type,
  options: {},
  isPrimary,
  description: null,
});
const table: TableDto = {
  id: 'tbl',
  baseId: 'bas',
  name: '线索',
  primaryFieldId: 'company',
  fields: [field('company', 'text', true), field('phone', 'phone'), field('no', 'autoNumber'), field('files', 'attachment'), field('stage', 'singleSelect')],
  views: [],
};

describe('form designer settings', () => {
  it('asks for every askable field by default, the primary one required', () => {
    const s = defaultSettings(table, '客户登记');
    expect(s.fields).toEqual([
      { fieldId: 'company', required: true, hint: '' },
      { fieldId: 'phone', required: false, hint: '' },
      { fieldId: 'stage', required: false, hint: '' },
    ]);
  });

  it('drops deleted, computed, file and repeated fields before saving', () => {
    const s = { ...defaultSettings(table, 'x'), fields: ['gone', 'no', 'files', 'phone', 'phone'].map((fieldId) => ({ fieldId, required: false, hint: '' })) };
    expect(cleanSettings(table, s).fields.map((f) => f.fieldId)).toEqual(['phone']);
  });

  it('previews what the fill-in page shows, in the chosen order', () => {
    const s = defaultSettings(table, '客户登记');
    const moved = { ...s, fields: moveField(s.fields, 2, -1) };
    expect(previewForm(table, moved).fields.map((f) => [f.name, f.required])).toEqual([
      ['company', true],
      ['stage', false],
      ['phone', false],
    ]);
    expect(moveField(s.fields, 0, -1).map((f) => f.fieldId)).toEqual(['company', 'phone', 'stage']);
  });

  it('links to /forms/<token> on this site', () => {
    expect(formLink('https://concord.example.cn', 'shrABC')).toBe('https://concord.example.cn/forms/shrABC');
  });
});
