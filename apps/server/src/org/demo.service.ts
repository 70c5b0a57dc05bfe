import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';

// PLACEHOLDER: replaced by the real demo seed (departments and ~150 people).
export async function isDirectoryEmpty(deps: Deps): Promise<boolean> {
  const r = await deps.db.selectFrom('users').select('id').where('role', '<>', 'admin').limit(1).executeTakeFirst();
  return !r;
}
export async function seedDemoCompany(_deps: Deps, _ctx: RequestContext | null): Promise<{ departments: number; people: number }> {
  return { departments: 0, people: 0 };
}
