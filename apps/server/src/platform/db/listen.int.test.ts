import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../test/harness.ts';
import type { DbHandle } from './connect.ts';

let handle: DbHandle;
let drop: () => Promise<void>;
const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  ({ handle, drop } = await openTestDatabase());
});
afterAll(async () => {
  await handle.close();
  await drop();
});

describe('LISTEN', () => {
  it('hears notifications again after its connection is killed, and says so once it is back', async () => {
    const heard: string[] = [];
    const stop = await handle.listen('concord_listen_test', (p) => heard.push(p));
    await sql`select pg_notify('concord_listen_test', 'one')`.execute(handle.db);
    await until(() => heard.includes('one'));
    if (handle.kind === 'postgres') {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%concord_listen_test%'`.execute(handle.db);
      await until(() => heard.includes(''));
    }
    await sql`select pg_notify('concord_listen_test', 'two')`.execute(handle.db);
    await until(() => heard.includes('two'));
    expect(heard.filter(Boolean)).toEqual(['one', 'two']);
    await stop();
  });
});
