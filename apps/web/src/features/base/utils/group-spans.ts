import { MAX_GROUP_SPAN_KEY, type RecordGroupDto } from '@concord/contracts';

/** One innermost group as a page request names it (`groupSpans` of `queryRecords`). */
export interface GroupSpan {
  key: string;
  start: number;
  count: number;
}

/** The innermost groups overlapping rows `offset … offset + limit - 1`. */
export function spansOverlapping(groups: readonly RecordGroupDto[], offset: number, limit: number): GroupSpan[] {
  const depth = groups.reduce((d, g) => Math.max(d, g.depth), 0);
  return groups
    .filter((g) => g.depth === depth && g.start < offset + limit && g.start + g.count > offset)
    .map((g) => ({ key: g.key, start: g.start, count: g.count }));
}

interface Current {
  owner: object;
  resets: number;
  /** null: nothing to send (not grouped, too many groups, counts failed); undefined: still loading. */
  groups: readonly RecordGroupDto[] | null | undefined;
}

/**
 * The group counts a grouped grid's page requests send along, so the server reads each group by its value instead of
 * skipping through the whole table. Only counts of the cache's current reset are used (counts from before a change
 * would misplace rows): a page asked meanwhile waits for them (counting costs about what one ordered page read would),
 * then goes without.
 */
export class GroupSpanSource {
  private current: Current | null = null;
  private readonly waiters = new Set<() => void>();

  /** The counts for `owner` (the page cache) at reset `resets`. */
  set(owner: object, resets: number, groups: readonly RecordGroupDto[] | null | undefined): void {
    this.current = { owner, resets, groups };
    for (const w of this.waiters) w();
  }

  /** The spans for a page of `owner` at reset `resets`, or undefined (not grouped, or no current counts in time). */
  async spans(owner: object, resets: number, offset: number, limit: number, waitMs = 10_000): Promise<GroupSpan[] | undefined> {
    const ready = () => {
      const c = this.current;
      return c && c.owner === owner && c.resets >= resets && c.groups !== undefined ? c : null;
    };
    let c = ready();
    if (!c) {
      await new Promise<void>((resolve) => {
        const done = () => {
          if (!ready()) return;
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiters.delete(done);
          resolve();
        }, waitMs);
        this.waiters.add(done);
      });
      c = ready();
    }
    if (!c || c.resets !== resets || !c.groups?.length) return undefined;
    const spans = spansOverlapping(c.groups, offset, limit);
    return spans.some((s) => s.key.length > MAX_GROUP_SPAN_KEY) ? undefined : spans;
  }
}
