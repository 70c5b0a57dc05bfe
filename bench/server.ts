/** A fresh Concord server per measurement, on PGlite or on a throw-away PostgreSQL database, removed afterwards. */
import fs from 'node:fs';
import pg from 'pg';
import { createPgDatabase, pgReachable, startServer, type ServerProcess } from '../apps/web/e2e/support/server.ts';

export type Backend = 'pglite' | 'postgres';

export async function withServer<T>(backend: Backend, fn: (server: ServerProcess, databaseUrl: string | null) => Promise<T>): Promise<T> {
  const pg = backend === 'postgres' ? await createPgDatabase() : null;
  const server = await startServer({ ...(pg ? { databaseUrl: pg.url } : {}), env: { LOG_LEVEL: 'error' }, timeoutMs: 120_000 });
  try {
    return await fn(server, pg?.url ?? null);
  } finally {
    await server.stop();
    if (server.dataDir) fs.rmSync(server.dataDir, { recursive: true, force: true });
    await pg?.drop();
  }
}

/** `[sizes] [backends]` from the command line, e.g. `100000,1000000 pglite,postgres`. */
export function sizesAndBackends(args: string[]): { sizes: number[]; backends: Backend[] } {
  return {
    sizes: (args[0] ?? '100000,1000000').split(',').map(Number),
    backends: (args[1] ?? 'pglite,postgres').split(',') as Backend[],
  };
}

/** One row per size × backend; PostgreSQL is skipped when unreachable. */
export async function eachRun(args: string[], run: (backend: Backend, size: number) => Promise<string[]>): Promise<string[][]> {
  const { sizes, backends } = sizesAndBackends(args);
  const rows: string[][] = [];
  for (const size of sizes) for (const backend of backends) if (backend !== 'postgres' || (await pgReachable())) rows.push(await run(backend, size));
  return rows;
}

/**
 * On PostgreSQL, lets the loaded rows settle as on a table in use for a while: right after a bench loads a million rows
 * the visibility map is unset (index-only scans visit the table) until autovacuum has been through. With autovacuum on,
 * waits one naptime, then (up to `maxMs`) until no autovacuum worker runs; with it off (this machine's CI server),
 * vacuums the database itself.
 */
export async function settle(backend: Backend, databaseUrl: string | null, maxMs = 600_000): Promise<void> {
  if (backend !== 'postgres' || !databaseUrl) return;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const setting = async (name: string) =>
      (await client.query<{ s: string }>(`select setting as s from pg_settings where name = $1`, [name])).rows[0]?.s ?? '';
    if ((await setting('autovacuum')) !== 'on') {
      await client.query('vacuum (analyze)');
      return;
    }
    // The launcher looks at each database once per naptime: give it one look at the loaded rows first.
    const naptime = Number(await setting('autovacuum_naptime'));
    await new Promise((resolve) => setTimeout(resolve, (naptime + 5) * 1000));
    const until = Date.now() + maxMs;
    while (Date.now() < until) {
      const { rows } = await client.query<{ n: string }>(`select count(*) as n from pg_stat_activity where backend_type = 'autovacuum worker'`);
      if (Number(rows[0]?.n) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    await client.end();
  }
}
