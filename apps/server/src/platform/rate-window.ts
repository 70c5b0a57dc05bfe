/**
 * Counts events per key within a sliding window, in memory: a per-instance brake on cheap probing, not a quota
 * (several instances each allow their own budget).
 */
export class RateWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an event for `key`; false (and not counted) when `max` events already fell within the window. */
  take(key: string, now: Date): boolean {
    const t = now.getTime();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 100_000) this.hits.clear();
    return true;
  }
}
