import { describe, expect, it } from 'vitest';
import { f, type FieldMeta } from '@concord/table-engine';
import type { AutomationTrigger } from '@concord/contracts';
import { changedFieldIds, leastLoadedPick, renderTemplate, roundRobinPick, triggerVerdict } from './trigger-match.ts';

const stage: FieldMeta = {
  id: 'fldStage',
  name: '阶段',
  type: 'singleSelect',
  options: { choices: [{ id: 'optQuote', name: '方案报价', color: 'blue', aliases: [] }] },
};
const fields = new Map([[stage.id, stage]]);

describe('trigger-match', () => {
  it('fires a field change only when the value really changed, and to one of the wanted values', () => {
    const trigger: AutomationTrigger = { kind: 'field_changed', fieldId: stage.id, to: ['optQuote'] };
    expect(triggerVerdict(trigger, { change: 'updated', changes: { fldStage: { old: 'optLead', new: 'optQuote' } } }, fields)).toEqual({
      fires: true,
      summary: '阶段 → 方案报价',
      filter: null,
    });
    expect(triggerVerdict(trigger, { change: 'updated', changes: { fldStage: { old: 'optQuote', new: 'optQuote' } } }, fields).fires).toBe(false);
    expect(triggerVerdict(trigger, { change: 'updated', changes: { fldStage: { old: null, new: 'optWon' } } }, fields).fires).toBe(false);
    expect(triggerVerdict(trigger, { change: 'updated', changes: null }, fields).fires).toBe(false);
  });

  it('fires "matches" on updates only when a field of the condition changed', () => {
    const trigger: AutomationTrigger = { kind: 'record_matches', filter: f.cond('fldAmount', 'isGreater', ['10']) };
    expect(triggerVerdict(trigger, { change: 'updated', changes: { fldNote: { old: 'a', new: 'b' } } }, fields).fires).toBe(false);
    expect(triggerVerdict(trigger, { change: 'updated', changes: { fldAmount: { old: 1, new: 20 } } }, fields)).toMatchObject({ fires: true });
    expect(triggerVerdict(trigger, { change: 'created', changes: null }, fields)).toMatchObject({ fires: true });
  });

  it('treats empty values alike and picks people fairly', () => {
    expect(changedFieldIds({ a: { old: null, new: [] }, b: { old: '', new: null }, c: { old: 1, new: 2 } })).toEqual(['c']);
    expect([0, 1, 2, 3].map((n) => roundRobinPick(['x', 'y', 'z'], n))).toEqual(['x', 'y', 'z', 'x']);
    expect(
      leastLoadedPick(
        ['x', 'y', 'z'],
        new Map([
          ['x', 2],
          ['y', 1],
        ]),
      ),
    ).toBe('z');
    expect(
      leastLoadedPick(
        ['x', 'y'],
        new Map([
          ['x', 1],
          ['y', 1],
        ]),
      ),
    ).toBe('x');
  });

  it('fills {{Field name}} placeholders and leaves unknown ones', () => {
    expect(renderTemplate('跟进 {{ 名称 }}：{{未知}}', (n) => (n === '名称' ? '滴滴' : undefined))).toBe('跟进 滴滴：{{未知}}');
  });
});
