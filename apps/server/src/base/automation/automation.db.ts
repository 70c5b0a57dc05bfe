import type { ColumnType, Generated } from 'kysely';
import type { AutomationAction, AutomationRunStatus, AutomationStepResult, AutomationTrigger, LocalizedText } from '@concord/contracts';
import type { Json } from '../../platform/db/database.ts';

export interface AutomationsTable {
  id: string;
  table_id: string;
  name: string;
  enabled: boolean;
  trigger: Json<AutomationTrigger>;
  actions: Json<AutomationAction[]>;
  secret: string;
  assign_cursor: Generated<number>;
  scanned_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** A step as logged: `text` holds its detail in both languages when it is not the same in both. */
export type StoredStep = AutomationStepResult & { text?: LocalizedText };

export interface AutomationRunsTable {
  id: string;
  automation_id: string;
  table_id: string;
  record_id: string | null;
  trigger_summary: string;
  trigger_text: ColumnType<LocalizedText | null, string | null | undefined, string | null>;
  status: ColumnType<AutomationRunStatus, AutomationRunStatus | undefined, AutomationRunStatus>;
  attempts: Generated<number>;
  steps: ColumnType<StoredStep[], string | undefined, string>;
  error: string | null;
  error_text: ColumnType<LocalizedText | null, string | null | undefined, string | null>;
  depth: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  created_at: ColumnType<Date, Date | undefined, Date>;
  finished_at: Date | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    base_automations: AutomationsTable;
    base_automation_runs: AutomationRunsTable;
  }
}
