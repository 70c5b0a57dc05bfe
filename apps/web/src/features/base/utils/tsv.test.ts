import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv.ts';
import { moveSelection, pasteTarget, rangeOf, single } from './selection.ts';

describe('parseTsv', () => {
  it('reads a block copied from Excel, ignoring the trailing newline', () => {
    expect(parseTsv('a\tb\r\n1\t2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps quoted cells with tabs, newlines and doubled quotes, and empty cells', () => {
    expect(parseTsv('"line 1\nline 2"\t"say ""hi"""\t\nx\t\ty')).toEqual([
      ['line 1\nline 2', 'say "hi"', ''],
      ['x', '', 'y'],
    ]);
  });

  it('round-trips through toTsv', () => {
    const rows = [
      ['张伟', '1,200.50', 'a\tb'],
      ['', 'multi\nline', '"q"'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('leaves a quote inside a plain cell alone', () => {
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
  });
});

describe('selection', () => {
  it('extends with shift and clamps to the grid', () => {
    const s = moveSelection(single({ row: 0, col: 0 }), 1, 1, true, 10, 3);
    expect(rangeOf(s)).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect(moveSelection(s, -5, 0, false, 10, 3)).toEqual(single({ row: 0, col: 0 }));
  });

  it('fills a selected range with one pasted value, else pastes the block from the top-left corner', () => {
    const sel = { anchor: { row: 3, col: 2 }, focus: { row: 2, col: 1 } };
    expect(pasteTarget(sel, [['x']])).toEqual({
      top: 2,
      left: 1,
      rows: [
        ['x', 'x'],
        ['x', 'x'],
      ],
    });
    expect(pasteTarget(sel, [['a', 'b', 'c']]).rows).toEqual([['a', 'b', 'c']]);
  });
});
