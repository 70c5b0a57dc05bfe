import type { CommentDto } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { publish } from '../platform/events.ts';
import { tableAccess } from './table-access.ts';
import { existingIds } from './record.repo.ts';
import { recordNotFound } from './record.service.ts';
import { loadTable } from './table-meta.ts';

async function recordTable(deps: Deps, ctx: RequestContext, tableId: string, recordId: string, min: 'read' | 'comment') {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, min);
  if (!(await existingIds(deps.db, tableId, [recordId], access.rows)).has(recordId)) throw recordNotFound(recordId);
  return table;
}

export async function listComments(deps: Deps, ctx: RequestContext, tableId: string, recordId: string): Promise<CommentDto[]> {
  await recordTable(deps, ctx, tableId, recordId, 'read');
  const rows = await deps.db
    .selectFrom('base_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.record_id', 'c.author_id', 'u.name as author_name', 'c.body', 'c.mentions', 'c.created_at'])
    .where('c.table_id', '=', tableId)
    .where('c.record_id', '=', recordId)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.created_at')
    .execute();
  const ids = [...new Set(rows.flatMap((r) => r.mentions))];
  const names = new Map(
    (ids.length ? await deps.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute() : []).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    recordId: r.record_id,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? r.author_id } : null,
    body: r.body,
    mentions: r.mentions.map((m) => ({ id: m, name: names.get(m) ?? m })),
    createdAt: r.created_at.toISOString(),
  }));
}

/** Adds a comment and tells each mentioned person through their own room (the notify slice turns it into an inbox item). */
export async function addComment(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  recordId: string,
  input: { body: string; mentions: string[] },
): Promise<CommentDto> {
  const table = await recordTable(deps, ctx, tableId, recordId, 'comment');
  const authorId = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
  const mentions = [...new Set(input.mentions)];
  const known = mentions.length ? await deps.db.selectFrom('users').select('id').where('id', 'in', mentions).where('active', '=', true).execute() : [];
  const unknown = mentions.find((m) => !known.some((k) => k.id === m));
  if (unknown) throw new AppError('validation', 'base.comment.unknown_person', { en: `No active person ${unknown}`, zh: `不存在在职人员 ${unknown}` });
  const id = newId('cmt', 12);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('base_comments')
      .values({ id, table_id: tableId, record_id: recordId, author_id: authorId, body: input.body, mentions, edited_at: null, deleted_at: null })
      .execute();
    for (const m of mentions) {
      await publish(trx, [`user:${m}`], {
        type: 'base.comment.mentioned',
        tableId,
        baseId: table.baseId,
        recordId,
        commentId: id,
        authorId,
        mentionedId: m,
        excerpt: input.body.slice(0, 140),
      });
    }
  });
  const [dto] = (await listComments(deps, ctx, tableId, recordId)).filter((c) => c.id === id);
  return dto!;
}
