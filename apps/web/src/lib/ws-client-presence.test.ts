import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientMessage, ServerMessage } from '@concord/contracts';
import { RealtimeClient, type PresentUser, type SocketLike } from './ws-client.ts';

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
  open(): void {
    this.readyState = 1;
    this.push({ type: 'hello', seq: 1, instanceId: 'i1' });
  }
  push(msg: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const wang: PresentUser = { id: 'usr_wang', name: '王伟' };
const li: PresentUser = { id: 'usr_li', name: '李娜' };

describe('RealtimeClient presence and room sharing', () => {
  let socket: FakeSocket;
  let client: RealtimeClient;
  let seen: { room: string; users: readonly PresentUser[] }[];

  beforeEach(() => {
    seen = [];
    client = new RealtimeClient({
      url: 'ws://test/api/v1/ws',
      onResync: () => undefined,
      createSocket: () => (socket = new FakeSocket()),
    });
    client.onPresence((room, users) => seen.push({ room, users }));
    client.start();
    socket.open();
  });
  afterEach(() => client.stop());

  it('hands presence of a joined table to listeners and remembers the latest list', () => {
    client.join(['table:tbl_1']);
    socket.push({ type: 'presence', room: 'table:tbl_1', users: [wang] });
    socket.push({ type: 'presence', room: 'table:tbl_1', users: [li, wang] });
    expect(seen).toEqual([
      { room: 'table:tbl_1', users: [wang] },
      { room: 'table:tbl_1', users: [li, wang] },
    ]);
    expect(client.presenceOf('table:tbl_1')).toEqual([li, wang]);
  });

  it('ignores presence of a room it is not in', () => {
    socket.push({ type: 'presence', room: 'table:tbl_9', users: [wang] });
    expect(seen).toEqual([]);
    expect(client.presenceOf('table:tbl_9')).toEqual([]);
  });

  it('leaves a room only when its last user releases it, so the server drops this viewer', async () => {
    const grid = client.join(['table:tbl_1']);
    const header = client.join(['table:tbl_1']);
    expect(socket.sent).toEqual([{ type: 'subscribe', rooms: ['table:tbl_1'] }]);
    grid();
    await flush();
    expect(socket.sent).toHaveLength(1);
    header();
    await flush();
    expect(socket.sent.at(-1)).toEqual({ type: 'unsubscribe', rooms: ['table:tbl_1'] });
    // A late message about the room left behind is not shown.
    socket.push({ type: 'presence', room: 'table:tbl_1', users: [wang] });
    expect(seen).toEqual([]);
  });

  it('keeps the room when a component remounts in the same render (release then join)', async () => {
    const first = client.join(['table:tbl_1']);
    first();
    client.join(['table:tbl_1']);
    await flush();
    expect(socket.sent).toEqual([{ type: 'subscribe', rooms: ['table:tbl_1'] }]);
  });

  it('forgets who was there when the connection drops', () => {
    client.join(['table:tbl_1']);
    socket.push({ type: 'presence', room: 'table:tbl_1', users: [wang] });
    socket.readyState = 3;
    socket.onclose?.({ code: 1006 });
    expect(seen.at(-1)).toEqual({ room: 'table:tbl_1', users: [] });
  });
});
