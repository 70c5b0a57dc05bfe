import type { z } from 'zod';
import type { historyEntry } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { tableAccess } from './table-access.ts';
import { existingIds } from './record.repo.ts';
import { recordNotFound } from './record.service.ts';
import { columnSpecs } from './field-columns.ts';
import { listHistory, type Changes } from './record-history.repo.ts';
import { loadTable } from './table-meta.ts';

/** A record's history with values shown in the API shape of each field (select names, not option ids). */
export async function historyOf(deps: Deps, ctx: RequestContext, tableId: string, recordId: string): Promise<z.infer<typeof historyEntry>[]> {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'read');
  if (!(await existingIds(deps.db, tableId, [recordId], access.rows)).has(recordId) && access.rows) throw recordNotFound(recordId);
  const rows = await listHistory(deps.db, tableId, recordId);
  const show = (fieldId: string, v: unknown) => {
    const f = table.byId.get(fieldId);
    if (!f || v === null || v === undefined) return v ?? null;
    if (f.type === 'date') return new Date(String(v)).getTime();
    return columnSpecs[f.type].fromDb(f, v);
  };
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? r.actor_id } : null,
    action: r.action,
    undone: r.undone,
    changes: Object.entries(r.changes as Changes)
      .filter(([fieldId]) => !access.hidden.has(fieldId))
      .map(([fieldId, c]) => ({ fieldId, old: show(fieldId, c.old), new: show(fieldId, c.new) })),
  }));
}
