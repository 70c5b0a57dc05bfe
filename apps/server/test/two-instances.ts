import WebSocket from 'ws';
import { createToken, serverMessage, setup, type Room, type ServerMessage } from '@concord/contracts';
import { ADMIN, injectClient, openTestDatabase, testConfig } from './harness.ts';
import { createApp, type ConcordApp } from '../src/app.ts';
import { openDatabase, type DbHandle } from '../src/platform/db/connect.ts';
import { migrate } from '../src/platform/db/migrator.ts';
import type { AppDeps } from '../src/platform/deps.ts';

/**
 * Two Concord instances on one database, listening on real ports: a change committed through A must reach a socket
 * connected to B. On PostgreSQL each instance has its own pool and LISTEN connection; on PGlite they share the handle.
 */
export interface Instance extends ConcordApp {
  deps: AppDeps;
  port: number;
}

async function startInstance(handle: DbHandle, instanceId: string): Promise<Instance> {
  const config = testConfig();
  const deps: AppDeps = { db: handle.db, clock: { now: () => new Date() }, config, handle, instanceId };
  const concord = await createApp(deps, { logLevel: 'silent', workers: false });
  await concord.app.listen({ port: 0, host: '127.0.0.1' });
  const address = concord.app.server.address();
  return { ...concord, deps, port: typeof address === 'object' && address ? address.port : 0 };
}

export async function startTwoInstances() {
  const test = await openTestDatabase();
  const handles: DbHandle[] = [test.handle];
  await migrate(test.handle);
  const second = test.url ? await openDatabase(test.url, '/nonexistent') : test.handle;
  if (second !== test.handle) handles.push(second);
  const a = await startInstance(test.handle, 'instance-a');
  const b = await startInstance(second, 'instance-b');
  const adminA = injectClient(a.app);
  await adminA.call(setup, { body: ADMIN });
  const adminToken = (await adminA.call(createToken, { body: { name: 'realtime test' } })).token;

  /** A socket to an instance, authenticated by `token`, that queues parsed server messages so a test can wait for one. */
  async function connect(inst: Instance, rooms: Room[] = ['org'], token = adminToken) {
    const ws = new WebSocket(`ws://127.0.0.1:${inst.port}/api/v1/ws?token=${encodeURIComponent(token)}`);
    const queue: ServerMessage[] = [];
    const waiters = new Set<() => void>();
    ws.on('message', (data) => {
      queue.push(serverMessage.parse(JSON.parse(String(data))));
      for (const w of waiters) w();
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });

    /** Resolves with the first queued message matching `pred` (removing it), or fails after `timeoutMs`. */
    function next<T extends ServerMessage>(pred: (m: ServerMessage) => m is T, timeoutMs = 5_000): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const i = queue.findIndex(pred);
          if (i < 0) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(queue.splice(i, 1)[0] as T);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(queue)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    }
    const send = (m: object) => ws.send(JSON.stringify(m));
    const hello = await next((m): m is Extract<ServerMessage, { type: 'hello' }> => m.type === 'hello');
    send({ type: 'subscribe', rooms });
    await next((m): m is Extract<ServerMessage, { type: 'subscribed' }> => m.type === 'subscribed');
    const close = () =>
      new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
      });
    return { hello, next, send, close };
  }

  async function close() {
    await a.app.close();
    await b.app.close();
    for (const h of handles.reverse()) await h.close();
    // pg-pool's end() resolves before its sockets have closed; dropping the database "with (force)" right away
    // kills those backends and the dying clients raise a 57P01 error.
    await new Promise((r) => setTimeout(r, 200));
    await test.drop();
  }
  return { a, b, adminA, adminToken, connect, close };
}
