import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index.ts';

describe('key index (numbering an import lookup keys)', () => {
  it('numbers each distinct prefixed key once, in first-seen order, and finds it by the whole string', () => {
    const index = new KeyIndex();
    // 1,000 distinct keys seen five times each, through several doublings of the table.
    const ids = Array.from({ length: 5000 }, (_, i) => index.add(`fld${i % 2}:`, `~小马${i % 1000}`));
    expect(index.size).toBe(1000);
    expect(ids.slice(0, 1000)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(ids.slice(1000, 2000)).toEqual(ids.slice(0, 1000));
    for (let i = 0; i < 1000; i++) expect(index.find(`fld${i % 2}:~小马${i}`)).toBe(i);
    expect(index.strings[999]).toBe('fld1:~小马999');
    // The same text under another prefix is another key; the same whole string split differently is the same key.
    expect(index.find('fld1:~小马0')).toBe(-1);
    expect(index.add('fld0', ':~小马0')).toBe(0);
  });
});
