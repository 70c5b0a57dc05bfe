import type { AutomationAction } from '@concord/contracts';
import type { ActionRunner } from './action-env.ts';
import { runAssign } from './assign.action.ts';
import { runUpdateFields } from './update-fields.action.ts';
import { runCreateLinkedRecord } from './create-linked-record.action.ts';
import { runNotify } from './notify.action.ts';
import { runEmail } from './email.action.ts';
import { runWebhook } from './webhook.action.ts';

/** One runner per action kind; a new kind is a compile error here until it has one. */
export const actionRunners: { [K in AutomationAction['kind']]: ActionRunner<K> } = {
  assign: runAssign,
  update_fields: runUpdateFields,
  create_linked_record: runCreateLinkedRecord,
  notify: runNotify,
  email: runEmail,
  webhook: runWebhook,
};

export type { ActionEnv } from './action-env.ts';
