import { describe, expect, it } from 'vitest';
import { spread } from './record-order.service.ts';

describe('spread', () => {
  it('spaces records evenly between two positions', () => {
    expect(spread(1, 2, 1)).toEqual([1.5]);
    expect(spread(0, 4, 3)).toEqual([1, 2, 3]);
  });

  it('gives up when the values would be too close to tell apart in float8', () => {
    expect(spread(7, 7, 1)).toBeNull();
    expect(spread(1_000_000, 1_000_000 + 1e-7, 1)).toBeNull();
    expect(spread(10, 10 + 1e-9, 1)).not.toBeNull();
  });
});
