import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Room } from '@concord/contracts';
import { RealtimeClient, realtimeUrl, type EventHandler, type PresentUser, type RealtimeStatus, type TransientHandler } from './ws-client.ts';

interface RealtimeContextValue {
  client: RealtimeClient | null;
  status: RealtimeStatus;
}

const RealtimeContext = createContext<RealtimeContextValue>({ client: null, status: 'idle' });

export interface RealtimeProviderProps {
  /** Connect only while someone is signed in (the socket authenticates with the session cookie). */
  enabled: boolean;
  children: ReactNode;
}

/** Owns the app's one realtime socket; `resync` reloads every query. */
export function RealtimeProvider({ enabled, children }: RealtimeProviderProps) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState<RealtimeContextValue>({ client: null, status: 'idle' });

  useEffect(() => {
    if (!enabled) return;
    const client = new RealtimeClient({
      url: realtimeUrl(),
      onResync: () => void queryClient.invalidateQueries(),
      onStatus: (status) => setValue({ client, status }),
    });
    setValue({ client, status: 'connecting' });
    client.start();
    return () => {
      client.stop();
      setValue({ client: null, status: 'idle' });
    };
  }, [enabled, queryClient]);

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeStatus(): RealtimeStatus {
  return useContext(RealtimeContext).status;
}

/**
 * Joins `rooms` and calls `handler` for every domain event delivered to them, while the component is mounted.
 * `onJoined` runs once the server confirms rooms this mount newly joined: whatever the component read before then may
 * have missed a change, so it should re-read (refetch its queries).
 */
export function useRealtimeEvents(rooms: readonly Room[], handler: EventHandler, onJoined?: () => void): void {
  useRoomListener(rooms, handler, (client, call) => client.onEvent(call), onJoined);
}

/**
 * Joins `rooms` and calls `handler` for every transient event (progress) sent to them while the component is mounted.
 * Nothing is replayed: what was sent before the join or during a disconnect is gone.
 */
export function useRealtimeTransient(rooms: readonly Room[], handler: TransientHandler): void {
  useRoomListener(rooms, handler, (client, call) => client.onTransient(call));
}

/** Joins `rooms` while mounted and registers `handler` (always the latest one passed) with `listen`. */
function useRoomListener<A extends unknown[]>(
  rooms: readonly Room[],
  handler: (...args: A) => void,
  listen: (client: RealtimeClient, call: (...args: A) => void) => () => void,
  onJoined?: () => void,
): void {
  const { client } = useContext(RealtimeContext);
  const handlerRef = useRef(handler);
  const listenRef = useRef(listen);
  const joinedRef = useRef(onJoined);
  useEffect(() => {
    handlerRef.current = handler;
    listenRef.current = listen;
    joinedRef.current = onJoined;
  });
  const roomKey = rooms.join(',');

  useEffect(() => {
    if (!client) return;
    const list = roomKey ? (roomKey.split(',') as Room[]) : [];
    const release = client.join(list, () => joinedRef.current?.());
    const off = listenRef.current(client, (...args) => handlerRef.current(...args));
    return () => {
      off();
      release();
    };
  }, [client, roomKey]);
}

const NOBODY: readonly PresentUser[] = [];

/** Joins `room` while mounted and returns who is looking at it right now (everyone, including this user). */
export function usePresence(room: Room | null): readonly PresentUser[] {
  const { client } = useContext(RealtimeContext);
  const [state, setState] = useState<{ room: Room | null; users: readonly PresentUser[] }>({ room: null, users: NOBODY });

  useEffect(() => {
    if (!client || !room) return;
    const off = client.onPresence((r, users) => {
      if (r === room) setState({ room, users });
    });
    const release = client.join([room]);
    setState({ room, users: client.presenceOf(room) });
    return () => {
      off();
      release();
    };
  }, [client, room]);

  return state.room === room ? state.users : NOBODY;
}
