import type { Db } from '../../platform/db/database.ts';

interface Slot {
  running: Promise<unknown>;
  queued: Promise<unknown> | null;
}

// Per database, so test apps sharing a process never share results.
const slots = new WeakMap<Db, Map<string, Slot>>();

function start<T>(map: Map<string, Slot>, key: string, compute: () => Promise<T>): Promise<T> {
  const running = compute();
  const slot: Slot = { running, queued: null };
  map.set(key, slot);
  const done = () => {
    if (map.get(key) === slot) map.delete(key);
  };
  running.then(done, done);
  return running;
}

/**
 * Runs `compute` for `key`, sharing work between identical concurrent requests (200 open dashboards refetching after
 * one change). A request never joins a computation that started before it arrived, which might predate the change it
 * was told about: it waits for that one to finish and shares the next run with everyone else who arrived meanwhile.
 */
export function coalesced<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  let map = slots.get(db);
  if (!map) slots.set(db, (map = new Map()));
  const slot = map.get(key);
  if (!slot) return start(map, key, compute);
  const m = map;
  slot.queued ??= slot.running.then(
    () => start(m, key, compute),
    () => start(m, key, compute),
  );
  return slot.queued as Promise<T>;
}
