import { sql } from 'kysely';
import type { Room } from '@concord/contracts';
import type { AppDeps } from '../deps.ts';

export const PRESENCE_CHANNEL = 'concord_presence';
const ANNOUNCE_MS = 10_000;
const EXPIRE_MS = 30_000;

export interface PresentUser {
  id: string;
  name: string;
}

interface Announcement {
  instanceId: string;
  room: Room;
  users: PresentUser[];
}

/**
 * Who is looking at which room, across instances. Presence is ephemeral, so it skips the outbox: each instance
 * NOTIFYs its own viewers of a room when they change and re-announces them periodically; an instance that stops
 * announcing (crashed) drops out after EXPIRE_MS.
 */
export class PresenceTracker {
  private readonly local = new Map<Room, Map<string, { user: PresentUser; count: number }>>();
  private readonly remote = new Map<Room, Map<string, { users: PresentUser[]; at: number }>>();
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly deps: AppDeps,
    private readonly onChange: (room: Room, users: PresentUser[]) => void,
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.deps.handle.listen(PRESENCE_CHANNEL, (payload) => this.receive(payload));
    this.timer = setInterval(() => {
      for (const room of this.local.keys()) void this.announce(room);
      this.expire(Date.now());
    }, ANNOUNCE_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const room of [...this.local.keys()]) {
      this.local.delete(room);
      await this.announce(room).catch(() => undefined);
    }
    await this.unlisten?.();
  }

  join(room: Room, user: PresentUser): void {
    const viewers = this.local.get(room) ?? new Map();
    const entry = viewers.get(user.id) ?? { user, count: 0 };
    entry.count++;
    viewers.set(user.id, entry);
    this.local.set(room, viewers);
    if (entry.count === 1) this.changed(room);
  }

  leave(room: Room, userId: string): void {
    const viewers = this.local.get(room);
    const entry = viewers?.get(userId);
    if (!viewers || !entry) return;
    if (--entry.count > 0) return;
    viewers.delete(userId);
    if (viewers.size === 0) this.local.delete(room);
    this.changed(room);
  }

  /** Everyone present in a room, on any instance, each person once. */
  users(room: Room): PresentUser[] {
    const all = new Map<string, PresentUser>();
    for (const { user } of this.local.get(room)?.values() ?? []) all.set(user.id, user);
    for (const { users } of this.remote.get(room)?.values() ?? []) for (const u of users) all.set(u.id, u);
    return [...all.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  private changed(room: Room): void {
    this.onChange(room, this.users(room));
    void this.announce(room).catch(() => undefined);
  }

  private async announce(room: Room): Promise<void> {
    const users = [...(this.local.get(room)?.values() ?? [])].map((e) => e.user);
    const payload: Announcement = { instanceId: this.deps.instanceId, room, users };
    await sql`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(payload)})`.execute(this.deps.db);
  }

  private receive(payload: string): void {
    let a: Announcement;
    try {
      a = JSON.parse(payload) as Announcement;
    } catch {
      return;
    }
    if (a.instanceId === this.deps.instanceId) return;
    const before = JSON.stringify(this.users(a.room));
    const byInstance = this.remote.get(a.room) ?? new Map();
    if (a.users.length) byInstance.set(a.instanceId, { users: a.users, at: Date.now() });
    else byInstance.delete(a.instanceId);
    this.remote.set(a.room, byInstance);
    if (JSON.stringify(this.users(a.room)) !== before) this.onChange(a.room, this.users(a.room));
  }

  private expire(nowMs: number): void {
    for (const [room, byInstance] of this.remote) {
      let dropped = false;
      for (const [id, e] of byInstance) if (nowMs - e.at > EXPIRE_MS) dropped = byInstance.delete(id) || dropped;
      if (dropped) this.onChange(room, this.users(room));
    }
  }
}
