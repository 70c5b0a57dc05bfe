import type { RecordDto } from '@concord/contracts';

export interface RecordPage {
  items: RecordDto[];
  total: number;
}

export interface RecordPageCacheOptions {
  /** Rows per request (100–1000). */
  pageSize: number;
  /** Pages kept in memory; the ones farthest from the visible window are dropped first. */
  maxPages: number;
  /** `withTotal` false lets the server skip counting (it then answers total -1). */
  fetchPage: (offset: number, limit: number, withTotal: boolean) => Promise<RecordPage>;
  /** Delay before fetching, so a scrollbar drag across a million rows asks only for where it stops. */
  debounceMs?: number;
  onError?: (err: unknown) => void;
}

interface PageEntry {
  records: RecordDto[] | null;
  /** Id of the request whose answer this page waits for; answers of older requests are ignored. */
  request: number;
  loading: boolean;
  /** Known to be out of date (a realtime event touched it): shown until the refetch lands. */
  stale: boolean;
}

/**
 * The rows of one table query (filter + sort), fetched by offset in pages around the visible window and cached in a
 * Map keyed by page index. Jumping anywhere costs one request; far pages are dropped. Local edits overlay the cached
 * rows until the server answers, so a refetch racing an edit never shows the old value.
 */
export class RecordPageCache {
  total: number | null = null;
  /** Bumped on every change; React reads it through useSyncExternalStore. */
  version = 0;
  /** Bumped by `refresh('all')`: whatever is derived from the whole query (group counts) should be fetched again. */
  resets = 0;
  private readonly pages = new Map<number, PageEntry>();
  private readonly overrides = new Map<string, Record<string, unknown>>();
  private readonly listeners = new Set<() => void>();
  /** Row ranges on screen: one, or several when collapsed groups hide the rows between them. */
  private window: { first: number; last: number }[] = [{ first: 0, last: 0 }];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextRequest = 1;
  /** The request the current total came from: an answer to an earlier one (it may arrive late) never replaces it. */
  private totalRequest = 0;
  private disposed = false;
  private readonly waiters = new Set<() => void>();
  /** The next request asks for the count: at first, and after changes that can add or remove rows. */
  private needTotal = true;

  constructor(private readonly options: RecordPageCacheOptions) {}

  get pageSize(): number {
    return this.options.pageSize;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** Stops loading and ignores answers still in flight. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Undoes `dispose` (React mounts effects twice in development). */
  resume(): void {
    if (!this.disposed) return;
    this.disposed = false;
    for (const page of this.pages.values()) if (page.loading) page.stale = true;
    this.schedule();
  }

  /** The record at a row index, with pending local edits applied; undefined while its page loads. */
  rowAt(index: number): RecordDto | undefined {
    const page = this.pages.get(Math.floor(index / this.options.pageSize));
    const rec = page?.records?.[index % this.options.pageSize];
    if (!rec) return undefined;
    const over = this.overrides.get(rec.id);
    return over ? { ...rec, fields: { ...rec.fields, ...over } } : rec;
  }

  /** The loaded records of one page (without local edits), or null. */
  pageRecords(page: number): readonly RecordDto[] | null {
    return this.pages.get(page)?.records ?? null;
  }

  /** Whether the row's page is loading or being refreshed. */
  isPending(index: number): boolean {
    const page = this.pages.get(Math.floor(index / this.options.pageSize));
    return !page?.records || page.loading;
  }

  /** Row index of a loaded record, or -1. */
  indexOf(recordId: string): number {
    for (const [p, page] of this.pages) {
      const i = page.records?.findIndex((r) => r.id === recordId) ?? -1;
      if (i >= 0) return p * this.options.pageSize + i;
    }
    return -1;
  }

  /** Tells the cache which rows are on screen; loads what is missing (debounced) and drops far pages. */
  setWindow(first: number, last: number): void {
    this.setRanges([{ first, last }]);
  }

  /** Like `setWindow` for several separate row ranges (a grouped grid with collapsed groups between them). */
  setRanges(ranges: readonly { first: number; last: number }[]): void {
    const next = ranges.map((r) => ({ first: Math.max(0, r.first), last: Math.max(r.first, r.last) }));
    this.window = next.length ? next : [{ first: 0, last: 0 }];
    this.schedule();
  }

  /** Loads the pages of a row range now (before a paste or copy over rows not on screen). */
  async ensureRows(first: number, last: number): Promise<void> {
    const wanted = this.pageRange(first, last);
    const missing = wanted.filter((p) => !this.pages.get(p)?.records);
    await Promise.all(missing.map((p) => this.load(p)));
  }

  /** Shows a local value at once; `clearOverride` removes it when the server has answered. */
  setOverride(recordId: string, fields: Record<string, unknown>): void {
    this.overrides.set(recordId, { ...this.overrides.get(recordId), ...fields });
    this.changed();
  }

  clearOverride(recordId: string, fieldIds: readonly string[]): void {
    const over = this.overrides.get(recordId);
    if (!over) return;
    for (const f of fieldIds) delete over[f];
    if (Object.keys(over).length === 0) this.overrides.delete(recordId);
    this.changed();
  }

  /** Replaces cached copies of records (the server's answer to an edit, or a conflict's winner). */
  patch(records: readonly RecordDto[]): void {
    const byId = new Map(records.map((r) => [r.id, r]));
    let hit = false;
    for (const page of this.pages.values()) {
      if (!page.records) continue;
      page.records = page.records.map((r) => {
        const next = byId.get(r.id);
        if (!next || next.version < r.version) return r;
        hit = true;
        return next;
      });
    }
    if (hit) this.changed();
  }

  /** Which loaded pages hold any of these records. */
  pagesHolding(recordIds: readonly string[]): number[] {
    const ids = new Set(recordIds);
    const out: number[] = [];
    for (const [p, page] of this.pages) if (page.records?.some((r) => ids.has(r.id))) out.push(p);
    return out;
  }

  /**
   * Marks pages out of date: the ones near the window are refetched (their rows stay visible meanwhile), the rest are
   * dropped. `'all'` after creates, deletes and undo, where rows shift.
   */
  refresh(pages: readonly number[] | 'all'): void {
    if (pages === 'all') {
      this.needTotal = true;
      this.resets++;
    }
    const list = pages === 'all' ? [...this.pages.keys()] : pages;
    const near = new Set(this.neededPages());
    for (const p of list) {
      const page = this.pages.get(p);
      if (!page) continue;
      if (near.has(p)) page.stale = true;
      else this.pages.delete(p);
    }
    this.flush();
  }

  /** Adjusts the row count before the server confirms it (a row added here). */
  setTotal(total: number): void {
    this.total = Math.max(0, total);
    this.totalRequest = this.nextRequest - 1;
    this.changed();
  }

  /** Puts a just-created record at a row index of a loaded (or new, last) page. */
  placeAt(index: number, record: RecordDto): void {
    const p = Math.floor(index / this.options.pageSize);
    const page = this.pages.get(p) ?? { records: [], request: 0, loading: false, stale: false };
    if (!page.records) return;
    const i = index % this.options.pageSize;
    if (i > page.records.length) return;
    page.records = [...page.records.slice(0, i), record, ...page.records.slice(i + 1)];
    this.pages.set(p, page);
    this.changed();
  }

  /** Resolves when nothing is loading (tests and "select the row after it arrives"). */
  idle(): Promise<void> {
    if (![...this.pages.values()].some((p) => p.loading) && !this.timer) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add(resolve));
  }

  private pageRange(first: number, last: number): number[] {
    const size = this.options.pageSize;
    const max = this.total === null ? Infinity : Math.max(0, Math.ceil(this.total / size) - 1);
    const from = Math.floor(first / size);
    const to = Math.min(Math.floor(last / size), max);
    const out: number[] = [];
    for (let p = from; p <= to; p++) out.push(p);
    return out.length ? out : [0];
  }

  /** The pages of the window, plus the next one when the window is near its end (smooth scrolling). */
  private neededPages(): number[] {
    const margin = Math.min(50, Math.floor(this.options.pageSize / 4));
    const pages = new Set(this.window.flatMap((w) => this.pageRange(Math.max(0, w.first - margin), w.last + margin)));
    return [...pages].sort((a, b) => a - b);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    const missing = this.neededPages().some((p) => !this.pages.get(p)?.records);
    // A page is missing right where the user looks: wait a moment in case they keep scrolling; else check now.
    const delay = missing ? (this.options.debounceMs ?? 40) : 0;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delay);
  }

  private flush(): void {
    if (this.disposed) return;
    const needed = this.neededPages();
    for (const p of needed) {
      const page = this.pages.get(p);
      if (!page || (!page.loading && (page.stale || !page.records))) void this.load(p);
      else if (page.loading && page.stale) void this.load(p);
    }
    this.evict(needed);
    this.settle();
  }

  private evict(needed: number[]): void {
    const overflow = this.pages.size - this.options.maxPages;
    if (overflow <= 0) return;
    const keep = new Set(needed);
    const centre = needed[Math.floor(needed.length / 2)] ?? 0;
    const far = [...this.pages.keys()].filter((p) => !keep.has(p)).sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of far.slice(0, overflow)) this.pages.delete(p);
  }

  private async load(p: number): Promise<void> {
    const request = this.nextRequest++;
    const existing = this.pages.get(p);
    const entry: PageEntry = existing ?? { records: null, request, loading: true, stale: false };
    entry.request = request;
    entry.loading = true;
    entry.stale = false;
    this.pages.set(p, entry);
    this.changed();
    const withTotal = this.needTotal || this.total === null;
    this.needTotal = false;
    try {
      const res = await this.options.fetchPage(p * this.options.pageSize, this.options.pageSize, withTotal);
      if (res.total >= 0 && request > this.totalRequest) {
        this.total = res.total;
        this.totalRequest = request;
      }
      if (this.disposed || this.pages.get(p) !== entry || entry.request !== request) return;
      entry.records = res.items;
      entry.loading = false;
      this.changed();
    } catch (err) {
      if (withTotal) this.needTotal = true;
      if (this.disposed || entry.request !== request) return;
      entry.loading = false;
      if (!entry.records) this.pages.delete(p);
      this.options.onError?.(err);
      this.changed();
    } finally {
      this.settle();
    }
  }

  private settle(): void {
    if ([...this.pages.values()].some((p) => p.loading) || this.timer) return;
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
