import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * All tables, assembled by declaration merging: each slice's `<slice>.db.ts` adds its tables with
 * `declare module '../platform/db/database.ts' { interface Database { … } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database extends PlatformTables {}

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export interface PlatformTables {
  concord_migrations: { name: string; applied_at: Generated<Date> };
  outbox: {
    seq: Generated<number>;
    at: Generated<Date>;
    rooms: string[];
    event: Json<unknown>;
  };
  audit_log: {
    id: Generated<number>;
    at: Generated<Date>;
    actor_type: 'user' | 'app' | 'system' | 'anonymous';
    actor_id: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    ip: string | null;
    details: Json<Record<string, unknown>> | null;
  };
}

export type Db = Kysely<Database>;
