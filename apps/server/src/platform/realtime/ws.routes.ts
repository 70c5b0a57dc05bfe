import type { FastifyInstance } from 'fastify';
import type { Actor } from '../http/actor.ts';
import type { RealtimeHub } from './hub.ts';

/**
 * GET /api/v1/ws upgrades to the realtime socket. Browsers authenticate with their session cookie (and must come from
 * this origin, against cross-site WebSocket hijacking); scripts pass `?token=cpat_…`.
 */
export function wsRoutes(
  app: FastifyInstance,
  hub: RealtimeHub,
  authenticate: (cookie: string | undefined, bearer: string | undefined) => Promise<Actor | null>,
  cookieName: string,
): void {
  app.get('/api/v1/ws', { websocket: true }, async (socket, req) => {
    const token = (req.query as { token?: string }).token;
    const cookie = token ? undefined : req.cookies[cookieName];
    if (cookie) {
      const origin = req.headers.origin;
      if (origin && new URL(origin).host !== req.headers.host) return socket.close(4403, 'cross-origin');
    }
    const actor = await authenticate(cookie, token);
    if (!actor) return socket.close(4401, 'unauthorized');
    hub.attach(socket, actor);
  });
}
