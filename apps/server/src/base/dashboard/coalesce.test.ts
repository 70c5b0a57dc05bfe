import { describe, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database.ts';
import { coalesced } from './coalesce.ts';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('coalesced', () => {
  it('lets requests arriving during a computation share the next one, never the one already running', async () => {
    const db = {} as Db;
    const runs: ReturnType<typeof deferred<number>>[] = [];
    const compute = () => {
      const d = deferred<number>();
      runs.push(d);
      return d.promise;
    };
    const first = coalesced(db, 'k', compute);
    const second = coalesced(db, 'k', compute);
    const third = coalesced(db, 'k', compute);
    expect(runs).toHaveLength(1);
    runs[0]!.resolve(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(2);
    expect([await second, await third]).toEqual([2, 2]);
    // Nothing in flight: the next request computes afresh.
    const fourth = coalesced(db, 'k', compute);
    expect(runs).toHaveLength(3);
    runs[2]!.resolve(3);
    expect(await fourth).toBe(3);
  });

  it('keeps keys and databases apart, and a failure does not stick', async () => {
    const db = {} as Db;
    let n = 0;
    expect(await Promise.all([coalesced(db, 'a', async () => ++n), coalesced(db, 'b', async () => ++n), coalesced({} as Db, 'a', async () => ++n)])).toEqual([
      1, 2, 3,
    ]);
    await expect(coalesced(db, 'x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await coalesced(db, 'x', async () => 'ok')).toBe('ok');
  });
});
