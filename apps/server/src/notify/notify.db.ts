import type { Generated } from 'kysely';
import type { NotificationKind } from '@concord/contracts';
import type { Json, Timestamp } from '../platform/db/database.ts';

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  title: Json<{ en: string; zh: string }>;
  body: Generated<string>;
  link: string | null;
  actor_id: string | null;
  source_seq: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationSettingsTable {
  user_id: string;
  kind: NotificationKind;
  in_app: boolean;
  email: boolean;
  updated_at: Timestamp;
}

declare module '../platform/db/database.ts' {
  interface Database {
    notifications: NotificationsTable;
    notification_settings: NotificationSettingsTable;
  }
}
