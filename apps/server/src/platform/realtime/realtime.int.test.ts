import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDepartment, createToken, serverMessage, setup, updateDepartment, type DomainEvent, type ServerMessage } from '@concord/contracts';
import { ADMIN, injectClient, openTestDatabase } from '../../../test/harness.ts';
import { createApp, type ConcordApp } from '../../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type DbHandle } from '../db/connect.ts';
import { migrate } from '../db/migrator.ts';
import type { AppDeps } from '../deps.ts';
import { publish } from '../events.ts';

/**
 * Two Concord instances on one database: a change committed through A reaches a socket connected to B.
 * On PostgreSQL each instance has its own pool and LISTEN connection; on PGlite they share the one handle.
 */
interface Instance extends ConcordApp {
  deps: AppDeps;
  port: number;
}

let drop: () => Promise<void>;
const handles: DbHandle[] = [];
let a: Instance;
let b: Instance;
let adminA: ReturnType<typeof injectClient>;
let token: string;

async function startInstance(handle: DbHandle, instanceId: string): Promise<Instance> {
  const config = loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const deps: AppDeps = { db: handle.db, clock: { now: () => new Date() }, config, handle, instanceId };
  const concord = await createApp(deps, { logLevel: 'silent' });
  await concord.app.listen({ port: 0, host: '127.0.0.1' });
  const address = concord.app.server.address();
  return { ...concord, deps, port: typeof address === 'object' && address ? address.port : 0 };
}

beforeAll(async () => {
  const test = await openTestDatabase();
  drop = test.drop;
  handles.push(test.handle);
  await migrate(test.handle);
  const second = test.url ? await openDatabase(test.url, '/nonexistent') : test.handle;
  if (second !== test.handle) handles.push(second);
  a = await startInstance(test.handle, 'instance-a');
  b = await startInstance(second, 'instance-b');
  adminA = injectClient(a.app);
  await adminA.call(setup, { body: ADMIN });
  token = (await adminA.call(createToken, { body: { name: 'realtime test' } })).token;
});

afterAll(async () => {
  await a?.app.close();
  await b?.app.close();
  for (const h of handles.reverse()) await h.close();
  // pg-pool's end() resolves before its sockets have closed; dropping the database "with (force)" right away
  // kills those backends and the dying clients raise an unhandled 57P01 error.
  await new Promise((r) => setTimeout(r, 200));
  await drop?.();
});

/** A socket to an instance that queues parsed server messages so a test can wait for the one it expects. */
async function connect(inst: Instance) {
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
  send({ type: 'subscribe', rooms: ['org'] });
  await next((m): m is Extract<ServerMessage, { type: 'subscribed' }> => m.type === 'subscribed');
  const close = () =>
    new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
  return { hello, next, send, close };
}

type EventMessage = Extract<ServerMessage, { type: 'event' }>;
const eventFor =
  (departmentId: string) =>
  (m: ServerMessage): m is EventMessage =>
    m.type === 'event' && m.event.type === 'org.department.changed' && m.event.departmentId === departmentId;

/** Commits a department change through instance A's database connection, the way a service does. */
async function commitThroughA(departmentId: string, change: Extract<DomainEvent, { type: 'org.department.changed' }>['change']) {
  await a.deps.db.transaction().execute((trx) => publish(trx, ['org'], { type: 'org.department.changed', departmentId, change }));
}

describe('realtime across instances', () => {
  it('greets each socket with its own instance', async () => {
    const [ca, cb] = await Promise.all([connect(a), connect(b)]);
    expect(ca.hello.instanceId).toBe('instance-a');
    expect(cb.hello.instanceId).toBe('instance-b');
    await Promise.all([ca.close(), cb.close()]);
  });

  it('delivers an event committed through A to a socket on B, and nothing from a rolled-back transaction', async () => {
    const client = await connect(b);
    const failed = a.deps.db.transaction().execute(async (trx) => {
      await publish(trx, ['org'], { type: 'org.department.changed', departmentId: 'od-rolled-back', change: 'created' });
      throw new Error('abort');
    });
    await expect(failed).rejects.toThrow('abort');
    await commitThroughA('od-bus-1', 'created');
    const msg = await client.next(eventFor('od-bus-1'));
    expect(msg.rooms).toContain('org');
    await expect(client.next(eventFor('od-rolled-back'), 300)).rejects.toThrow(/no matching message/);
    await client.close();
  });

  it('replays changes made while disconnected when the socket resumes', async () => {
    let client = await connect(b);
    await commitThroughA('od-bus-2', 'created');
    const seen = await client.next(eventFor('od-bus-2'));
    await client.close();

    await commitThroughA('od-bus-2', 'updated');
    await commitThroughA('od-bus-3', 'created');

    client = await connect(b);
    client.send({ type: 'resume', since: seen.seq });
    const missed = await client.next(
      (m): m is EventMessage => eventFor('od-bus-2')(m) && m.event.type === 'org.department.changed' && m.event.change === 'updated',
    );
    const later = await client.next(eventFor('od-bus-3'));
    expect(missed.seq).toBeGreaterThan(seen.seq);
    expect(later.seq).toBeGreaterThan(missed.seq);
    await client.close();
  });

  it('pushes a department created and renamed over HTTP on A to a socket on B', async () => {
    const client = await connect(b);
    const dept = await adminA.call(createDepartment, { body: { name: '研发部' } });
    const created = await client.next(eventFor(dept.id));
    expect(created.event).toMatchObject({ change: 'created' });
    await adminA.call(updateDepartment, { params: { id: dept.id }, body: { name: '研发中心' } });
    const renamed = await client.next(eventFor(dept.id));
    expect(renamed.event).toMatchObject({ change: 'updated' });
    expect(renamed.seq).toBeGreaterThan(created.seq);
    await client.close();
  });
});
