import { z } from 'zod';
import { filterNode } from '@concord/table-engine';
import { defineRoute } from '../http.ts';
import { id, isoDateTime, ok, pageOf, pageQuery } from '../common.ts';

/**
 * Automations: "when <trigger> on a record of this table, do <actions> in order". Triggers are captured in the
 * transaction that changed the record; the actions run shortly after in a background worker, so a failing action
 * (an unreachable SMTP server, say) never blocks or undoes the edit. Each firing is one run in the run log.
 */

const template = z.string().max(5_000);

export const automationTrigger = z.discriminatedUnion('kind', [
  /** A record was created (and matches `filter`, when given). */
  z.object({ kind: z.literal('record_created'), filter: filterNode.nullable().default(null) }),
  /** A created or updated record matches `filter`, and the write changed one of the filter's fields. */
  z.object({ kind: z.literal('record_matches'), filter: filterNode }),
  /**
   * A field changed, optionally to one of `to`: select option ids or names (stored as ids), or the text of the
   * new value for other field types.
   */
  z.object({ kind: z.literal('field_changed'), fieldId: id, to: z.array(z.string().min(1).max(1000)).max(50).nullable().default(null) }),
  /**
   * A date field's value plus `offsetMinutes` (negative = before) has passed. Each record fires once per value of the
   * date; `filter` narrows the records.
   */
  z.object({
    kind: z.literal('date_reached'),
    fieldId: id,
    offsetMinutes: z.number().int().min(-525_600).max(525_600).default(0),
    filter: filterNode.nullable().default(null),
  }),
]);
export type AutomationTrigger = z.infer<typeof automationTrigger>;
export type AutomationTriggerKind = AutomationTrigger['kind'];

export const assignStrategy = z.enum(['round_robin', 'least_loaded']);

export const automationAction = z.discriminatedUnion('kind', [
  /**
   * Puts one person from the pool into a person field: round robin over the pool, or whoever holds that field on the
   * fewest records of the table.
   */
  z.object({
    kind: z.literal('assign'),
    fieldId: id,
    pool: z.object({ userIds: z.array(id).max(500).default([]), departmentId: id.nullable().default(null) }),
    strategy: assignStrategy.default('round_robin'),
  }),
  /** Sets fields of the record; `values` are keyed by field id, in the same form as the records API. */
  z.object({ kind: z.literal('update_fields'), values: z.record(z.string(), z.unknown()) }),
  /** Creates a record in the table that link field `fieldId` points to, with `values`, and links it to this record. */
  z.object({ kind: z.literal('create_linked_record'), fieldId: id, values: z.record(z.string(), z.unknown()).default({}) }),
  /** An in-app notification to the people in person fields of the record and/or listed people. `{{Field name}}` placeholders. */
  z.object({
    kind: z.literal('notify'),
    to: z.object({ fieldIds: z.array(id).max(20).default([]), userIds: z.array(id).max(500).default([]) }),
    title: z.string().min(1).max(300),
    body: template.default(''),
  }),
  /** An email (SMTP) to listed addresses and/or the email or person fields of the record. `{{Field name}}` placeholders. */
  z.object({
    kind: z.literal('email'),
    to: z.object({ addresses: z.array(z.email()).max(100).default([]), fieldIds: z.array(id).max(20).default([]) }),
    subject: z.string().min(1).max(500),
    body: template.default(''),
  }),
  /** POSTs the record to a URL, signed like base webhooks (`X-Concord-Signature`). */
  z.object({ kind: z.literal('webhook'), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);
export type AutomationAction = z.infer<typeof automationAction>;
export type AutomationActionKind = AutomationAction['kind'];

export const automationDto = z.object({
  id,
  tableId: id,
  name: z.string(),
  enabled: z.boolean(),
  trigger: automationTrigger,
  actions: z.array(automationAction),
  /** Signs the webhook action's calls (`X-Concord-Signature`, as for base webhooks). */
  secret: z.string(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type AutomationDto = z.infer<typeof automationDto>;

export const createAutomationInput = z.object({
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().default(true),
  trigger: automationTrigger,
  actions: z.array(automationAction).min(1).max(10),
});
export type CreateAutomationInput = z.input<typeof createAutomationInput>;
export const updateAutomationInput = createAutomationInput.partial();
export type UpdateAutomationInput = z.input<typeof updateAutomationInput>;

export const automationRunStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'skipped']);
export type AutomationRunStatus = z.infer<typeof automationRunStatus>;

/** What one action did in one run. */
export const automationStepResult = z.object({
  kind: z.enum(['assign', 'update_fields', 'create_linked_record', 'notify', 'email', 'webhook']),
  status: z.enum(['succeeded', 'failed', 'skipped']),
  /** A short human-readable outcome: who was assigned, how many were notified, the HTTP status … */
  detail: z.string(),
});
export type AutomationStepResult = z.infer<typeof automationStepResult>;

export const automationRunDto = z.object({
  id,
  automationId: id,
  recordId: id.nullable(),
  /** What fired, e.g. "阶段 → 方案报价" or "record created". */
  trigger: z.string(),
  status: automationRunStatus,
  attempts: z.number().int(),
  steps: z.array(automationStepResult),
  error: z.string().nullable(),
  createdAt: isoDateTime,
  nextAttemptAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
});
export type AutomationRunDto = z.infer<typeof automationRunDto>;

const tableParams = z.object({ tableId: id });
const automationParams = z.object({ automationId: id });

/** Base editors and owners manage automations. */
export const createAutomation = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/automations',
  access: 'user',
  params: tableParams,
  body: createAutomationInput,
  output: automationDto,
  status: 201,
});
export const listAutomations = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/automations',
  access: 'user',
  params: tableParams,
  output: z.object({ items: z.array(automationDto) }),
});
export const getAutomation = defineRoute({
  method: 'get',
  path: '/base/automations/:automationId',
  access: 'user',
  params: automationParams,
  output: automationDto,
});
/** Changes any of name, enabled (turn on/off), trigger, actions. */
export const updateAutomation = defineRoute({
  method: 'patch',
  path: '/base/automations/:automationId',
  access: 'user',
  params: automationParams,
  body: updateAutomationInput,
  output: automationDto,
});
export const deleteAutomation = defineRoute({
  method: 'delete',
  path: '/base/automations/:automationId',
  access: 'user',
  params: automationParams,
  output: ok,
});
/** The run log, newest first. */
export const listAutomationRuns = defineRoute({
  method: 'get',
  path: '/base/automations/:automationId/runs',
  access: 'user',
  params: automationParams,
  query: pageQuery,
  output: pageOf(automationRunDto),
});
