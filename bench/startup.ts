/**
 * Start-up cost of one Concord process: cold start (spawn → first 200 from /api/v1/health on an empty database, which
 * includes migrations and creating the administrator), warm restart on the same data, and resident memory after 3 s idle.
 * Runs on PGlite (a fresh data directory) and on PostgreSQL (a fresh database on TEST_DATABASE_URL or the local default).
 * Usage: npm run bench -- startup [runs]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPgDatabase, pgBaseUrl, pgReachable, startServer, type ServerOptions } from '../apps/web/e2e/support/server.ts';
import { machineInfo, median, rssMiB, table, writeSection } from './report.ts';

const IDLE_MS = 3_000;

interface Sample {
  coldMs: number;
  warmMs: number;
  rssMiB: number;
}

/** VmRSS of a process in MiB, from /proc (Linux only). */

async function timedStart(options: ServerOptions) {
  const t0 = performance.now();
  const server = await startServer({ ...options, env: { LOG_LEVEL: 'error' } });
  return { server, ms: performance.now() - t0 };
}

/** One cold start, then a warm restart of the same data; RSS is read from the warm process after it idles. */
async function sample(backend: 'pglite' | 'postgres'): Promise<Sample> {
  const pgDb = backend === 'postgres' ? await createPgDatabase() : null;
  const dataDir = backend === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-bench-')) : undefined;
  const options: ServerOptions = pgDb ? { databaseUrl: pgDb.url } : { dataDir };
  try {
    const cold = await timedStart(options);
    await cold.server.stop();
    const warm = await timedStart(options);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const rss = rssMiB(warm.server.pid);
    await warm.server.stop();
    return { coldMs: cold.ms, warmMs: warm.ms, rssMiB: rss };
  } finally {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  }
}

const fmtMs = (xs: number[]) => `${Math.round(median(xs))} ms (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
const fmtMiB = (xs: number[]) => `${Math.round(median(xs))} MiB`;

export async function main(args: string[]): Promise<void> {
  const runs = Math.max(1, Number(args[0] ?? 3));
  const machine = machineInfo(); // before we add load of our own
  const backends: ('pglite' | 'postgres')[] = ['pglite'];
  if (await pgReachable()) backends.push('postgres');
  else console.warn(`PostgreSQL at ${pgBaseUrl()} is not reachable: measuring PGlite only`);

  const rows: string[][] = [];
  for (const backend of backends) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const s = await sample(backend);
      console.log(`${backend} run ${i + 1}: cold ${Math.round(s.coldMs)} ms, warm ${Math.round(s.warmMs)} ms, idle RSS ${s.rssMiB.toFixed(1)} MiB`);
      samples.push(s);
    }
    const label = backend === 'pglite' ? 'PGlite (embedded, ./data)' : 'PostgreSQL (DATABASE_URL)';
    rows.push([label, fmtMs(samples.map((s) => s.coldMs)), fmtMs(samples.map((s) => s.warmMs)), fmtMiB(samples.map((s) => s.rssMiB))]);
  }

  const result = table(['database', 'cold start (empty database)', 'warm restart', 'idle RSS after 3 s'], rows);
  console.log(`\n${result}\n`);
  writeSection(
    'startup',
    [
      '## Start-up',
      '',
      `Time from spawning \`node --import tsx apps/server/src/main.ts\` to the first 200 from \`GET /api/v1/health\`, median of ${runs} runs (min–max).`,
      'A cold start runs every migration and creates the administrator from `CONCORD_ADMIN_EMAIL`; a warm restart reopens the same data.',
      'Idle RSS is `VmRSS` of the server process 3 s after a warm start (TypeScript is compiled on the fly by tsx, which is included).',
      '',
      result,
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}. Reproduce: \`npm run bench -- startup\`.`,
    ].join('\n'),
  );
}
