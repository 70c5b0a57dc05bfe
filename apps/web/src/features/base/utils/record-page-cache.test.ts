import { describe, expect, it } from 'vitest';
import type { RecordDto } from '@concord/contracts';
import { RecordPageCache } from './record-page-cache.ts';

const rec = (i: number, version = 1, name = `r${i}`): RecordDto => ({
  id: `rec${i}`,
  fields: { name },
  version,
  seq: i,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: null,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: null,
});

function fakeServer(total: number) {
  const calls: number[] = [];
  let names = (i: number) => `r${i}`;
  const server = {
    calls,
    rename(fn: (i: number) => string) {
      names = fn;
    },
    totals: [] as boolean[],
    fetchPage: async (offset: number, limit: number, withTotal: boolean) => {
      calls.push(offset);
      server.totals.push(withTotal);
      const items: RecordDto[] = [];
      for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(rec(i, 1, names(i)));
      return { items, total: withTotal ? total : -1 };
    },
  };
  return server;
}

describe('RecordPageCache', () => {
  it('keeps the total of the latest request when an earlier one answers last', async () => {
    // The first answer (a count from before an undo) is held back until the second (after it) has arrived.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let call = 0;
    const fetchPage = async (offset: number, limit: number) => {
      const mine = ++call;
      if (mine === 1) await held;
      const total = mine === 1 ? 3 : 4;
      return { items: Array.from({ length: Math.min(limit, total - offset) }, (_, i) => rec(offset + i)), total };
    };
    const cache = new RecordPageCache({ pageSize: 100, maxPages: 4, fetchPage, debounceMs: 0 });
    cache.setWindow(0, 10);
    await new Promise((r) => setTimeout(r, 0));
    cache.refresh('all');
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.total).toBe(4);
    release();
    await cache.idle();
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.total).toBe(4);
  });

  it('loads only the page of the window the user lands on, even in a million rows', async () => {
    const server = fakeServer(1_000_000);
    const cache = new RecordPageCache({ pageSize: 200, maxPages: 8, fetchPage: server.fetchPage, debounceMs: 0 });
    cache.setWindow(500_080, 500_110);
    await cache.idle();
    expect(server.calls).toEqual([500_000]);
    expect(cache.total).toBe(1_000_000);
    expect(cache.rowAt(500_090)?.id).toBe('rec500090');
    expect(cache.rowAt(10)).toBeUndefined();
  });

  it('prefetches the next page near the end of a page and drops far pages', async () => {
    const server = fakeServer(10_000);
    const cache = new RecordPageCache({ pageSize: 100, maxPages: 3, fetchPage: server.fetchPage, debounceMs: 0 });
    cache.setWindow(0, 30);
    await cache.idle();
    cache.setWindow(60, 90);
    await cache.idle();
    expect(server.calls).toEqual([0, 100]);
    // Only the first page is counted; scrolling on does not ask again.
    expect(server.totals).toEqual([true, false]);
    expect(cache.total).toBe(10_000);
    for (const first of [2000, 4000, 6000]) {
      cache.setWindow(first, first + 30);
      await cache.idle();
    }
    expect(cache.rowAt(5)).toBeUndefined();
    expect(cache.rowAt(6010)?.id).toBe('rec6010');
  });

  it('refetches only the pages holding changed records and keeps showing them meanwhile', async () => {
    const server = fakeServer(1000);
    const cache = new RecordPageCache({ pageSize: 100, maxPages: 10, fetchPage: server.fetchPage, debounceMs: 0 });
    cache.setWindow(90, 120);
    await cache.idle();
    server.calls.length = 0;
    server.rename((i) => (i === 105 ? 'changed' : `r${i}`));
    cache.refresh(cache.pagesHolding(['rec105']));
    expect(cache.rowAt(105)?.fields.name).toBe('r105');
    await cache.idle();
    expect(server.calls).toEqual([100]);
    expect(cache.rowAt(105)?.fields.name).toBe('changed');
  });

  it('keeps a local edit over a refetch until it is cleared, and ignores older versions on patch', async () => {
    const server = fakeServer(50);
    const cache = new RecordPageCache({ pageSize: 100, maxPages: 10, fetchPage: server.fetchPage, debounceMs: 0 });
    cache.setWindow(0, 10);
    await cache.idle();
    cache.setOverride('rec3', { name: 'typed' });
    cache.refresh('all');
    await cache.idle();
    expect(cache.rowAt(3)?.fields.name).toBe('typed');
    cache.patch([rec(3, 2, 'saved')]);
    cache.clearOverride('rec3', ['name']);
    expect(cache.rowAt(3)?.fields.name).toBe('saved');
    cache.patch([rec(3, 1, 'older')]);
    expect(cache.rowAt(3)?.fields.name).toBe('saved');
    expect(cache.indexOf('rec3')).toBe(3);
  });
});
