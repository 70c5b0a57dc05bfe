/**
 * Runs one benchmark by name: `npm run bench -- startup` loads bench/startup.ts and calls its `main(args)`.
 * Each benchmark prints a table and rewrites its own section of docs/benchmarks.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const NOT_BENCHES = new Set(['run', 'report', 'server']);
const available = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
  .map((f) => f.slice(0, -3))
  .filter((n) => !NOT_BENCHES.has(n))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- <name> [args]\nBenchmarks: ${available.join(', ')}`);
  process.exit(name ? 1 : 0);
}
// Scripts that read their own argv (written to run as `tsx bench/x.ts …`) see the same arguments here.
process.argv.splice(2, 1);
const mod = (await import(pathToFileURL(path.join(here, `${name}.ts`)).href)) as { main?: (args: string[]) => Promise<void> };
await mod.main?.(args);
