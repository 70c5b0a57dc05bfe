import { sql } from 'kysely';
import { viewConfig, type FormDto } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { audit } from '../platform/audit.ts';
import { insertRecords } from './record.service.ts';
import { loadTable, toTableDto } from './table-meta.ts';

const formNotFound = () => new AppError('not_found', 'base.form.not_found', { en: 'This form does not exist or was closed', zh: '表单不存在或已关闭' });

/** Finds the form view behind a link token; internal forms need a signed-in person. */
export async function findForm(deps: Deps, ctx: RequestContext, token: string) {
  const row = await deps.db
    .selectFrom('base_views')
    .select(['id', 'table_id', 'config'])
    .where('type', '=', 'form')
    .where(sql<boolean>`config->'form'->>'token' = ${token}`)
    .executeTakeFirst();
  const form = row ? viewConfig.parse(row.config).form : null;
  if (!row || !form) throw formNotFound();
  if (form.access === 'internal' && ctx.actor?.kind !== 'user')
    throw new AppError('unauthorized', 'auth.required', { en: 'Sign in to fill in this form', zh: '请登录后填写此表单' });
  return { table: await loadTable(deps.db, row.table_id), form, viewId: row.id };
}

export async function getForm(deps: Deps, ctx: RequestContext, token: string): Promise<FormDto> {
  const { table, form } = await findForm(deps, ctx, token);
  const dto = toTableDto(table);
  return {
    title: form.title,
    description: form.description,
    access: form.access,
    fields: form.fields.flatMap((f) => {
      const field = dto.fields.find((x) => x.id === f.fieldId);
      return field ? [{ id: field.id, name: field.name, type: field.type, options: field.options, required: f.required, hint: f.hint }] : [];
    }),
  };
}

/** Turns answers into a record. Only the form's fields are accepted; every required one must be filled. */
export async function submitForm(
  deps: Deps,
  ctx: RequestContext,
  token: string,
  answers: Record<string, unknown>,
): Promise<{ recordId: string; message: string }> {
  const { table, form, viewId } = await findForm(deps, ctx, token);
  const allowed = new Set(form.fields.map((f) => f.fieldId));
  const extra = Object.keys(answers).find((k) => !allowed.has(k));
  if (extra) throw new AppError('validation', 'base.form.unknown_field', { en: `This form does not ask for ${extra}`, zh: `表单中没有字段 ${extra}` });
  // A required checkbox must be ticked (false is an answer people did not give).
  const blank = (v: unknown) => v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
  const missingIds = form.fields.filter((f) => f.required && blank(answers[f.fieldId])).map((f) => f.fieldId);
  const missing = missingIds.map((id) => table.byId.get(id)?.name ?? id);
  if (missing.length) {
    throw new AppError(
      'validation',
      'base.form.required',
      { en: `Please fill in: ${missing.join(', ')}`, zh: `请填写：${missing.join('、')}` },
      { missing, missingIds },
    );
  }
  const [recordId] = await insertRecords(deps, ctx, table, [answers], (trx, ids) =>
    audit(trx, ctx, 'base.form.submit', { type: 'base_view', id: viewId }, { recordId: ids[0] }),
  );
  return { recordId: recordId!, message: form.submitMessage || (ctx.locale === 'zh-CN' ? '提交成功，谢谢！' : 'Thank you, your answers were submitted.') };
}
