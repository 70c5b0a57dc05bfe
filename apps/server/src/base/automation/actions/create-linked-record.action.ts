import type { OptionsOf } from '@concord/table-engine';
import type { ActionRunner } from './action-env.ts';
import { createRecords, updateRecords } from '../../record.service.ts';
import { RUN_TEXT, runFailure } from '../run-text.ts';

const linkedIds = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v && 'id' in v ? String((v as { id: unknown }).id) : String(v))) : [];

export const runCreateLinkedRecord: ActionRunner<'create_linked_record'> = async (env, action) => {
  const link = env.table.byId.get(action.fieldId);
  if (!link || link.type !== 'link') throw runFailure(RUN_TEXT.linkGone(action.fieldId));
  const targetId = (link.options as OptionsOf<'link'>).tableId;
  const [created] = await createRecords(env.deps, env.ctx, targetId, [action.values]);
  const current = linkedIds((await env.record()).fields[action.fieldId]);
  const multiple = (link.options as OptionsOf<'link'>).multiple !== false;
  await updateRecords(env.deps, env.ctx, env.table.id, [
    { id: env.recordId, fields: { [action.fieldId]: multiple ? [...current, created!.id] : [created!.id] } },
  ]);
  return { status: 'succeeded', detail: `${link.name} → ${created!.id}` };
};
