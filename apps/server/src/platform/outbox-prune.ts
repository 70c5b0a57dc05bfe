import { sql } from 'kysely';
import type { Deps } from './deps.ts';
import type { Db } from './db/database.ts';

/** Outbox rows serve live delivery, replay after a reconnect and in-process consumers; after this long they serve none. */
export const OUTBOX_RETENTION_MS = 3 * 24 * 3_600_000;
const BATCH = 10_000;

/**
 * Deletes outbox rows older than `retentionMs` that every consumer has passed, in batches so no transaction grows large.
 * A browser resuming from a pruned position is told to resync (see RealtimeHub.resume), so nothing is silently lost.
 */
export async function pruneOutbox(db: Db, now: Date, retentionMs = OUTBOX_RETENTION_MS): Promise<number> {
  const before = new Date(now.getTime() - retentionMs);
  let total = 0;
  for (;;) {
    const r = await sql`
      delete from outbox where seq in (
        select o.seq from outbox o
        where o.at < ${before}
          and not exists (select 1 from outbox_consumers c where (o.txid, o.seq) > (c.last_txid, c.last_seq))
        order by o.seq limit ${BATCH})`.execute(db);
    const n = Number(r.numAffectedRows ?? 0);
    total += n;
    if (n < BATCH) return total;
  }
}

/** Runs `prune` once an hour on every instance (deleting is idempotent, so instances need not agree who does it). */
export function startPruner(deps: Deps, what: string, prune: (db: Db, now: Date) => Promise<number>, everyMs = 3_600_000): () => void {
  const run = () => void prune(deps.db, deps.clock.now()).catch((err: unknown) => console.error(`${what} prune failed`, err));
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

export const startOutboxPruner = (deps: Deps, everyMs?: number) => startPruner(deps, 'outbox', (db, now) => pruneOutbox(db, now), everyMs);
