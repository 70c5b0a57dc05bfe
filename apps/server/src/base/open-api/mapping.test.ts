import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { fieldOptions, fieldTypes, type FieldMeta } from '@concord/table-engine';
import { formatterOf, parseFormatter, toConcordField, toFeishuField } from './field-mapping.ts';
import { toFilterTree, toSortSpecs, parseLegacySort } from './filter-mapping.ts';
import { decodePageToken, encodePageToken, pageRequest, paginate } from './paging.ts';
import { fromFeishuValue, toFeishuValue } from './value-mapping.ts';
import { httpStatusFor } from './feishu-errors.ts';
import { formulaToFilter } from './formula-filter.ts';

const field = (id: string, name: string, type: FieldMeta['type'], options: Record<string, unknown> = {}): FieldMeta =>
  ({ id, name, type, options }) as FieldMeta;
const stage = field('fldStage', '阶段', 'singleSelect', { choices: [{ id: 'opt1', name: '线索', color: 'blue', aliases: [] }] });
const amount = field('fldAmount', '金额', 'number', { precision: 2, thousandsSeparator: false });
const signed = field('fldDate', '签约日期', 'date', { includeTime: false, timeZone: 'Asia/Shanghai', format: 'yyyy/MM/dd' });
const title = field('fldName', '客户', 'text');
const byName = new Map([stage, amount, signed, title].map((f) => [f.name, f]));

function feishuCode(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? (e.details as { feishuCode?: number }).feishuCode : undefined;
  }
  return undefined;
}

describe('field mapping', () => {
  it('turns Feishu definitions into Concord fields and back', () => {
    expect(toConcordField({ field_name: ' 金额 ', type: 2, property: { formatter: '1,000.00' } })).toMatchObject({
      name: '金额',
      type: 'number',
      options: { precision: 2, thousandsSeparator: true },
    });
    expect(toConcordField({ field_name: '完成率', type: 2, property: { formatter: '0%' } }).type).toBe('percent');
    expect(toConcordField({ field_name: '邮箱', type: 1, ui_type: 'Email' }).type).toBe('email');
    expect(toConcordField({ field_name: '时间', type: 5, property: { date_formatter: 'yyyy/MM/dd HH:mm' } })).toMatchObject({
      type: 'date',
      options: { includeTime: true },
    });
    expect(toFeishuField(amount, { isPrimary: false, description: null })).toMatchObject({ type: 2, ui_type: 'Number', property: { formatter: '0.00' } });
    expect(parseFormatter('0.000')).toEqual({ precision: 3, thousandsSeparator: false, percent: false });
    expect(formatterOf(1, true, true)).toBe('1,000.0%');
  });

  it('gives every Concord type a Feishu type number', () => {
    const required: Partial<Record<FieldMeta['type'], Record<string, unknown>>> = {
      link: { tableId: 'tblX' },
      lookup: { linkFieldId: 'l', targetFieldId: 't' },
      rollup: { linkFieldId: 'l', targetFieldId: 't', function: 'sum' },
      formula: { expression: '1' },
    };
    for (const type of fieldTypes) {
      const { options } = fieldOptions.parse({ type, options: required[type] ?? {} });
      expect(toFeishuField(field('f1', 'x', type, options), { isPrimary: false, description: null }).type).toBeGreaterThan(0);
    }
  });

  it('uses Feishu property error codes and refuses unsupported types', () => {
    expect(feishuCode(() => toConcordField({ field_name: '关联', type: 18, property: {} }))).toBe(1254089);
    expect(feishuCode(() => toConcordField({ field_name: '公式', type: 20 }))).toBe(1254091);
    expect(feishuCode(() => toConcordField({ field_name: '位置', type: 22 }))).toBe(1254012);
    expect(feishuCode(() => toConcordField({ field_name: '  ', type: 1 }))).toBe(1254028);
  });
});

describe('value mapping', () => {
  it('checks write shapes per type', () => {
    expect(fromFeishuValue(amount, 12.5)).toEqual({ ok: true, value: 12.5 });
    expect(fromFeishuValue(amount, '12.5')).toMatchObject({ ok: false, code: 1254015 });
    expect(fromFeishuValue(signed, '2026-12-01')).toMatchObject({ ok: false, code: 1254064 });
    expect(fromFeishuValue(field('p', '人', 'person'), 'ou_1')).toMatchObject({ ok: false, code: 1254066 });
    expect(fromFeishuValue(field('u', '网址', 'url'), { link: 'https://a.cn', text: 'A' })).toEqual({ ok: true, value: { link: 'https://a.cn' } });
    expect(fromFeishuValue(amount, null)).toEqual({ ok: true, value: null });
  });

  it('reads text as a string or as segments, and links as ids or link_record_ids', () => {
    const name = field('n', '名称', 'text');
    expect(toFeishuValue(name, '极速', { text: 'plain', links: 'read' })).toBe('极速');
    expect(toFeishuValue(name, '极速', { text: 'segments', links: 'read' })).toEqual([{ type: 'text', text: '极速' }]);
    const link = field('l', '联系人', 'link', { tableId: 'tblX', multiple: true, reverseFieldId: null });
    expect(toFeishuValue(link, ['rec1'], { text: 'plain', links: 'read' })).toEqual({ link_record_ids: ['rec1'] });
    expect(toFeishuValue(link, ['rec1'], { text: 'plain', links: 'write' })).toEqual(['rec1']);
    expect(toFeishuValue(name, null, { text: 'plain', links: 'read' })).toBeUndefined();
  });
});

describe('filter mapping', () => {
  it('builds an and/or tree by field name with date operands', () => {
    const tree = toFilterTree(
      {
        conjunction: 'or',
        conditions: [{ field_name: '金额', operator: 'isGreater', value: ['100'] }],
        children: [{ conjunction: 'and', conditions: [{ field_name: '签约日期', operator: 'is', value: ['Today'] }] }],
      },
      byName,
    );
    expect(tree).toEqual({
      kind: 'group',
      conjunction: 'or',
      children: [
        { kind: 'condition', fieldId: 'fldAmount', operator: 'isGreater', values: ['100'] },
        {
          kind: 'group',
          conjunction: 'and',
          children: [{ kind: 'condition', fieldId: 'fldDate', operator: 'is', values: [], date: { kind: 'relative', name: 'Today' } }],
        },
      ],
    });
  });

  it('matches nothing for an option the field lacks, and reports bad filters and sorts with Feishu codes', () => {
    const none = toFilterTree({ conjunction: 'and', conditions: [{ field_name: '阶段', operator: 'is', value: ['赢单'] }] }, byName);
    expect(JSON.stringify(none)).toContain('isNotEmpty');
    expect(feishuCode(() => toFilterTree({ conjunction: 'and', conditions: [{ field_name: '无', operator: 'is', value: ['1'] }] }, byName))).toBe(1254018);
    expect(
      feishuCode(() => toFilterTree({ conjunction: 'and', conditions: [{ field_name: '签约日期', operator: 'isGreater', value: ['CurrentWeek'] }] }, byName)),
    ).toBe(1254018);
    expect(feishuCode(() => toFilterTree({ conjunction: 'xor', conditions: [] }, byName))).toBe(1254018);
    expect(feishuCode(() => toSortSpecs([{ field_name: '无' }], byName))).toBe(1254016);
    expect(parseLegacySort('["金额 DESC", "阶段"]', byName)).toEqual([
      { fieldId: 'fldAmount', desc: true },
      { fieldId: 'fldStage', desc: false },
    ]);
  });
});

describe('paging', () => {
  it('always pairs has_more with a token that continues where the page ended', () => {
    const all = Array.from({ length: 45 }, (_, i) => i);
    const first = paginate(all, pageRequest({}));
    expect(first).toMatchObject({ has_more: true, total: 45, items: all.slice(0, 20) });
    const second = paginate(all, pageRequest({ page_token: first.page_token }));
    expect(second.items[0]).toBe(20);
    const last = paginate(all, pageRequest({ page_token: encodePageToken(40), page_size: 10 }));
    expect(last).toEqual({ items: all.slice(40), has_more: false, total: 45 });
    expect(pageRequest({ page_size: 5000 }).limit).toBe(500);
    expect(feishuCode(() => pageRequest({ page_size: 0 }))).toBe(1254011);
    expect(feishuCode(() => decodePageToken('not-a-token'))).toBe(1254002);
  });

  it("mirrors Feishu's HTTP status per endpoint and code", () => {
    expect(httpStatusFor('record', 1254045)).toBe(200);
    expect(httpStatusFor('record', 1254015)).toBe(400);
    expect(httpStatusFor('meta', 1254015)).toBe(200);
    expect(httpStatusFor('meta', 1254082)).toBe(400);
    expect(httpStatusFor('batchGet', 1254043)).toBe(404);
    expect(httpStatusFor('record', 1254302)).toBe(403);
  });
});

describe('legacy formula filters', () => {
  const c = (fieldId: string, operator: string, values: string[] = []) => ({ kind: 'condition', fieldId, operator, values });
  it('reads comparisons, contains, AND/OR/NOT and && / ||', () => {
    expect(formulaToFilter('CurrentValue.[阶段]="线索"', byName)).toEqual(c('fldStage', 'is', ['线索']));
    expect(formulaToFilter('AND(CurrentValue.[金额]>=100, NOT(CurrentValue.[阶段]="线索"))', byName)).toEqual({
      kind: 'group',
      conjunction: 'and',
      children: [c('fldAmount', 'isGreaterEqual', ['100']), c('fldStage', 'isNot', ['线索'])],
    });
    expect(formulaToFilter('CurrentValue.[客户].contains("极速") || 100 < CurrentValue.[金额]', byName)).toEqual({
      kind: 'group',
      conjunction: 'or',
      children: [c('fldName', 'contains', ['极速']), c('fldAmount', 'isGreater', ['100'])],
    });
    expect(formulaToFilter('CurrentValue.[金额]=""', byName)).toEqual(c('fldAmount', 'isEmpty'));
    expect(formulaToFilter('CurrentValue.[签约日期]=TODAY()', byName)).toMatchObject({
      fieldId: 'fldDate',
      operator: 'is',
      date: { kind: 'relative', name: 'Today' },
    });
  });

  it('reports what it cannot read as InvalidFilter', () => {
    expect(feishuCode(() => formulaToFilter('CurrentValue.[金额] ~ 1', byName))).toBe(1254018);
    expect(feishuCode(() => formulaToFilter('AND(CurrentValue.[金额]>1', byName))).toBe(1254018);
    expect(feishuCode(() => formulaToFilter('CurrentValue.[无此字段]="x"', byName))).toBe(1254018);
  });
});
