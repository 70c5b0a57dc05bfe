import { describe, expect, it } from 'vitest';
import { addMonths, dayKeyOf, gridRange, monthGrid, moveToDay, newRecordTime } from './month-grid.ts';

const SHANGHAI = 'Asia/Shanghai';

describe('month grid', () => {
  it('shows whole weeks from Monday, with the neighbouring months greyed', () => {
    // March 2026 starts on a Sunday and ends on a Tuesday.
    const days = monthGrid({ y: 2026, m: 3 });
    expect(days.length).toBe(42);
    expect(days[0]!.key).toBe('2026-02-23');
    expect(days[6]!).toMatchObject({ key: '2026-03-01', inMonth: true });
    expect(days[0]!.inMonth).toBe(false);
    expect(days.at(-1)!.key).toBe('2026-04-05');
  });

  it('needs only four weeks for a February that starts on Monday', () => {
    const days = monthGrid({ y: 2027, m: 2 });
    expect(days.length).toBe(28);
    expect(days[0]!.key).toBe('2027-02-01');
  });

  it('can start weeks on Sunday', () => {
    expect(monthGrid({ y: 2026, m: 3 }, 0)[0]!.key).toBe('2026-03-01');
  });

  it('steps across year ends', () => {
    expect(addMonths({ y: 2026, m: 12 }, 1)).toEqual({ y: 2027, m: 1 });
    expect(addMonths({ y: 2026, m: 1 }, -1)).toEqual({ y: 2025, m: 12 });
  });

  it('covers the grid from Shanghai midnight to Shanghai midnight', () => {
    const range = gridRange(monthGrid({ y: 2026, m: 3 }), SHANGHAI);
    expect(new Date(range.from).toISOString()).toBe('2026-02-22T16:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2026-04-05T16:00:00.000Z');
  });

  it('puts an instant on its day in the field time zone, not UTC', () => {
    // 2026-03-09 23:30 UTC is already the 10th in Shanghai.
    expect(dayKeyOf(Date.UTC(2026, 2, 9, 23, 30), SHANGHAI)).toBe('2026-03-10');
    expect(dayKeyOf(Date.UTC(2026, 2, 9, 23, 30), 'UTC')).toBe('2026-03-09');
  });

  it('keeps the time of day when a record moves to another day', () => {
    const meeting = Date.UTC(2026, 2, 9, 6, 0, 30); // 14:00:30 in Shanghai
    expect(new Date(moveToDay(meeting, { y: 2026, m: 3, d: 13 }, SHANGHAI)).toISOString()).toBe('2026-03-13T06:00:30.000Z');
    // Across a daylight-saving change the wall time stays (New York springs forward on 2026-03-08).
    const nine = Date.UTC(2026, 2, 6, 14); // 09:00 EST
    expect(new Date(moveToDay(nine, { y: 2026, m: 3, d: 9 }, 'America/New_York')).toISOString()).toBe('2026-03-09T13:00:00.000Z');
  });

  it('dates a new record at the start of the clicked day, or 09:00 for fields with times', () => {
    expect(new Date(newRecordTime({ y: 2026, m: 3, d: 13 }, SHANGHAI, false)).toISOString()).toBe('2026-03-12T16:00:00.000Z');
    expect(new Date(newRecordTime({ y: 2026, m: 3, d: 13 }, SHANGHAI, true)).toISOString()).toBe('2026-03-13T01:00:00.000Z');
  });
});
