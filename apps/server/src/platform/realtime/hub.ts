import type { WebSocket } from 'ws';
import { sql } from 'kysely';
import { clientMessage, domainEvent, type DomainEvent, type Room, type ServerMessage } from '@concord/contracts';
import type { AppDeps } from '../deps.ts';
import type { Actor } from '../http/actor.ts';
import { OUTBOX_CHANNEL } from '../events.ts';
import { OutboxCursor } from './outbox-cursor.ts';
import { parseAnnouncement, TRANSIENT_CHANNEL } from './transient.ts';
import { PresenceTracker, type PresentUser } from './presence.ts';

/** Rooms whose viewers are shown to each other. */
const hasPresence = (room: Room) => room.startsWith('table:');

/**
 * Decides whether an actor may join a room (`table:<id>` → the base slice's permission check, …). `redact` strips what
 * this actor may not see from each event (e.g. record ids under row rules) before it is sent.
 */
export type RoomAuthorizer = (actor: Actor, room: Room) => Promise<{ allowed: boolean; redact?: Redactor }>;
type Redactor = (event: DomainEvent) => DomainEvent;

interface Conn {
  ws: WebSocket;
  actor: Actor;
  rooms: Set<Room>;
  redactors: Map<Room, Redactor>;
}

const RESUME_LIMIT = 5_000;
/** Re-read this many seqs before a client's `since`, since a lower seq may commit after a higher one; clients de-duplicate. */
const RESUME_OVERLAP = 50;

/**
 * Fans committed outbox rows out to this instance's WebSocket clients. Every instance LISTENs on the outbox channel,
 * so a change committed through any instance reaches browsers on all of them.
 */
export class RealtimeHub {
  private readonly conns = new Set<Conn>();
  private cursor: OutboxCursor | null = null;
  private pumping = false;
  private again = false;
  private unlisten: (() => Promise<void>) | null = null;
  private unlistenTransient: (() => Promise<void>) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly presence: PresenceTracker;

  constructor(
    private readonly deps: AppDeps,
    private readonly authorize: RoomAuthorizer,
  ) {
    this.presence = new PresenceTracker(deps, (room, users) => this.sendPresence(room, users));
  }

  async start(): Promise<void> {
    const head = await this.latestSeq();
    this.cursor = new OutboxCursor(head);
    this.unlisten = await this.deps.handle.listen(OUTBOX_CHANNEL, () => void this.pump());
    // Safety net: NOTIFY can be lost if the LISTEN connection drops; a slow poll catches anything missed.
    this.timer = setInterval(() => void this.pump(), 2_000);
    this.timer.unref();
    this.unlistenTransient = await this.deps.handle.listen(TRANSIENT_CHANNEL, (payload) => this.deliverTransient(payload));
    await this.presence.start();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.presence.stop().catch(() => undefined);
    await this.unlisten?.();
    await this.unlistenTransient?.();
    for (const c of this.conns) c.ws.close(1001, 'server shutting down');
  }

  get connectionCount(): number {
    return this.conns.size;
  }

  private async latestSeq(): Promise<number> {
    const r = await this.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(r?.seq ?? 0);
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        const cursor = this.cursor;
        if (!cursor) return;
        const rows = await this.deps.db
          .selectFrom('outbox')
          .select(['seq', 'rooms', 'event'])
          .where('seq', '>', cursor.watermark)
          .orderBy('seq')
          .limit(1000)
          .execute();
        for (const row of rows) if (cursor.take(Number(row.seq))) this.deliver(Number(row.seq), row.rooms as Room[], row.event);
        cursor.advance(Date.now());
        if (rows.length === 1000) this.again = true;
      } while (this.again);
    } catch (err) {
      // A failed poll is retried by the next NOTIFY or tick; it must never take the server down.
      console.error('realtime pump failed', err);
    } finally {
      this.pumping = false;
    }
  }

  private deliver(seq: number, rooms: Room[], event: unknown): void {
    const parsed = domainEvent.safeParse(event);
    if (!parsed.success) return;
    const text = JSON.stringify({ type: 'event', seq, rooms, event: parsed.data } satisfies ServerMessage);
    this.fanOut(rooms, text, (redact) => JSON.stringify({ type: 'event', seq, rooms, event: redact(parsed.data) } satisfies ServerMessage));
  }

  /** A transient event (see announce): straight to the sockets in its rooms, with no seq, never stored or replayed. */
  private deliverTransient(payload: string): void {
    const a = parseAnnouncement(payload);
    if (!a) return;
    // Redactors know domain events only: where a room redacts, withhold rather than risk showing too much.
    this.fanOut(a.rooms, JSON.stringify({ type: 'transient', rooms: a.rooms, event: a.event } satisfies ServerMessage), () => null);
  }

  /**
   * Sends `text` to every connection in one of `rooms`. Where the connection's room has a redactor, it gets
   * `redacted(redactor)` instead, or nothing when that is null.
   */
  private fanOut(rooms: Room[], text: string, redacted: (redact: Redactor) => string | null): void {
    for (const c of this.conns) {
      const room = rooms.find((r) => c.rooms.has(r));
      if (!room) continue;
      const redact = c.redactors.get(room);
      const out = redact ? redacted(redact) : text;
      if (out !== null) c.ws.send(out);
    }
  }

  /** Takes over a freshly opened socket for an authenticated actor. */
  attach(ws: WebSocket, actor: Actor): void {
    const conn: Conn = { ws, actor, rooms: new Set(), redactors: new Map() };
    this.conns.add(conn);
    const send = (m: ServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m));
    send({ type: 'hello', seq: this.cursor?.watermark ?? 0, instanceId: this.deps.instanceId });
    let alive = true;
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, 30_000);
    ws.on('pong', () => (alive = true));
    ws.on('close', () => {
      clearInterval(ping);
      this.conns.delete(conn);
      for (const r of conn.rooms) this.leaveRoom(conn, r);
    });
    ws.on('message', (data) => {
      let json: unknown;
      try {
        json = JSON.parse(String(data));
      } catch {
        return send({ type: 'error', code: 'ws.bad_message', message: 'not JSON' });
      }
      const parsed = clientMessage.safeParse(json);
      if (!parsed.success) return send({ type: 'error', code: 'ws.bad_message', message: parsed.error.issues[0]?.message ?? 'invalid' });
      const m = parsed.data;
      switch (m.type) {
        case 'ping':
          return send({ type: 'pong' });
        case 'unsubscribe':
          for (const r of m.rooms) {
            if (conn.rooms.delete(r)) this.leaveRoom(conn, r);
            conn.redactors.delete(r);
          }
          return send({ type: 'subscribed', rooms: [...conn.rooms], denied: [] });
        case 'subscribe':
          return void this.subscribe(conn, m.rooms).then((denied) => send({ type: 'subscribed', rooms: [...conn.rooms], denied }));
        case 'resume':
          return void this.resume(conn, m.since, send);
      }
    });
  }

  private async subscribe(conn: Conn, rooms: Room[]): Promise<string[]> {
    const denied: string[] = [];
    for (const r of rooms) {
      const verdict = await this.authorize(conn.actor, r).catch(() => ({ allowed: false as const, redact: undefined }));
      if (!verdict.allowed) {
        denied.push(r);
        continue;
      }
      if (verdict.redact) conn.redactors.set(r, verdict.redact);
      if (conn.rooms.has(r)) continue;
      conn.rooms.add(r);
      if (hasPresence(r) && conn.actor.kind === 'user') {
        this.presence.join(r, { id: conn.actor.userId, name: conn.actor.name });
        // The newcomer learns who is already here even when joining changes nothing (their own second tab).
        conn.ws.send(JSON.stringify({ type: 'presence', room: r, users: this.presence.users(r) } satisfies ServerMessage));
      }
    }
    return denied;
  }

  /** Replays events after `since` for the rooms this connection is in, or asks it to reload when too far behind. */
  private async resume(conn: Conn, since: number, send: (m: ServerMessage) => void): Promise<void> {
    const oldest = await this.deps.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .executeTakeFirst();
    const rows = await this.deps.db
      .selectFrom('outbox')
      .select(['seq', 'rooms', 'event'])
      .where('seq', '>', Math.max(0, since - RESUME_OVERLAP))
      .where(sql<boolean>`rooms && ${sql.val([...conn.rooms])}::text[]`)
      .orderBy('seq')
      .limit(RESUME_LIMIT + 1)
      .execute();
    const head = await this.latestSeq();
    const lost = oldest?.seq != null && Number(oldest.seq) > since + 1 && since > 0;
    if (rows.length > RESUME_LIMIT || lost) return send({ type: 'resync', seq: head });
    for (const row of rows) {
      const ev = domainEvent.safeParse(row.event);
      if (!ev.success) continue;
      const rooms = row.rooms as Room[];
      const redact = conn.redactors.get(rooms.find((r) => conn.rooms.has(r)) ?? 'org');
      send({ type: 'event', seq: Number(row.seq), rooms, event: redact ? redact(ev.data) : ev.data });
    }
  }

  private leaveRoom(conn: Conn, room: Room): void {
    if (hasPresence(room) && conn.actor.kind === 'user') this.presence.leave(room, conn.actor.userId);
  }

  private sendPresence(room: Room, users: PresentUser[]): void {
    const text = JSON.stringify({ type: 'presence', room, users } satisfies ServerMessage);
    for (const c of this.conns) if (c.rooms.has(room)) c.ws.send(text);
  }
}
