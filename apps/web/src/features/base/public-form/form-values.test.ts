import { describe, expect, it } from 'vitest';
import { collectAnswers, serverFieldErrors, type FormField } from './form-values.ts';

const field = (id: string, type: FormField['type'], required = false, options: Record<string, unknown> = {}): FormField => ({
  id,
  name: `名称${id}`,
  type,
  options,
  required,
  hint: '',
});

describe('form answers', () => {
  const fields = [
    field('company', 'text', true),
    field('size', 'number'),
    field('share', 'percent'),
    field('visit', 'date', false, { timeZone: 'Asia/Shanghai' }),
    field('tags', 'multiSelect'),
    field('agree', 'checkbox', true),
    field('owner', 'person'),
    field('files', 'attachment'),
  ];

  it('sends API values: numbers, fractions for percent, dates in the field time zone, names and ids', () => {
    const out = collectAnswers(fields, {
      company: '  深圳小马出行 ',
      size: '1,200',
      share: '35',
      visit: '2026-03-09',
      tags: ['重点', '华南'],
      agree: true,
      owner: [{ id: 'usr1', name: '王伟' }],
    });
    expect(out.errors).toEqual({});
    expect(out.answers).toEqual({
      company: '深圳小马出行',
      size: 1200,
      share: 0.35,
      visit: Date.UTC(2026, 2, 8, 16),
      tags: ['重点', '华南'],
      agree: true,
      owner: ['usr1'],
    });
  });

  it('leaves blank optional fields out and flags required ones, including an unticked checkbox', () => {
    const out = collectAnswers(fields, { size: 'abc' });
    expect(out.answers).toEqual({});
    expect(out.errors).toEqual({ company: 'publicForm.error.required', size: 'publicForm.error.number', agree: 'publicForm.error.required' });
  });

  it('maps the server refusals to the fields they name', () => {
    expect(serverFieldErrors(fields, 'base.form.required', { missing: ['名称company'] }, '必填')).toEqual({ company: '必填' });
    expect(serverFieldErrors(fields, 'base.record.invalid_value', { problems: [{ index: 0, field: '名称size', message: '不是数字' }] }, '必填')).toEqual({
      size: '不是数字',
    });
    expect(serverFieldErrors(fields, 'base.other', {}, '必填')).toEqual({});
  });
});
