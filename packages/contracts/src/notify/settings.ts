import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { notificationKind } from './notification.ts';

/** Where one kind of notification reaches the user. Email is stored now and delivered once the email channel exists. */
export const notificationPreference = z.object({ kind: notificationKind, inApp: z.boolean(), email: z.boolean() });
export type NotificationPreference = z.infer<typeof notificationPreference>;

const settingsDto = z.object({ kinds: z.array(notificationPreference) });
export type NotificationSettings = z.infer<typeof settingsDto>;

/** The caller's preference for every kind (defaults filled in). */
export const getNotificationSettings = defineRoute({ method: 'get', path: '/notify/settings', access: 'user', output: settingsDto });

/** Saves the preferences given (other kinds keep theirs) and returns the full set. */
export const updateNotificationSettings = defineRoute({
  method: 'put',
  path: '/notify/settings',
  access: 'user',
  body: z.object({ kinds: z.array(notificationPreference).min(1).max(50) }),
  output: settingsDto,
});
