import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const DEFAULT_PG_URL = 'postgres://root@127.0.0.1:5432/test';
export const E2E_ADMIN = { email: 'admin@example.com', password: 'admin-password-1', name: '管理员' };

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PgDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The PostgreSQL server for tests: TEST_DATABASE_URL, or the local default. */
export function pgBaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
}

/** True when the PostgreSQL server answers (used to skip PostgreSQL-only tests on machines without one). */
export async function pgReachable(base = pgBaseUrl()): Promise<boolean> {
  const c = new pg.Client({ connectionString: base, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Creates an empty database on the test PostgreSQL server; `drop()` removes it (forcing off leftover connections). */
export async function createPgDatabase(base = pgBaseUrl()): Promise<PgDatabase> {
  const name = `concord_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// If the test run dies without teardown, don't leave servers behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

export interface ServerOptions {
  /** Create the administrator from CONCORD_ADMIN_* (default true); false leaves the first-run setup page. */
  admin?: boolean;
  /** Use this PostgreSQL database; otherwise a fresh PGlite data directory. */
  databaseUrl?: string;
  /** Reuse an existing PGlite data directory (warm restart). */
  dataDir?: string;
  extraArgs?: string[];
  env?: Record<string, string>;
  /** How long to wait for /api/v1/health. */
  timeoutMs?: number;
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  dataDir: string | null;
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a real Concord server (`node --import tsx apps/server/src/main.ts`) on a free port and waits until
 * GET /api/v1/health answers 200. The process is killed by `stop()`.
 */
export async function startServer(options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const ownDataDir = !options.databaseUrl && !options.dataDir;
  const dataDir = options.databaseUrl ? null : (options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-e2e-')));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    TZ: 'UTC',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir ?? path.join(os.tmpdir(), 'concord-e2e-unused'),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.admin === false
      ? {}
      : { CONCORD_ADMIN_EMAIL: E2E_ADMIN.email, CONCORD_ADMIN_PASSWORD: E2E_ADMIN.password, CONCORD_ADMIN_NAME: E2E_ADMIN.name }),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', ...(options.extraArgs ?? [])], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir && dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, options.timeoutMs ?? 60_000, () => child.exitCode !== null);
  } catch (err) {
    await stop();
    throw new Error(`Concord did not start on ${url}: ${(err as Error).message}\n--- server output ---\n${log}`);
  }
  return { url, port, pid: child.pid ?? 0, dataDir, child, output: () => log, stop };
}

/** Polls GET /api/v1/health until it answers 200; fails early when the process has exited. */
export async function waitForHealth(url: string, timeoutMs: number, hasExited: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited()) throw new Error('the server process exited');
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no 200 from /api/v1/health within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
