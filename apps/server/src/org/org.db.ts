import type { Generated } from 'kysely';
import type { Locale, Role } from '@concord/contracts';
import type { Timestamp } from '../platform/db/database.ts';

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  mobile: string | null;
  title: string | null;
  manager_id: string | null;
  locale: Locale | null;
  time_zone: Generated<string>;
  role: Generated<Role>;
  active: Generated<boolean>;
  password_hash: string | null;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  head_id: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../platform/db/database.ts' {
  interface Database {
    users: UsersTable;
    departments: DepartmentsTable;
    user_departments: { user_id: string; department_id: string; is_primary: Generated<boolean> };
    sessions: {
      id: string;
      user_id: string;
      csrf_token: string;
      created_at: Generated<Date>;
      expires_at: Timestamp;
      ip: string | null;
      user_agent: string | null;
    };
    personal_tokens: {
      id: string;
      user_id: string;
      name: string;
      token_hash: string;
      created_at: Generated<Date>;
      last_used_at: Date | null;
      revoked_at: Date | null;
    };
    apps: {
      app_id: string;
      name: string;
      secret_hash: string;
      scopes: string[];
      active: Generated<boolean>;
      created_by: string | null;
      created_at: Generated<Date>;
    };
    tenant_tokens: { token_hash: string; app_id: string; expires_at: Timestamp };
  }
}
