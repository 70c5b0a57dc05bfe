import type { AutomationAction, RecordDto } from '@concord/contracts';
import type { Deps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/http/actor.ts';
import { cellText } from '../../cell-text.ts';
import type { TableMeta } from '../../table-meta.ts';
import { renderTemplate } from '../trigger-match.ts';
import type { AutomationRow } from '../automation.service.ts';
import type { RunText } from '../run-text.ts';

/** What an action can see and use while one run executes. */
export interface ActionEnv {
  deps: Deps;
  /** Acts as the automation's creator, one level deeper in the loop guard. */
  ctx: RequestContext;
  table: TableMeta;
  automation: AutomationRow;
  runId: string;
  recordId: string;
  /** The record as it is now (re-read after each write, so later actions see earlier ones' changes). */
  record(): Promise<RecordDto>;
  /** Person fields an earlier action of this run assigned, so "notify" can say "assigned to you". */
  assignedFields: Set<string>;
  fetch: typeof fetch;
}

/**
 * A finished action; failures are thrown (and retried with the run). `detail` is a string when it reads the same in
 * both languages (names, addresses), else both texts.
 */
export interface ActionOutcome {
  status: 'succeeded' | 'skipped';
  detail: string | RunText;
}

export type ActionRunner<K extends AutomationAction['kind']> = (env: ActionEnv, action: Extract<AutomationAction, { kind: K }>) => Promise<ActionOutcome>;

/** A template with `{{Field name}}` filled from the record. */
export function fillTemplate(table: TableMeta, record: RecordDto, template: string): string {
  return renderTemplate(template, (name) => {
    const field = table.byName.get(name);
    return field ? cellText(field, record.fields[field.id] ?? null) : undefined;
  });
}

/** Person ids in a person-like cell (`[{ id, name }]`). */
export function peopleIn(value: unknown): { id: string; email?: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((p) =>
    typeof p === 'object' && p && 'id' in p ? [{ id: String((p as { id: unknown }).id), email: (p as { email?: string }).email }] : [],
  );
}

/** The record's in-app path, for notification links. */
export const recordPath = (env: ActionEnv) => `/base/${env.table.baseId}/${env.table.id}/${env.recordId}`;
