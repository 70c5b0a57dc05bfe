import type { Generated } from 'kysely';
import type { Json } from '../../platform/db/database.ts';

declare module '../../platform/db/database.ts' {
  interface Database {
    base_dashboards: {
      id: string;
      base_id: string;
      name: string;
      filters: Json<unknown[]>;
      position: Generated<number>;
      created_by: string | null;
      created_at: Generated<Date>;
      updated_at: Generated<Date>;
    };
    base_dashboard_widgets: { id: string; dashboard_id: string; position: Generated<number>; spec: Json<Record<string, unknown>> };
  }
}
