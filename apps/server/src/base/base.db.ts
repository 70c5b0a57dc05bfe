import type { ColumnType, Generated } from 'kysely';
import type { BaseRole } from '@concord/contracts';
import type { FieldType } from '@concord/table-engine';
import type { Json } from '../platform/db/database.ts';
import type { WebhookPayload } from '@concord/contracts';

declare module '../platform/db/database.ts' {
  interface Database {
    bases: { id: string; name: string; owner_id: string | null; revision: Generated<number>; created_at: Generated<Date>; updated_at: Generated<Date> };
    base_members: { base_id: string; user_id: string; role: BaseRole };
    base_tables: {
      id: string;
      base_id: string;
      name: string;
      position: Generated<number>;
      record_count: Generated<number>;
      /** Bumped by triggers on any change to the table's fields or views (cache key). */
      meta_version: Generated<number>;
      rules: ColumnType<unknown[], string | undefined, string>;
      dedup: ColumnType<unknown, string | null | undefined, string | null>;
      created_at: Generated<Date>;
    };
    base_fields: {
      id: string;
      table_id: string;
      name: string;
      type: FieldType;
      options: Json<Record<string, unknown>>;
      is_primary: Generated<boolean>;
      description: string | null;
      position: Generated<number>;
      created_at: Generated<Date>;
    };
    base_views: {
      id: string;
      table_id: string;
      name: string;
      type: 'grid' | 'kanban' | 'form' | 'gallery' | 'calendar';
      config: Json<Record<string, unknown>>;
      position: Generated<number>;
    };
    base_links: { field_id: string; from_id: string; to_id: string; position: Generated<number> };
    base_record_history: {
      id: Generated<number>;
      table_id: string;
      record_id: string;
      at: Generated<Date>;
      actor_id: string | null;
      action: 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'move';
      batch_id: string;
      undone: Generated<boolean>;
      changes: Json<Record<string, { old: unknown; new: unknown }>>;
      /** Where a deleted record stood in its table's manual order (undo puts it back there). */
      position: number | null;
    };
    base_webhooks: {
      id: string;
      table_id: string;
      url: string;
      secret: string;
      events: string[];
      active: Generated<boolean>;
      created_by: string | null;
      created_at: Generated<Date>;
    };
    base_webhook_deliveries: {
      id: Generated<number>;
      webhook_id: string;
      payload: Json<WebhookPayload>;
      status: Generated<'pending' | 'success' | 'failed'>;
      attempts: Generated<number>;
      next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
      last_status: number | null;
      last_error: string | null;
      created_at: Generated<Date>;
      delivered_at: Date | null;
    };
    base_files: {
      token: string;
      table_id: string;
      name: string;
      size: number;
      mime: string;
      sha256: string;
      created_by: string | null;
      created_at: Generated<Date>;
    };
    base_dedup_keys: { table_id: string; record_id: string; field_id: string; key: string };
    base_dedup_pairs: {
      id: string;
      table_id: string;
      a: string;
      b: string;
      score: number;
      reasons: Json<unknown[]>;
      status: Generated<'open' | 'dismissed' | 'merged'>;
      created_at: Generated<Date>;
      decided_by: string | null;
      decided_at: Date | null;
    };
    base_comments: {
      id: string;
      table_id: string;
      record_id: string;
      author_id: string | null;
      body: string;
      mentions: string[];
      created_at: Generated<Date>;
      edited_at: Date | null;
      deleted_at: Date | null;
    };
  }
}
