import { serverMessage, type ClientMessage, type DomainEvent, type Room, type TransientEvent } from '@concord/contracts';

/** The part of the browser WebSocket this client uses. */
export interface SocketLike {
  readonly readyState: number;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';
export type EventHandler = (event: DomainEvent, seq: number) => void;
/** Transient events (progress) have no seq: they are neither de-duplicated nor replayed after a reconnect. */
export type TransientHandler = (event: TransientEvent) => void;
/** Someone looking at a room (a table), as the server announces them. */
export interface PresentUser {
  id: string;
  name: string;
}
export type PresenceHandler = (room: Room, users: readonly PresentUser[]) => void;

export interface RealtimeClientOptions {
  /** Jitter source for reconnect delays (tests pin it). */
  random?: () => number;
  /** Absolute ws:// or wss:// URL of /api/v1/ws. */
  url: string;
  /** Called when the server says too much was missed: reload every query. */
  onResync: () => void;
  onStatus?: (status: RealtimeStatus) => void;
  /** For tests: anything shaped like a browser WebSocket. */
  createSocket?: (url: string) => SocketLike;
}

const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 30_000;
/** How far below the highest seq we still remember seen seqs; the server replays a small overlap on resume. */
const SEEN_WINDOW = 500;
/** WebSocket.OPEN, spelled out so the client also runs where no global WebSocket exists (unit tests). */
const OPEN = 1;
/** Close codes after which retrying cannot help until the user signs in again. */
const FATAL_CLOSE = new Set([4401, 4403]);

function browserSocket(url: string): SocketLike {
  const ws = new WebSocket(url);
  const socket: SocketLike = {
    get readyState() {
      return ws.readyState;
    },
    onmessage: null,
    onclose: null,
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  };
  ws.onmessage = (e) => socket.onmessage?.({ data: e.data });
  ws.onclose = (e) => socket.onclose?.({ code: e.code });
  return socket;
}

/** The same-origin realtime endpoint. */
export function realtimeUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/api/v1/ws`;
}

/**
 * One WebSocket to /api/v1/ws that survives disconnects: it re-subscribes its rooms, asks for what it missed
 * (`resume` from the highest seq seen), drops duplicates, and hands each domain event to the registered handlers.
 */
export class RealtimeClient {
  private ws: SocketLike | null = null;
  private readonly rooms = new Set<Room>();
  private readonly handlers = new Set<EventHandler>();
  private readonly transientHandlers = new Set<TransientHandler>();
  private readonly presenceHandlers = new Set<PresenceHandler>();
  private readonly presence = new Map<Room, readonly PresentUser[]>();
  /** How many mounted components need each room; a room is left once nobody does. */
  private readonly refs = new Map<Room, number>();
  private readonly seen = new Set<number>();
  /** Callbacks waiting for the server to confirm rooms this client has just asked to join. */
  private readonly joinWaiters = new Set<{ rooms: Room[]; done: () => void }>();
  private lastSeq = 0;
  private connectedOnce = false;
  private awaitingResume = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private status: RealtimeStatus = 'idle';

  constructor(private readonly options: RealtimeClientOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    if (typeof window !== 'undefined') window.addEventListener('online', this.handleOnline);
    this.connect();
  }

  stop(): void {
    this.running = false;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.handleOnline);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    ws?.close(1000, 'client stopped');
    this.setStatus('idle');
  }

  /** Joins rooms now (if connected) and after every reconnect. */
  subscribe(rooms: Room[]): void {
    const fresh = rooms.filter((r) => !this.rooms.has(r));
    for (const r of fresh) this.rooms.add(r);
    if (fresh.length) this.send({ type: 'subscribe', rooms: fresh });
  }

  unsubscribe(rooms: Room[]): void {
    const gone = rooms.filter((r) => this.rooms.delete(r));
    if (gone.length) this.send({ type: 'unsubscribe', rooms: gone });
  }

  /**
   * Joins rooms for as long as the returned release function is not called, counting users of each room. The last
   * release leaves the room (a moment later, so a component remounting in the same render keeps it): the server then
   * stops sending its events and drops this user from its presence.
   */
  join(rooms: readonly Room[], onJoined?: () => void): () => void {
    for (const r of rooms) this.refs.set(r, (this.refs.get(r) ?? 0) + 1);
    const fresh = rooms.filter((r) => !this.rooms.has(r));
    // Data read before the server confirms a new room may miss events committed in between: tell the caller to re-read.
    const waiter = onJoined && fresh.length ? { rooms: fresh, done: onJoined } : null;
    if (waiter) this.joinWaiters.add(waiter);
    this.subscribe([...rooms]);
    let released = false;
    return () => {
      if (waiter) this.joinWaiters.delete(waiter);
      if (released) return;
      released = true;
      for (const r of rooms) this.refs.set(r, (this.refs.get(r) ?? 1) - 1);
      queueMicrotask(() => {
        const idle = rooms.filter((r) => (this.refs.get(r) ?? 0) <= 0 && this.refs.delete(r));
        for (const r of idle) this.presence.delete(r);
        this.unsubscribe(idle);
      });
    };
  }

  /** Registers a handler for presence changes of the rooms this client is in; returns the function that removes it. */
  onPresence(handler: PresenceHandler): () => void {
    this.presenceHandlers.add(handler);
    return () => this.presenceHandlers.delete(handler);
  }

  /** The last known viewers of a room (empty until the server has said). */
  presenceOf(room: Room): readonly PresentUser[] {
    return this.presence.get(room) ?? [];
  }

  /** Registers a handler for domain events; returns the function that removes it. */
  onEvent(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Registers a handler for transient events of the rooms this client is in; returns the function that removes it. */
  onTransient(handler: TransientHandler): () => void {
    this.transientHandlers.add(handler);
    return () => this.transientHandlers.delete(handler);
  }

  get highestSeq(): number {
    return this.lastSeq;
  }

  private readonly handleOnline = (): void => {
    if (this.running && !this.ws) {
      this.attempt = 0;
      if (this.timer) clearTimeout(this.timer);
      this.connect();
    }
  };

  private setStatus(status: RealtimeStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }

  private send(msg: ClientMessage): void {
    if (this.ws?.readyState === OPEN) this.ws.send(JSON.stringify(msg));
  }

  private connect(): void {
    this.timer = null;
    this.setStatus(this.connectedOnce ? 'reconnecting' : 'connecting');
    const ws = (this.options.createSocket ?? browserSocket)(this.options.url);
    this.ws = ws;
    ws.onmessage = (e) => {
      if (this.ws === ws) this.handleMessage(String(e.data));
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (!this.running) return;
      // Whoever we saw is unknown while offline; the server re-announces each room after we rejoin.
      for (const room of [...this.presence.keys()]) this.handlePresence(room, []);
      if (FATAL_CLOSE.has(e.code)) {
        this.setStatus('idle');
        return;
      }
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** this.attempt);
    this.attempt++;
    // Jitter spreads reconnects when a server restart drops every browser at once.
    const delay = base / 2 + (this.options.random ?? Math.random)() * (base / 2);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private handleMessage(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = serverMessage.safeParse(json);
    if (!parsed.success) return;
    const msg = parsed.data;
    switch (msg.type) {
      case 'hello':
        return this.handleHello(msg.seq);
      case 'subscribed':
        this.settleJoins(msg.rooms);
        // Replay only once the rooms are joined: the server replays events of the rooms the socket is in.
        if (this.awaitingResume) {
          this.awaitingResume = false;
          this.send({ type: 'resume', since: this.lastSeq });
        }
        return;
      case 'event':
        return this.handleEvent(msg.seq, msg.event);
      case 'resync':
        this.lastSeq = msg.seq;
        this.seen.clear();
        this.options.onResync();
        return;
      case 'presence':
        return this.handlePresence(msg.room, msg.users);
      case 'transient':
        return this.handleTransient(msg.rooms, msg.event);
      case 'pong':
      case 'error':
        return;
    }
  }

  private settleJoins(joined: readonly Room[]): void {
    const now = new Set(joined);
    for (const w of [...this.joinWaiters]) {
      if (!w.rooms.every((r) => now.has(r))) continue;
      this.joinWaiters.delete(w);
      try {
        w.done();
      } catch (err) {
        console.error('join handler failed', err);
      }
    }
  }

  private handleHello(serverSeq: number): void {
    this.attempt = 0;
    this.setStatus('open');
    const reconnect = this.connectedOnce;
    this.connectedOnce = true;
    if (!reconnect || serverSeq < this.lastSeq) {
      // First connection, or the server's outbox went backwards (fresh database): start from its head.
      if (reconnect) this.options.onResync();
      this.lastSeq = serverSeq;
      this.seen.clear();
      this.awaitingResume = false;
    } else {
      this.awaitingResume = true;
    }
    if (this.rooms.size) this.send({ type: 'subscribe', rooms: [...this.rooms] });
    else if (this.awaitingResume) {
      this.awaitingResume = false;
      this.send({ type: 'resume', since: this.lastSeq });
    }
  }

  private handlePresence(room: Room, users: readonly PresentUser[]): void {
    // A late message for a room we already left would resurrect stale viewers.
    if (!this.rooms.has(room)) return;
    this.presence.set(room, users);
    callEach(this.presenceHandlers, [room, users], 'presence');
  }

  private handleTransient(rooms: readonly Room[], event: TransientEvent): void {
    // A late message for a room we already left is of no use to anyone.
    if (!rooms.some((r) => this.rooms.has(r))) return;
    callEach(this.transientHandlers, [event], 'transient');
  }

  private handleEvent(seq: number, event: DomainEvent): void {
    if (this.seen.has(seq) || seq <= this.lastSeq - SEEN_WINDOW) return;
    this.seen.add(seq);
    if (seq > this.lastSeq) {
      this.lastSeq = seq;
      if (this.seen.size > SEEN_WINDOW * 2) for (const s of this.seen) if (s <= seq - SEEN_WINDOW) this.seen.delete(s);
    }
    callEach(this.handlers, [event, seq], 'realtime');
  }
}

/** Calls every handler; one that throws is logged and does not keep the others from their turn. */
function callEach<A extends unknown[]>(handlers: Iterable<(...args: A) => void>, args: A, what: string): void {
  for (const handler of handlers) {
    try {
      handler(...args);
    } catch (err) {
      console.error(`${what} handler failed`, err);
    }
  }
}
