import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as c from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import { route } from '../platform/http/route.ts';
import { AppError } from '../platform/errors.ts';
import * as inbox from './notification.service.ts';
import * as settings from './settings.service.ts';

/** The signed-in person's id; every notify route is about the caller's own inbox. */
function me(req: FastifyRequest): string {
  const actor = req.ctx.actor;
  if (actor?.kind !== 'user') throw new AppError('unauthorized', 'auth.required', { en: 'Please sign in', zh: '请先登录' });
  return actor.userId;
}

/** /api/v1/notify: the caller's inbox, unread count and notification settings. */
export async function notifyRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.listNotifications, async ({ query, req }) =>
    inbox.listInbox(deps, me(req), { unreadOnly: query.unreadOnly === 'true', before: query.before, limit: query.limit }),
  );
  route(app, c.getUnreadCount, async ({ req }) => ({ unreadCount: await inbox.unreadCountOf(deps, me(req)) }));
  route(app, c.markNotificationsRead, async ({ body, req }) => inbox.markRead(deps, req.ctx, me(req), body));
  route(app, c.getNotificationSettings, async ({ req }) => settings.getSettings(deps.db, me(req)));
  route(app, c.updateNotificationSettings, async ({ body, req }) => settings.updateSettings(deps, req.ctx, me(req), body.kinds));
}
