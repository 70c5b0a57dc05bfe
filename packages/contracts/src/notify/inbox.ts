import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';
import { notificationDto } from './notification.ts';

const unreadCountDto = z.object({ unreadCount: z.number().int() });

/** The caller's notifications, newest first; `before` is the id of the last item of the previous page. */
export const listNotifications = defineRoute({
  method: 'get',
  path: '/notify/inbox',
  access: 'user',
  query: z.object({
    unreadOnly: z.enum(['true', 'false']).optional(),
    before: id.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  }),
  output: z.object({ items: z.array(notificationDto), nextBefore: z.string().nullable(), unreadCount: z.number().int() }),
});

/** How many of the caller's notifications are unread (the badge on the bell). */
export const getUnreadCount = defineRoute({ method: 'get', path: '/notify/unread-count', access: 'user', output: unreadCountDto });

/** Marks some of the caller's notifications read (`ids`), or all of them (`all: true`). Unknown or foreign ids → 404, nothing changes. */
export const markNotificationsRead = defineRoute({
  method: 'post',
  path: '/notify/read',
  access: 'user',
  body: z.union([z.object({ ids: z.array(id).min(1).max(500) }), z.object({ all: z.literal(true) })]),
  output: z.object({ marked: z.number().int(), unreadCount: z.number().int() }),
});
