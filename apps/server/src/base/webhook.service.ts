import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { WebhookPayload } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId, newSecret } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { checkOutboundUrl, outboundFetch, outboundRefused, resolveOutboundUrl } from '../platform/outbound-url.ts';
import { requireRole } from './access.ts';
import { loadTable, type TableMeta } from './table-meta.ts';

/** Seconds to wait before attempt n+1; after the last, the delivery is marked failed. */
const BACKOFF_S = [10, 60, 300, 1800, 7200, 21600];
const LEASE_S = 60;
const TIMEOUT_MS = 10_000;

const hookNotFound = (id: string) => new AppError('not_found', 'base.webhook.not_found', { en: `Webhook ${id} not found`, zh: `Webhook ${id} 不存在` });

const toDto = (r: { id: string; table_id: string; url: string; events: string[]; active: boolean; created_at: Date }) => ({
  id: r.id,
  tableId: r.table_id,
  url: r.url,
  events: r.events as WebhookPayload['type'][],
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

export async function createWebhook(deps: Deps, ctx: RequestContext, tableId: string, input: { url: string; events: WebhookPayload['type'][] }) {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  const target = checkOutboundUrl(input.url, deps.config.webhookTargets);
  if (!target.ok) throw outboundRefused(target, 'url');
  const secret = newSecret(24);
  const row = await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('base_webhooks')
      .values({
        id: newId('whk', 12),
        table_id: tableId,
        url: input.url,
        secret,
        events: input.events,
        created_by: ctx.actor?.kind === 'user' ? ctx.actor.userId : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, 'base.webhook.create', { type: 'base_webhook', id: r.id }, { url: input.url, events: input.events });
    return r;
  });
  return { ...toDto(row), secret };
}

export async function listWebhooks(deps: Deps, ctx: RequestContext, tableId: string) {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  return (await deps.db.selectFrom('base_webhooks').selectAll().where('table_id', '=', tableId).orderBy('created_at').execute()).map(toDto);
}

async function hookTable(deps: Deps, ctx: RequestContext, webhookId: string) {
  const hook = await deps.db.selectFrom('base_webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
  if (!hook) throw hookNotFound(webhookId);
  const table = await loadTable(deps.db, hook.table_id);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  return hook;
}

export async function deleteWebhook(deps: Deps, ctx: RequestContext, webhookId: string): Promise<void> {
  await hookTable(deps, ctx, webhookId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('base_webhooks').where('id', '=', webhookId).execute();
    await audit(trx, ctx, 'base.webhook.delete', { type: 'base_webhook', id: webhookId });
  });
}

export async function listDeliveries(deps: Deps, ctx: RequestContext, webhookId: string) {
  await hookTable(deps, ctx, webhookId);
  const rows = await deps.db.selectFrom('base_webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.payload.type,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
  }));
}

/** Queues one delivery per subscribed webhook, in the transaction that changed the records. */
export async function enqueueWebhooks(
  trx: Db,
  table: TableMeta,
  change: 'created' | 'updated' | 'deleted',
  recordIds: string[],
  actorId: string | null,
  now: Date,
): Promise<void> {
  const type = `record.${change}` as const;
  const hooks = table.subscribers
    ? table.subscribers.webhooks.filter((h) => h.events.includes(type))
    : await trx
        .selectFrom('base_webhooks')
        .select('id')
        .where('table_id', '=', table.id)
        .where('active', '=', true)
        .where(sql<boolean>`${type} = any(events)`)
        .execute();
  if (hooks.length === 0) return;
  const payload: WebhookPayload = { eventId: randomUUID(), type, baseId: table.baseId, tableId: table.id, recordIds, actorId, at: now.toISOString() };
  await trx
    .insertInto('base_webhook_deliveries')
    .values(hooks.map((h) => ({ webhook_id: h.id, payload: JSON.stringify(payload), next_attempt_at: now })))
    .execute();
}

/** `sha256=<hex>` over "<timestamp>.<body>", so receivers can check origin and freshness. */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Sends due deliveries. Each is leased first (so two instances never send the same one), then posted outside any
 * transaction; failures are retried with growing back-off and never touch the change that caused them. A target the
 * outbound policy refuses (a private address, see `platform/outbound-url.ts`) is a failed attempt with that reason.
 */
export async function deliverDue(deps: Deps, fetchImpl: typeof fetch = outboundFetch(deps.config.webhookTargets), limit = 20): Promise<number> {
  const now = deps.clock.now();
  const claimed = await sql<{ id: number; webhook_id: string; payload: WebhookPayload; attempts: number; url: string; secret: string }>`
    update base_webhook_deliveries d set next_attempt_at = ${new Date(now.getTime() + LEASE_S * 1000)}, attempts = d.attempts + 1
    from base_webhooks h
    where h.id = d.webhook_id and d.id in (
      select id from base_webhook_deliveries where status = 'pending' and next_attempt_at <= ${now} order by next_attempt_at limit ${limit} for update skip locked)
    returning d.id, d.webhook_id, d.payload, d.attempts, h.url, h.secret`.execute(deps.db);
  await Promise.all(
    claimed.rows.map(async (d) => {
      const body = JSON.stringify(d.payload);
      const timestamp = String(Math.floor(now.getTime() / 1000));
      let status: number | null = null;
      let error: string | null = null;
      try {
        // Checked again at each attempt: the name may resolve elsewhere now, or the operator changed the allow-list.
        const target = await resolveOutboundUrl(d.url, deps.config.webhookTargets);
        if (!target.ok) throw new Error(`Refused: ${target.text.en}`);
        const res = await fetchImpl(d.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Concord-Webhook/1',
            'x-concord-timestamp': timestamp,
            'x-concord-signature': signPayload(d.secret, timestamp, body),
            'x-concord-event': d.payload.type,
          },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
          // A redirect could point at an address the check above refuses: a 3xx is a failed attempt instead.
          redirect: 'manual',
        });
        status = res.status;
        if (!res.ok) error = `HTTP ${res.status}`;
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
      const after = deps.clock.now();
      const done = error === null;
      const giveUp = !done && d.attempts >= BACKOFF_S.length;
      await deps.db
        .updateTable('base_webhook_deliveries')
        .set({
          status: done ? 'success' : giveUp ? 'failed' : 'pending',
          last_status: status,
          last_error: error?.slice(0, 500) ?? null,
          delivered_at: done ? after : null,
          next_attempt_at: new Date(after.getTime() + (BACKOFF_S[d.attempts - 1] ?? 0) * 1000),
        })
        .where('id', '=', d.id)
        .execute();
    }),
  );
  return claimed.rows.length;
}

/** Polls for due deliveries every second until stopped. */
export function startWebhookWorker(deps: Deps): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    deliverDue(deps)
      .catch((err: unknown) => console.error('webhook delivery failed', err))
      .finally(() => (busy = false));
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}
