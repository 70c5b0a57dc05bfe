import type { ActionRunner } from './action-env.ts';
import { fillTemplate, peopleIn } from './action-env.ts';
import { sendMail } from '../../../platform/mail.ts';
import { RUN_TEXT } from '../run-text.ts';

export const runEmail: ActionRunner<'email'> = async (env, action) => {
  const record = await env.record();
  const to = new Set(action.to.addresses.map((a) => a.toLowerCase()));
  for (const fieldId of action.to.fieldIds) {
    const field = env.table.byId.get(fieldId);
    const value = record.fields[fieldId];
    if (field?.type === 'email' && typeof value === 'string' && value.includes('@')) to.add(value.toLowerCase());
    else for (const p of peopleIn(value)) if (p.email) to.add(p.email.toLowerCase());
  }
  if (to.size === 0) return { status: 'skipped', detail: RUN_TEXT.noRecipients };
  const subject = fillTemplate(env.table, record, action.subject);
  const text = fillTemplate(env.table, record, action.body);
  await sendMail(env.deps.config, { to: [...to], subject, text });
  return { status: 'succeeded', detail: `→ ${[...to].join(', ')}`.slice(0, 500) };
};
