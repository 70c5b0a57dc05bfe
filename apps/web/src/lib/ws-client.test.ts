import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, DomainEvent, ServerMessage, TransientEvent } from '@concord/contracts';
import { RealtimeClient, type SocketLike } from './ws-client.ts';

class FakeSocket implements SocketLike {
  readyState = 0;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  readonly sent: ClientMessage[] = [];
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(): void {
    this.readyState = 3;
  }
  /** The server accepts the connection and greets. */
  open(seq: number): void {
    this.readyState = 1;
    this.push({ type: 'hello', seq, instanceId: 'i1' });
  }
  push(msg: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const renamed = (departmentId: string): DomainEvent => ({ type: 'org.department.changed', departmentId, change: 'updated' });

describe('RealtimeClient', () => {
  let sockets: FakeSocket[];
  let resyncs: number;
  let client: RealtimeClient;
  let seen: { seq: number; event: DomainEvent }[];

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    resyncs = 0;
    seen = [];
    client = new RealtimeClient({
      url: 'ws://test/api/v1/ws',
      // The longest delay of each back-off step, so the timings below are exact.
      random: () => 1,
      onResync: () => resyncs++,
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
    });
    client.onEvent((event, seq) => seen.push({ seq, event }));
    client.subscribe(['org']);
    client.start();
  });
  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('subscribes its rooms once connected and hands events to handlers', () => {
    sockets[0]!.open(10);
    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', rooms: ['org'] }]);
    sockets[0]!.push({ type: 'event', seq: 11, rooms: ['org'], event: renamed('od-1') });
    expect(seen).toEqual([{ seq: 11, event: renamed('od-1') }]);
    expect(client.highestSeq).toBe(11);
  });

  it('tells a new room user to re-read once the server confirms the room, and not a later user of the same room', () => {
    sockets[0]!.open(10);
    let joined = 0;
    let joinedAgain = 0;
    client.join(['table:t1'], () => joined++);
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'subscribe', rooms: ['table:t1'] });
    sockets[0]!.push({ type: 'subscribed', rooms: ['org'], denied: [] });
    expect(joined).toBe(0);
    sockets[0]!.push({ type: 'subscribed', rooms: ['org', 'table:t1'], denied: [] });
    expect(joined).toBe(1);
    // Already in the room: events have been flowing, nothing was missed.
    client.join(['table:t1'], () => joinedAgain++);
    sockets[0]!.push({ type: 'subscribed', rooms: ['org', 'table:t1'], denied: [] });
    expect([joined, joinedAgain]).toEqual([1, 0]);
  });

  it('after a drop, reconnects with back-off, re-subscribes, then resumes from the highest seq', () => {
    sockets[0]!.open(10);
    sockets[0]!.push({ type: 'event', seq: 12, rooms: ['org'], event: renamed('od-1') });
    sockets[0]!.drop();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(600);
    expect(sockets).toHaveLength(2);
    sockets[1]!.drop();
    vi.advanceTimersByTime(600);
    // The second wait is longer (exponential back-off).
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(3);

    const s = sockets[2]!;
    s.open(15);
    expect(s.sent).toEqual([{ type: 'subscribe', rooms: ['org'] }]);
    s.push({ type: 'subscribed', rooms: ['org'], denied: [] });
    expect(s.sent[1]).toEqual({ type: 'resume', since: 12 });
  });

  it('drops events it has already handled (the server replays an overlap on resume)', () => {
    sockets[0]!.open(10);
    sockets[0]!.push({ type: 'event', seq: 11, rooms: ['org'], event: renamed('od-1') });
    sockets[0]!.push({ type: 'event', seq: 12, rooms: ['org'], event: renamed('od-2') });
    sockets[0]!.push({ type: 'event', seq: 11, rooms: ['org'], event: renamed('od-1') });
    // A lower seq that committed late is still new.
    sockets[0]!.push({ type: 'event', seq: 9, rooms: ['org'], event: renamed('od-3') });
    expect(seen.map((e) => e.seq)).toEqual([11, 12, 9]);
    expect(client.highestSeq).toBe(12);
  });

  it('reloads everything on resync and when the server’s outbox went backwards', () => {
    sockets[0]!.open(10);
    sockets[0]!.push({ type: 'resync', seq: 50 });
    expect(resyncs).toBe(1);
    expect(client.highestSeq).toBe(50);
    sockets[0]!.drop();
    vi.advanceTimersByTime(1_000);
    sockets[1]!.open(3);
    expect(resyncs).toBe(2);
    expect(client.highestSeq).toBe(3);
  });

  it('stops retrying when the server says the session is gone', () => {
    sockets[0]!.open(1);
    sockets[0]!.drop(4401);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('hands transient events of joined rooms to transient handlers, without touching the seq or event handlers', () => {
    sockets[0]!.open(10);
    const progress: TransientEvent[] = [];
    const off = client.onTransient((event) => progress.push(event));
    const release = client.join(['user:u1']);
    const step = (done: number): TransientEvent => ({ type: 'base.import.progress', tableId: 't1', progressId: 'p-000001', phase: 'writing', done, total: 10 });
    sockets[0]!.push({ type: 'transient', rooms: ['user:u1'], event: step(4) });
    // The same message twice is two updates: transient events carry no seq to de-duplicate by.
    sockets[0]!.push({ type: 'transient', rooms: ['user:u1'], event: step(4) });
    // Not for a room this client is in.
    sockets[0]!.push({ type: 'transient', rooms: ['user:u2'], event: step(5) });
    expect(progress).toEqual([step(4), step(4)]);
    expect(seen).toEqual([]);
    expect(client.highestSeq).toBe(10);

    off();
    sockets[0]!.push({ type: 'transient', rooms: ['user:u1'], event: step(10) });
    expect(progress).toHaveLength(2);
    release();
  });
});
