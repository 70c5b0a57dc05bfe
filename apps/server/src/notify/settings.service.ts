import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPreference, type NotificationSettings } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { audit } from '../platform/audit.ts';
import { KIND_DEFAULTS } from './notify-kinds.ts';
import * as repo from './notification.repo.ts';

/** Each person's preference for one kind (their saved one, else the kind's default). */
export async function preferencesOf(db: Db, userIds: readonly string[], kind: NotificationKind): Promise<Map<string, { inApp: boolean; email: boolean }>> {
  const saved = userIds.length ? await repo.listSettings(db, userIds) : [];
  const out = new Map<string, { inApp: boolean; email: boolean }>(userIds.map((u) => [u, KIND_DEFAULTS[kind]]));
  for (const s of saved) if (s.kind === kind) out.set(s.user_id, { inApp: s.in_app, email: s.email });
  return out;
}

/** A person's preference for every kind, in registry order. */
export async function getSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const saved = new Map((await repo.listSettings(db, [userId])).map((s) => [s.kind, { inApp: s.in_app, email: s.email }]));
  return { kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, ...(saved.get(kind) ?? KIND_DEFAULTS[kind]) })) };
}

/** Saves the preferences given (the last one wins when a kind repeats); other kinds keep theirs. */
export async function updateSettings(deps: Deps, ctx: RequestContext, userId: string, prefs: readonly NotificationPreference[]): Promise<NotificationSettings> {
  const byKind = [...new Map(prefs.map((p) => [p.kind, p])).values()];
  return deps.db.transaction().execute(async (trx) => {
    await repo.upsertSettings(trx, userId, byKind, deps.clock.now());
    await audit(trx, ctx, 'notify.settings.update', { type: 'person', id: userId }, { kinds: byKind });
    return getSettings(trx, userId);
  });
}
