import type { ActionRunner } from './action-env.ts';
import { updateRecords } from '../../record.service.ts';

export const runUpdateFields: ActionRunner<'update_fields'> = async (env, action) => {
  await updateRecords(env.deps, env.ctx, env.table.id, [{ id: env.recordId, fields: action.values }]);
  const names = Object.keys(action.values).map((id) => env.table.byId.get(id)?.name ?? id);
  return { status: 'succeeded', detail: names.join(', ') };
};
