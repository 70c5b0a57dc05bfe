import { sql } from 'kysely';
import { domainEvent, type DomainEvent, type DomainEventType } from '@concord/contracts';
import type { AppDeps, Deps } from './deps.ts';
import type { Db } from './db/database.ts';
import { OUTBOX_CHANNEL } from './events.ts';

/** What a handler learns besides the event: its outbox position (a stable idempotency key) and the time. */
export interface ConsumedEvent {
  seq: number;
  now: Date;
}
type Handler<T extends DomainEventType> = (trx: Db, event: Extract<DomainEvent, { type: T }>, meta: ConsumedEvent) => Promise<void>;
export type OutboxHandlers = { [T in DomainEventType]?: Handler<T> };

/**
 * A named in-process subscriber to domain events. Each event reaches its handler once across all instances: the handler
 * runs in the transaction that also moves the consumer's position. A failure rolls both back and the event is retried,
 * so handlers must be idempotent in effect, e.g. by a unique key on `meta.seq`. After MAX_FAILURES failures in a row the
 * event goes to `outbox_dead_letters` and the consumer moves on, so one poisoned event cannot stop every later one.
 * @example const notifyConsumer: OutboxConsumer = { name: 'notify', handlers: { 'base.comment.mentioned': (trx, e, meta) => … } }
 */
export interface OutboxConsumer {
  readonly name: string;
  readonly handlers: OutboxHandlers;
}

export type StepResult = { kind: 'idle' | 'more' | 'busy' } | { kind: 'failed'; error: unknown };

const BATCH = 200;
const POLL_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;
/** Failures in a row on one event before it is set aside (with the back-off below, about 5 minutes of retrying). */
export const MAX_FAILURES = 10;

interface OutboxPosition {
  txid: string;
  seq: number;
}

function handlerFor(handlers: OutboxHandlers, raw: unknown) {
  const parsed = domainEvent.safeParse(raw);
  if (!parsed.success) return null;
  const handler = handlers[parsed.data.type] as Handler<DomainEventType> | undefined;
  return handler ? (trx: Db, meta: ConsumedEvent) => handler(trx, parsed.data, meta) : null;
}

/** Creates the consumer's position if it has none: a new consumer sees everything still in the outbox. */
async function ensureConsumer(db: Db, name: string): Promise<void> {
  await sql`insert into outbox_consumers (name) values (${name}) on conflict (name) do nothing`.execute(db);
}

async function hasPending(db: Db, name: string): Promise<boolean> {
  const at = await sql<{ txid: string; seq: number }>`select last_txid::text as txid, last_seq as seq from outbox_consumers where name = ${name}`.execute(db);
  const pos = at.rows[0];
  if (!pos) return false;
  // Constants, not a join, so the (txid, seq) index answers it.
  const r = await sql<{ pending: boolean }>`
    select exists (select 1 from outbox where (txid, seq) > (${pos.txid}::xid8, ${pos.seq})
      and txid < pg_snapshot_xmin(pg_current_snapshot())) as pending`.execute(db);
  return Boolean(r.rows[0]?.pending);
}

/**
 * Claims the consumer (skipping when another instance holds it), runs the handler of the first event it cares about,
 * and moves its position past every event read, all in one transaction.
 */
export async function stepConsumer(deps: Deps, consumer: OutboxConsumer): Promise<StepResult> {
  // The usual answer is "nothing new": find that out with one read, without opening a transaction or locking a row.
  if (!(await hasPending(deps.db, consumer.name))) return { kind: 'idle' };
  // The event being handled, and the position it was read from, for setting it aside when it keeps failing.
  let failing: { from: OutboxPosition; event: OutboxPosition } | null = null;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const claimed = await sql<OutboxPosition>`
        select last_txid::text as txid, last_seq as seq from outbox_consumers where name = ${consumer.name} for update skip locked`.execute(trx);
      const at = claimed.rows[0];
      if (!at) return { kind: 'busy' } as const;
      // Only rows of transactions that have all ended (below xmin): their (txid, seq) order is final.
      // Aliased apart from `txid`: ORDER BY txid would otherwise sort by the text ('10' < '9').
      const { rows } = await sql<{ txid_text: string; seq: number; event: unknown }>`
        select txid::text as txid_text, seq, event from outbox
        where (txid, seq) > (${at.txid}::xid8, ${at.seq}) and txid < pg_snapshot_xmin(pg_current_snapshot())
        order by txid, seq limit ${BATCH}`.execute(trx);
      let last = at;
      let handled = false;
      for (const row of rows) {
        last = { txid: row.txid_text, seq: row.seq };
        const run = handlerFor(consumer.handlers, row.event);
        if (!run) continue;
        failing = { from: at, event: last };
        await run(trx, { seq: Number(row.seq), now: deps.clock.now() });
        handled = true;
        break;
      }
      if (rows.length === 0) return { kind: 'idle' } as const;
      await sql`update outbox_consumers set last_txid = ${last.txid}::xid8, last_seq = ${last.seq}, failures = 0, last_error = null, updated_at = now()
        where name = ${consumer.name}`.execute(trx);
      return { kind: handled || rows.length === BATCH ? 'more' : 'idle' } as const;
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const counted = await sql<{ failures: number }>`update outbox_consumers set failures = failures + 1, last_error = ${message}, updated_at = now()
      where name = ${consumer.name} returning failures`
      .execute(deps.db)
      .catch(() => null);
    const failures = counted?.rows[0]?.failures ?? 0;
    if (failing && failures >= MAX_FAILURES) await setAside(deps.db, consumer.name, failing, message, failures).catch(() => undefined);
    return { kind: 'failed', error };
  }
}

/**
 * Moves the event into outbox_dead_letters and the consumer past it, unless another instance has moved the consumer
 * meanwhile (then that instance's view wins).
 */
async function setAside(
  db: Db,
  name: string,
  failing: { from: OutboxPosition; event: OutboxPosition },
  error: string,
  failures: number,
): Promise<void> {
  const { from, event } = failing;
  const moved = await db.transaction().execute(async (trx) => {
    const r = await sql`update outbox_consumers set last_txid = ${event.txid}::xid8, last_seq = ${event.seq}, failures = 0, last_error = null,
        updated_at = now()
      where name = ${name} and last_txid = ${from.txid}::xid8 and last_seq = ${from.seq}`.execute(trx);
    if (Number(r.numAffectedRows ?? 0) === 0) return false;
    await sql`insert into outbox_dead_letters (consumer, txid, seq, event, error, failures)
      select ${name}, txid, seq, event, ${error}, ${failures} from outbox where txid = ${event.txid}::xid8 and seq = ${event.seq}
      on conflict do nothing`.execute(trx);
    return true;
  });
  if (moved) console.error(`outbox consumer ${name} set event ${event.seq} aside after ${failures} failures: ${error}`);
}

/** Steps a consumer until it has nothing left, another instance holds it, or a handler fails. */
async function runConsumer(deps: Deps, consumer: OutboxConsumer): Promise<StepResult> {
  for (;;) {
    const r = await stepConsumer(deps, consumer);
    if (r.kind !== 'more') return r;
  }
}

/** True when the consumer has moved past every committed outbox row up to `seq`. */
async function caughtUp(db: Db, name: string, seq: number): Promise<boolean> {
  const r = await sql<{ behind: boolean }>`
    select exists (select 1 from outbox o, outbox_consumers c
      where c.name = ${name} and o.seq <= ${seq} and (o.txid, o.seq) > (c.last_txid, c.last_seq)) as behind`.execute(db);
  return !r.rows[0]?.behind;
}

/**
 * Runs the consumers until each has handled every event committed before the call (tests and scripts; the app runs
 * them in the background). Waits out transactions still open elsewhere, up to `timeoutMs`; returns the first failure.
 * @example const { errors } = await drainOutbox(t.deps, OUTBOX_CONSUMERS) // OUTBOX_CONSUMERS from app.ts
 */
export async function drainOutbox(deps: Deps, consumers: readonly OutboxConsumer[], timeoutMs = 10_000): Promise<{ errors: unknown[] }> {
  const head = await sql<{ seq: number | null }>`select max(seq) as seq from outbox`.execute(deps.db);
  const target = Number(head.rows[0]?.seq ?? 0);
  const deadline = Date.now() + timeoutMs;
  const errors: unknown[] = [];
  for (const c of consumers) {
    await ensureConsumer(deps.db, c.name);
    for (;;) {
      const r = await runConsumer(deps, c);
      if (r.kind === 'failed') {
        errors.push(r.error);
        break;
      }
      if (await caughtUp(deps.db, c.name, target)) break;
      if (Date.now() > deadline) throw new Error(`outbox consumer ${c.name} did not catch up with seq ${target} in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return { errors };
}

/**
 * Runs the consumers on this instance: on every outbox NOTIFY and every second (a missed NOTIFY, a retry after a
 * failure, a transaction that was still open). Every instance runs them; row locks keep one at work per consumer.
 * Returns a stop function that waits for the step in progress.
 */
export async function startOutboxConsumers(deps: AppDeps, consumers: readonly OutboxConsumer[]): Promise<() => Promise<void>> {
  for (const c of consumers) await ensureConsumer(deps.db, c.name);
  // A failing handler is retried with back-off (1 s, 2 s, … 1 min) instead of on every NOTIFY.
  const failures = new Map<string, number>();
  const retryAt = new Map<string, number>();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pump = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        for (const c of consumers) {
          if ((retryAt.get(c.name) ?? 0) > Date.now()) continue;
          const r = await runConsumer(deps, c);
          if (r.kind !== 'failed') {
            failures.delete(c.name);
            retryAt.delete(c.name);
            continue;
          }
          const n = (failures.get(c.name) ?? 0) + 1;
          failures.set(c.name, n);
          retryAt.set(c.name, Date.now() + Math.min(MAX_BACKOFF_MS, POLL_MS * 2 ** (n - 1)));
          console.error(`outbox consumer ${c.name} failed (${n} in a row); retrying`, r.error);
        }
      } while (again && !stopped);
    })()
      .catch((err: unknown) => console.error('outbox consumers failed', err))
      .finally(() => (running = null));
  };
  const unlisten = await deps.handle.listen(OUTBOX_CHANNEL, pump);
  const timer = setInterval(pump, POLL_MS);
  timer.unref();
  pump();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await unlisten();
    await running;
  };
}
