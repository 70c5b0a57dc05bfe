import { z } from 'zod';
import { id, isoDateTime } from '../common.ts';

/**
 * What a notification is about; settings are kept per kind. Adding a kind is one entry here plus its label in the web
 * app's notify i18n (a missing label is a type error there).
 */
export const NOTIFICATION_KINDS = [
  /** Someone @mentioned you in a record comment. */
  'base.comment.mentioned',
  /** A record was assigned to you (a stage owner, an automation's "assign a person"). */
  'base.record.assigned',
  /** A message from an automation's "notify people" action. */
  'base.automation',
] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof notificationKind>;

/** A notification title in both UI languages; the browser shows the one matching its language. */
export const notificationTitle = z.object({ en: z.string().min(1).max(300), zh: z.string().min(1).max(300) });

/** A path inside Concord (`/base/…`), never another site or a `javascript:` URL. */
export const inAppPath = z
  .string()
  .max(2_000)
  .regex(/^\/(?![/\\])\S*$/, 'must be a path inside Concord');

export const notificationDto = z.object({
  id,
  kind: notificationKind,
  title: notificationTitle,
  /** A short excerpt (the comment text, the changed field); may be empty. */
  body: z.string(),
  /** An in-app path to open, e.g. `/base/<baseId>/<tableId>/<recordId>`. */
  link: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export type NotificationDto = z.infer<typeof notificationDto>;
