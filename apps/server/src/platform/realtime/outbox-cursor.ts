/**
 * Tracks which outbox rows this instance has delivered. Identity values can commit out of order (a transaction holding
 * seq 10 may commit after seq 11) and rolled-back transactions leave permanent holes, so we keep a low watermark below
 * which everything is delivered, remember what was delivered above it, and skip a hole once it is older than GAP_MS.
 */
export class OutboxCursor {
  private delivered = new Set<number>();
  private gapSeenAt: number | null = null;
  constructor(
    public watermark: number,
    private readonly gapMs = 5_000,
  ) {}

  /** Returns true when `seq` is new and marks it delivered. */
  take(seq: number): boolean {
    if (seq <= this.watermark || this.delivered.has(seq)) return false;
    this.delivered.add(seq);
    return true;
  }

  /** Advances the watermark over contiguous deliveries and over holes that have stayed open for `gapMs`. */
  advance(nowMs: number): void {
    for (;;) {
      while (this.delivered.delete(this.watermark + 1)) this.watermark++;
      if (this.delivered.size === 0) {
        this.gapSeenAt = null;
        return;
      }
      this.gapSeenAt ??= nowMs;
      if (nowMs - this.gapSeenAt < this.gapMs) return;
      this.watermark++;
      this.gapSeenAt = nowMs;
    }
  }

  /** True when a hole is pending, so the caller polls again soon instead of waiting for the next NOTIFY. */
  get hasGap(): boolean {
    return this.delivered.size > 0;
  }
}
