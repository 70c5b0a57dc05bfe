import type { FieldMeta, FieldType, OptionsOf } from '../field-types.ts';
import type { CheckOptions } from './check.ts';
import type { FormulaType } from './types.ts';

/** A small CRM-like table shared by the formula tests. */
const field = <T extends FieldType>(id: string, name: string, type: T, options: OptionsOf<T>): FieldMeta => ({ id, name, type, options }) as FieldMeta;

export const FIELDS: readonly FieldMeta[] = [
  field('name', '客户名', 'text', {}),
  field('amount', '金额', 'currency', { precision: 2, thousandsSeparator: true, currency: 'CNY' }),
  field('qty', '数量', 'number', { precision: 0, thousandsSeparator: false }),
  field('due', '截止日期', 'date', { includeTime: false, timeZone: 'Asia/Shanghai', format: 'yyyy/MM/dd' }),
  field('done', '已完成', 'checkbox', {}),
  field('tags', '标签', 'multiSelect', { choices: [] }),
  field('scores', '分数', 'lookup', { linkFieldId: 'link', targetFieldId: 'score' }),
  field('note', '备注', 'longText', {}),
  field('created', '创建时间', 'createdTime', { includeTime: true }),
  field('owner', '负责人', 'person', { multiple: true }),
  field('stage', 'Deal Stage', 'singleSelect', { choices: [] }),
  field('total', '汇总', 'rollup', { linkFieldId: 'link', targetFieldId: 'score', function: 'sum' }),
  field('self', '评级', 'formula', { expression: '1' }),
];

const byName = new Map(FIELDS.map((f) => [f.name, f]));
const resolved: Partial<Record<string, FormulaType>> = { scores: 'number[]' };

export const CHECK_OPTIONS: CheckOptions = {
  fields: (name) => byName.get(name),
  selfFieldId: 'self',
  resolveType: (f) => resolved[f.id],
};

/** 2025-01-15 01:30 in Shanghai (still the 14th in UTC), so time-zone mistakes show up as a wrong day. */
export const NOW = new Date('2025-01-14T17:30:00Z');
export const CTX = { now: NOW, timeZone: 'Asia/Shanghai' } as const;
