import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '@concord/table-engine';
import { autoMap } from './column-mapping.ts';

const field = (id: string, name: string): FieldMeta => ({ id, name, type: 'text', options: {} });
const fields = [field('f1', '客户名称'), field('f2', '手机'), field('f3', '负责人'), field('f4', '统一社会信用代码'), field('f5', '邮箱')];

describe('autoMap', () => {
  it('maps Chinese and English synonyms, ignoring case, width and spaces', () => {
    expect(autoMap(['公司名', '联系电话', 'Owner', '信用代码', 'E-mail', '随便一列'], fields)).toEqual({
      公司名: 'f1',
      联系电话: 'f2',
      Owner: 'f3',
      信用代码: 'f4',
      'E-mail': 'f5',
      随便一列: null,
    });
  });
  it('prefers an exact field name and uses each field once', () => {
    expect(autoMap(['客户名', '客户名称'], fields)).toEqual({ 客户名称: 'f1', 客户名: null });
    expect(autoMap(['Ｍｏｂｉｌｅ'], fields)).toEqual({ Ｍｏｂｉｌｅ: 'f2' });
  });
});
