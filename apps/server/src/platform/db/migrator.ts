import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DbHandle } from './connect.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every slice's `migrations/*.sql`, ordered by file name (which starts with a date). */
export function findMigrations(root = SRC): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.sql') && path.basename(dir) === 'migrations') found.push({ name: entry.name, file: full });
    }
  };
  walk(root);
  found.sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set<string>();
  for (const m of found) {
    if (names.has(m.name)) throw new Error(`Two migrations are named ${m.name}`);
    names.add(m.name);
  }
  return found;
}

/** Applies pending migrations in one transaction; safe to run from several instances at once. */
export async function migrate(handle: DbHandle): Promise<string[]> {
  await handle.db.schema
    .createTable('concord_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
    .catch(async (err: unknown) => {
      // Two instances racing to create the table: the loser sees a unique violation and can go on.
      if (!(err instanceof Error && /duplicate|already exists/i.test(err.message))) throw err;
    });
  const applied = new Set((await handle.db.selectFrom('concord_migrations').select('name').execute()).map((r) => r.name));
  const pending = findMigrations().filter((m) => !applied.has(m.name));
  if (pending.length === 0) return [];
  await handle.runScripts(
    pending.map((m) => ({ name: m.name, sql: fs.readFileSync(m.file, 'utf8') })),
    (name) => `insert into concord_migrations (name, applied_at) values ('${name.replace(/'/g, "''")}', now())`,
  );
  return pending.map((m) => m.name);
}
