import { z } from 'zod';
import { room, transientEvent, type Room, type TransientEvent } from '@concord/contracts';
import type { DbHandle } from '../db/connect.ts';

export const TRANSIENT_CHANNEL = 'concord_transient';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; transient events are small by design. */
const MAX_PAYLOAD = 7_000;

/**
 * Sends a transient event to rooms on every instance at once, bypassing the outbox: it is not stored, not replayed,
 * and not held back by the caller's open transaction (an import reports progress from inside its own). Use it only
 * for what may be lost without harm.
 * @example await announce(deps, [`user:${userId}`], { type: 'base.import.progress', tableId, progressId, phase: 'writing', done: 500, total: 2000 })
 */
export async function announce(deps: { handle: DbHandle }, rooms: Room[], event: TransientEvent): Promise<void> {
  const payload = JSON.stringify({ rooms, event });
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`transient event ${event.type} too large (${payload.length} chars)`);
  await deps.handle.notify(TRANSIENT_CHANNEL, payload);
}

/** The rooms and event of a payload sent by {@link announce}, or null for anything else. */
export function parseAnnouncement(payload: string): { rooms: Room[]; event: TransientEvent } | null {
  let json: { rooms?: unknown; event?: unknown };
  try {
    json = JSON.parse(payload) as typeof json;
  } catch {
    return null;
  }
  const rooms = z.array(room).safeParse(json.rooms);
  const event = transientEvent.safeParse(json.event);
  return rooms.success && event.success ? { rooms: rooms.data, event: event.data } : null;
}
