import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOC = path.join(REPO_ROOT, 'docs/benchmarks.md');
const HEADER = '# Benchmarks\n\nNumbers measured by `npm run bench -- <name>`; each section is rewritten by its benchmark.\n';

/** One line describing the machine a benchmark ran on, with its load (other work skews the numbers). */
export function machineInfo(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  return `${cpu}, ${os.availableParallelism()} cores, ${gib} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, 1-min load average ${load}`;
}

/** A markdown table from a header row and data rows. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replaces (or appends) the `<!-- bench:<name> -->` … `<!-- /bench:<name> -->` section of docs/benchmarks.md. */
export function writeSection(name: string, body: string): void {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const section = `${open}\n${body.trim()}\n${close}`;
  const doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : HEADER;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  const next = start >= 0 && end > start ? doc.slice(0, start) + section + doc.slice(end + close.length) : `${doc.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, next);
}

/** Median of a non-empty list. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Resident memory of a process in MiB, from /proc (Linux only). */
export function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return kb / 1024;
}

/** Runs `fn` n times in sequence and returns the p50 and p95 latency in ms. */
export function percentiles(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  return percentilesOf(n, async (i) => {
    const t = performance.now();
    await fn(i);
    return performance.now() - t;
  });
}

/** The p50 and p95 of the durations (ms) `fn` measures itself, for samples that need untimed preparation. */
export async function percentilesOf(n: number, fn: (i: number) => Promise<number>): Promise<{ p50: number; p95: number }> {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await fn(i));
  xs.sort((a, b) => a - b);
  return { p50: xs[Math.floor(xs.length * 0.5)]!, p95: xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]! };
}

export const fmtP = (x: { p50: number; p95: number }) => `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)}`;
