import { describe, expect, it } from 'vitest';
import type { FieldDto } from '@concord/contracts';
import type { FieldType } from '@concord/table-engine';
import { pasteValues, SKIP } from './paste-values.ts';

const field = (id: string, type: FieldType): FieldDto => ({ id, tableId: 't', name: id, type, options: {}, isPrimary: false, description: null });
const resolvers = {
  people: async (names: string[]) => new Map(names.filter((n) => n === '张伟').map((n) => [n, { id: 'ou_1', name: n }])),
  departments: async () => new Map(),
};

describe('pasteValues', () => {
  it('sends text as typed, resolves people by name, skips read-only and unresolvable cells', async () => {
    const cols = [field('a', 'number'), field('b', 'person'), field('c', 'formula'), field('d', 'link')];
    const { rows, skipped } = await pasteValues(
      cols,
      [
        ['1,200', '张伟', 'x', 'rec1'],
        ['', '李四', 'y', ''],
      ],
      null,
      resolvers,
    );
    expect(rows).toEqual([
      ['1,200', [{ id: 'ou_1', name: '张伟' }], SKIP, SKIP],
      [null, SKIP, SKIP, null],
    ]);
    expect(skipped).toBe(2);
  });

  it('uses the values behind this grid’s own copy for id-valued fields only', async () => {
    const cols = [field('a', 'link'), field('b', 'text')];
    const internal = { text: 'A\tB', values: [[['rec9'], { weird: true }]] };
    const { rows } = await pasteValues(cols, [['A', 'B']], internal, resolvers);
    expect(rows).toEqual([[['rec9'], 'B']]);
  });
});
