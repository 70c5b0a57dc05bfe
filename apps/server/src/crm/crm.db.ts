import type { Generated } from 'kysely';
import type { CrmLocale } from '@concord/contracts';
import type { Timestamp } from '../platform/db/database.ts';

export interface CrmAppsTable {
  base_id: string;
  locale: CrmLocale;
  customers_table_id: string;
  contacts_table_id: string;
  opportunities_table_id: string;
  activities_table_id: string;
  dashboard_id: string | null;
  demo: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
}

declare module '../platform/db/database.ts' {
  interface Database {
    crm_apps: CrmAppsTable;
  }
}
