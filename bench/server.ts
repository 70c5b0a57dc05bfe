/** A fresh Concord server per measurement, on PGlite or on a throw-away PostgreSQL database, removed afterwards. */
import fs from 'node:fs';
import { createPgDatabase, pgReachable, startServer, type ServerProcess } from '../apps/web/e2e/support/server.ts';

export type Backend = 'pglite' | 'postgres';

export async function withServer<T>(backend: Backend, fn: (server: ServerProcess) => Promise<T>): Promise<T> {
  const pg = backend === 'postgres' ? await createPgDatabase() : null;
  const server = await startServer({ ...(pg ? { databaseUrl: pg.url } : {}), env: { LOG_LEVEL: 'error' }, timeoutMs: 120_000 });
  try {
    return await fn(server);
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
