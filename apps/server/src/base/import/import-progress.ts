import { performance } from 'node:perf_hooks';
import type { ImportPhase } from '@concord/contracts';
import type { DbHandle } from '../../platform/db/connect.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { announce } from '../../platform/realtime/transient.ts';

/** Where an import reports how far it has got; every call is cheap, sending is throttled. */
export interface ImportProgress {
  report(phase: ImportPhase, done: number, total: number): void;
  /** Sends what is still pending and waits until everything reported has gone out (errors are logged, not thrown). */
  flush(): Promise<void>;
}

/** At most this often, apart from phase changes and the end of a phase. */
const INTERVAL_MS = 250;

/**
 * Reports an import's progress as `base.import.progress` transient events to room `user:<importer>`, or returns
 * undefined when nobody could be listening (no progressId, or an app token with no user behind it).
 */
export function importProgress(deps: { handle: DbHandle }, ctx: RequestContext, tableId: string, progressId: string | undefined): ImportProgress | undefined {
  if (!progressId || ctx.actor?.kind !== 'user') return undefined;
  const room = `user:${ctx.actor.userId}` as const;
  type Point = { phase: ImportPhase; done: number; total: number };
  let last: Point | null = null;
  let pending: Point | null = null;
  let sentAt = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  // One after another: concurrent NOTIFYs on different pooled connections could arrive out of order.
  let chain = Promise.resolve();

  const send = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const p = pending;
    if (!p) return;
    pending = null;
    last = p;
    sentAt = performance.now();
    chain = chain
      .then(() => announce(deps, [room], { type: 'base.import.progress', tableId, progressId, ...p }))
      .catch((err: unknown) => console.error('import progress not sent:', err));
  };

  return {
    report(phase, done, total) {
      const now = performance.now();
      const next = { phase, done: Math.min(done, total || done), total };
      if (last?.phase === next.phase && last.done === next.done && last.total === next.total && !pending) return;
      pending = next;
      const milestone = last?.phase !== phase || (total > 0 && done >= total);
      if (milestone || now - sentAt >= INTERVAL_MS) return send();
      // The latest value goes out when the interval is up, so a long step after a quick one still shows where it is.
      timer ??= setTimeout(send, INTERVAL_MS - (now - sentAt));
    },
    flush() {
      send();
      return chain;
    },
  };
}
