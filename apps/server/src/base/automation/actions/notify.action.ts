import type { ActionRunner } from './action-env.ts';
import { fillTemplate, peopleIn, recordPath } from './action-env.ts';
import { publish } from '../../../platform/events.ts';
import { RUN_TEXT } from '../run-text.ts';

/** Asks the notify slice (through the `notify.requested` event; base never imports notify) to tell people in-app. */
export const runNotify: ActionRunner<'notify'> = async (env, action) => {
  const record = await env.record();
  const ids = new Set(action.to.userIds);
  for (const f of action.to.fieldIds) for (const p of peopleIn(record.fields[f])) ids.add(p.id);
  const active = ids.size
    ? await env.deps.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .where('active', '=', true)
        .execute()
    : [];
  if (active.length === 0) return { status: 'skipped', detail: RUN_TEXT.nobodyToNotify };
  const title = fillTemplate(env.table, record, action.title).slice(0, 300) || env.automation.name;
  const body = fillTemplate(env.table, record, action.body).slice(0, 2000);
  const assigned = action.to.fieldIds.some((f) => env.assignedFields.has(f));
  await env.deps.db.transaction().execute((trx) =>
    publish(trx, [], {
      type: 'notify.requested',
      userIds: active.map((a) => a.id).slice(0, 500),
      kind: assigned ? 'base.record.assigned' : 'base.automation',
      title: { en: title, zh: title },
      body,
      link: recordPath(env),
      // From the automation, not its creator: the creator is notified too when they are the one assigned.
      actorId: null,
    }),
  );
  return { status: 'succeeded', detail: `→ ${active.map((a) => a.name).join(', ')}`.slice(0, 500) };
};
