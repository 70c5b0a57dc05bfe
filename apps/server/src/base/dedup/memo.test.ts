import { describe, expect, it } from 'vitest';
import { memo } from './memo.ts';

describe('memo', () => {
  it('computes each text once while it is among the recent ones, and again once it has been forgotten', () => {
    const calls: string[] = [];
    const upper = memo((t: string) => {
      calls.push(t);
      return t.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    // 'c' starts a new generation; 'a' and 'b' are still remembered in the previous one, and 'a' moves along.
    upper('c');
    upper('a');
    upper('d'); // the generation holding 'b' is dropped
    upper('b');
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'b']);
  });

  it('remembers null and undefined results too', () => {
    let calls = 0;
    const none = memo(() => {
      calls++;
      return null;
    });
    none('x');
    none('x');
    expect(calls).toBe(1);
  });
});
