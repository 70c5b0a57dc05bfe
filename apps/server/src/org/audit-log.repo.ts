import type { Db } from '../platform/db/database.ts';

export interface AuditQuery {
  pageSize: number;
  /** Only entries with an id below this (the previous page's last id). */
  before?: number;
  /** An action ("org.person.update") or a prefix of whole segments ("org.person", "org"). */
  action?: string;
}

/** The audit log, newest first, with the acting person's or app's name. */
export async function listAuditEntries(db: Db, query: AuditQuery) {
  let base = db.selectFrom('audit_log as a');
  if (query.action) {
    const action = query.action.replace(/\.+$/, '');
    const pattern = action.replace(/[\\%_]/g, (c) => `\\${c}`) + '.%';
    base = base.where((eb) => eb.or([eb('a.action', '=', action), eb('a.action', 'like', pattern)]));
  }
  let page = base
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'a.actor_id').on('a.actor_type', '=', 'user'))
    .leftJoin('apps as p', (j) => j.onRef('p.app_id', '=', 'a.actor_id').on('a.actor_type', '=', 'app'))
    .select([
      'a.id',
      'a.at',
      'a.actor_type',
      'a.actor_id',
      'a.action',
      'a.target_type',
      'a.target_id',
      'a.ip',
      'a.details',
      'u.name as user_name',
      'p.name as app_name',
    ])
    .orderBy('a.id', 'desc')
    .limit(query.pageSize + 1);
  if (query.before !== undefined) page = page.where('a.id', '<', query.before);
  const rows = await page.execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const shown = rows.slice(0, query.pageSize);
  const more = rows.length > query.pageSize;
  return {
    items: shown.map((r) => ({
      id: Number(r.id),
      at: r.at.toISOString(),
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.user_name ?? r.app_name ?? null,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      ip: r.ip,
      details: (r.details as Record<string, unknown> | null) ?? null,
    })),
    nextPageToken: more && shown.length ? String(shown[shown.length - 1]!.id) : null,
    total: Number(total.n),
  };
}
