import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { PGliteDialect } from './pglite-dialect.ts';

/** int8 (counts, sequences) as numbers on both backends; our values stay far below 2^53. */
pg.types.setTypeParser(20, (v) => Number(v));

export type Listener = (payload: string) => void;

/** An open database: Kysely for queries, plus what Kysely does not cover (scripts, LISTEN). */
export interface DbHandle {
  kind: 'pglite' | 'postgres';
  db: Kysely<Database>;
  /** Runs multi-statement SQL scripts in one transaction (migrations), optionally under an advisory lock. */
  runScripts(scripts: { name: string; sql: string }[], record: (name: string) => string): Promise<void>;
  listen(channel: string, fn: Listener): Promise<() => Promise<void>>;
  /**
   * Sends `payload` to the listeners of `channel` now, outside any transaction in progress (unlike a NOTIFY written in
   * one, which waits for its commit): on PostgreSQL through a pooled connection of its own; on PGlite, whose one
   * connection an open transaction holds and which is always a single process, by calling this process's listeners.
   * PostgreSQL limits a payload to 8000 bytes.
   */
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database named by `url`: `postgres://…` → a pg pool; `memory://` → in-memory PGlite;
 * null → PGlite persisted under `dataDir/pg`.
 */
export async function openDatabase(url: string | null, dataDir: string): Promise<DbHandle> {
  if (url && /^postgres(ql)?:/.test(url)) return openPostgres(url);
  let dir: string | undefined;
  if (url !== 'memory://') {
    dir = path.join(dataDir, 'pg');
    fs.mkdirSync(dir, { recursive: true });
  }
  const pgl = await PGlite.create({ dataDir: dir, extensions: { pg_trgm }, parsers: { 20: (v: string) => Number(v) } });
  const dialect = new PGliteDialect(pgl);
  const db = new Kysely<Database>({ dialect });
  const local = new Map<string, Set<Listener>>();
  return {
    kind: 'pglite',
    db,
    runScripts: (scripts, record) =>
      dialect.driver.exclusive(() =>
        pgl.transaction(async (tx) => {
          for (const s of scripts) {
            await tx.exec(s.sql);
            await tx.exec(record(s.name));
          }
        }),
      ),
    async listen(channel, fn) {
      const unsub = await pgl.listen(channel, fn);
      const fns = local.get(channel) ?? new Set<Listener>();
      // A function object of its own, so listening twice with the same fn is two subscriptions, as with pgl.listen.
      const entry: Listener = (payload) => fn(payload);
      fns.add(entry);
      local.set(channel, fns);
      return async () => {
        fns.delete(entry);
        await unsub();
      };
    },
    async notify(channel, payload) {
      for (const fn of [...(local.get(channel) ?? [])]) {
        try {
          fn(payload);
        } catch (err) {
          console.error(`listener of ${channel} failed:`, err);
        }
      }
    },
    async close() {
      await db.destroy();
      await pgl.close();
    },
  };
}

async function openPostgres(url: string): Promise<DbHandle> {
  // Idle connections are kept for 5 minutes (pg's default is 10 s): a new one costs a connect plus re-planning and
  // compiling the record tables' trigger functions, ~2 ms on the next write of an occasional writer.
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 300_000, allowExitOnIdle: true });
  // An idle client dropped by the server (restart, admin kill) must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error('database connection lost:', err.message));
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const listeners: { stop: () => Promise<void> }[] = [];
  return {
    kind: 'postgres',
    db,
    async runScripts(scripts, record) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        // Several instances may start at once: one migrates, the others wait and then find nothing to do.
        await client.query('select pg_advisory_xact_lock(741852)');
        for (const s of scripts) {
          const done = await client.query('select 1 from concord_migrations where name = $1', [s.name]).catch(() => ({ rowCount: 0 }));
          if (done.rowCount) continue;
          await client.query(s.sql);
          await client.query(record(s.name));
        }
        await client.query('commit');
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, fn) {
      const sub = await listenWithReconnect(url, channel, fn);
      listeners.push(sub);
      return sub.stop;
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      await Promise.all(listeners.map((l) => l.stop()));
      await db.destroy();
    },
  };
}

/**
 * LISTEN on a connection of its own that lives as long as the subscription. When the connection drops (server restart,
 * admin kill, network), it reconnects with back-off and then calls `fn('')`, so subscribers re-read what they may have
 * missed (payloads that are not JSON are ignored by every listener).
 */
async function listenWithReconnect(url: string, channel: string, fn: Listener): Promise<{ stop: () => Promise<void> }> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 500;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => n.channel === channel && fn(n.payload ?? ''));
    c.on('error', (err) => console.error(`LISTEN ${channel} connection lost:`, err.message));
    c.on('end', () => {
      if (stopped || client !== c) return;
      client = null;
      setTimeout(retry, delay).unref();
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    client = c;
  };
  const retry = () => {
    if (stopped) return;
    connect().then(
      () => {
        delay = 500;
        fn('');
      },
      () => {
        delay = Math.min(delay * 2, 30_000);
        setTimeout(retry, delay).unref();
      },
    );
  };
  await connect();
  return {
    stop: async () => {
      stopped = true;
      await client?.end().catch(() => undefined);
    },
  };
}
