import { describe, expect, it } from 'vitest';
import { OutboxCursor } from './outbox-cursor.ts';

describe('OutboxCursor', () => {
  it('delivers each seq once and advances over contiguous runs', () => {
    const c = new OutboxCursor(0);
    expect(c.take(1)).toBe(true);
    expect(c.take(2)).toBe(true);
    expect(c.take(2)).toBe(false);
    c.advance(0);
    expect(c.watermark).toBe(2);
    expect(c.hasGap).toBe(false);
  });
  it('waits for a late commit inside a hole, then delivers it', () => {
    const c = new OutboxCursor(0, 5000);
    c.take(1);
    c.take(3);
    c.advance(1000);
    expect(c.watermark).toBe(1);
    expect(c.hasGap).toBe(true);
    expect(c.take(2)).toBe(true); // seq 2 committed after 3
    c.advance(2000);
    expect(c.watermark).toBe(3);
  });
  it('skips a hole left by a rollback after the gap timeout', () => {
    const c = new OutboxCursor(0, 5000);
    c.take(2);
    c.advance(1000);
    expect(c.watermark).toBe(0);
    c.advance(7000);
    expect(c.watermark).toBe(2);
    expect(c.take(1)).toBe(false);
  });
});
