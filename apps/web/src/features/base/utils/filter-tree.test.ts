import { describe, expect, it } from 'vitest';
import { f } from '@concord/table-engine';
import { conditionCount, effectiveFilter, rootGroup, updateAt } from './filter-tree.ts';

describe('filter tree edits', () => {
  const tree = f.and(f.cond('a', 'contains', ['x']), f.or(f.cond('b', 'is', ['A']), f.cond('c', 'isEmpty')));

  it('replaces and removes nested nodes without touching the original', () => {
    const changed = updateAt(tree, [1, 0], () => f.cond('b', 'isNot', ['B']));
    expect(changed.children[1]).toEqual(f.or(f.cond('b', 'isNot', ['B']), f.cond('c', 'isEmpty')));
    expect(tree.children[1]).toEqual(f.or(f.cond('b', 'is', ['A']), f.cond('c', 'isEmpty')));
    expect(conditionCount(updateAt(tree, [1], () => null))).toBe(1);
  });

  it('leaves out conditions without a value and empty groups', () => {
    const draft = f.and(
      f.cond('a', 'contains', ['']),
      f.or(f.cond('b', 'is', [])),
      f.cond('c', 'isEmpty'),
      f.cond('d', 'is', [], { kind: 'relative', name: 'Today' }),
    );
    expect(effectiveFilter(draft)).toEqual(f.and(f.cond('c', 'isEmpty'), f.cond('d', 'is', [], { kind: 'relative', name: 'Today' })));
    expect(effectiveFilter(f.and(f.cond('a', 'is', [])))).toBeNull();
    expect(rootGroup(f.cond('a', 'isEmpty'))).toEqual(f.and(f.cond('a', 'isEmpty')));
  });
});
