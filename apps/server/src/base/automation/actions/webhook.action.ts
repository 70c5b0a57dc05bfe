import type { ActionRunner } from './action-env.ts';
import { signPayload } from '../../webhook.service.ts';
import { resolveOutboundUrl } from '../../../platform/outbound-url.ts';
import { runFailure } from '../run-text.ts';

const TIMEOUT_MS = 10_000;

/** POSTs `{ type: 'automation', automationId, runId, baseId, tableId, record, at }`, signed with the automation's secret. */
export const runWebhook: ActionRunner<'webhook'> = async (env, action) => {
  // Checked at each run: the name may resolve to a private address now, or the operator changed the allow-list.
  const target = await resolveOutboundUrl(action.url, env.deps.config.webhookTargets);
  if (!target.ok) throw runFailure(target.text);
  const now = env.deps.clock.now();
  const body = JSON.stringify({
    type: 'automation',
    automationId: env.automation.id,
    runId: env.runId,
    baseId: env.table.baseId,
    tableId: env.table.id,
    record: await env.record(),
    at: now.toISOString(),
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const res = await env.fetch(action.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Concord-Automation/1',
      'x-concord-timestamp': timestamp,
      'x-concord-signature': signPayload(env.automation.secret, timestamp, body),
      'x-concord-event': 'automation',
    },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    // A redirect could point at an address the check above refuses: a 3xx fails the step instead.
    redirect: 'manual',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${new URL(action.url).host}`);
  return { status: 'succeeded', detail: `HTTP ${res.status}` };
};
