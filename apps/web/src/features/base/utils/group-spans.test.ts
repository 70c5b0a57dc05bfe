import { describe, expect, it } from 'vitest';
import type { RecordGroupDto } from '@concord/contracts';
import { GroupSpanSource, spansOverlapping } from './group-spans.ts';

const g = (depth: number, key: string, start: number, count: number): RecordGroupDto => ({ depth, key, fieldId: 'fld', value: key, count, start });
// Two outer groups with two and one inner groups.
const GROUPS = [g(0, 'A', 0, 30), g(1, 'A1', 0, 10), g(1, 'A2', 10, 20), g(0, 'B', 30, 5), g(1, 'B1', 30, 5)];

describe('group spans', () => {
  it('are the innermost groups a page overlaps', () => {
    expect(spansOverlapping(GROUPS, 5, 10).map((s) => s.key)).toEqual(['A1', 'A2']);
    expect(spansOverlapping(GROUPS, 10, 20)).toEqual([{ key: 'A2', start: 10, count: 20 }]);
    expect(spansOverlapping(GROUPS, 29, 100).map((s) => s.key)).toEqual(['A2', 'B1']);
  });

  it('come only from the counts of the current reset, waiting for them briefly', async () => {
    const source = new GroupSpanSource();
    const cache = {};
    const pending = source.spans(cache, 1, 0, 5, 1000);
    source.set(cache, 0, GROUPS);
    source.set(cache, 1, undefined);
    source.set(cache, 1, GROUPS);
    expect((await pending)?.map((s) => s.key)).toEqual(['A1']);
    // A page of an older reset, another cache, or no counts in time: none.
    expect(await source.spans(cache, 0, 0, 5)).toBeUndefined();
    expect(await source.spans({}, 1, 0, 5, 10)).toBeUndefined();
    source.set(cache, 2, null);
    expect(await source.spans(cache, 2, 0, 5)).toBeUndefined();
  });
});
