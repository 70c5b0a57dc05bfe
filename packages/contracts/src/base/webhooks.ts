import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, isoDateTime, ok } from '../common.ts';

export const webhookEvent = z.enum(['record.created', 'record.updated', 'record.deleted']);

/**
 * The JSON body POSTed to a webhook URL. Signed: `X-Concord-Signature: sha256=<hex HMAC-SHA256 of
 * "<X-Concord-Timestamp>.<raw body>" with the webhook secret>`.
 */
export const webhookPayload = z.object({
  eventId: z.string(),
  type: webhookEvent,
  baseId: id,
  tableId: id,
  recordIds: z.array(id),
  actorId: z.string().nullable(),
  at: isoDateTime,
});
export type WebhookPayload = z.infer<typeof webhookPayload>;

export const webhookDto = z.object({ id, tableId: id, url: z.string(), events: z.array(webhookEvent), active: z.boolean(), createdAt: isoDateTime });

export const createWebhook = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/webhooks',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
    events: z.array(webhookEvent).min(1).default(['record.created', 'record.updated', 'record.deleted']),
  }),
  /** The signing secret is shown once. */
  output: webhookDto.extend({ secret: z.string() }),
  status: 201,
});
export const listWebhooks = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/webhooks',
  access: 'user',
  params: z.object({ tableId: id }),
  output: z.object({ items: z.array(webhookDto) }),
});
export const deleteWebhook = defineRoute({
  method: 'delete',
  path: '/base/webhooks/:webhookId',
  access: 'user',
  params: z.object({ webhookId: id }),
  output: ok,
});

export const webhookDelivery = z.object({
  id: z.number().int(),
  type: webhookEvent,
  status: z.enum(['pending', 'success', 'failed']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  nextAttemptAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
});
/** The delivery log, newest first. */
export const listWebhookDeliveries = defineRoute({
  method: 'get',
  path: '/base/webhooks/:webhookId/deliveries',
  access: 'user',
  params: z.object({ webhookId: id }),
  output: z.object({ items: z.array(webhookDelivery) }),
});
