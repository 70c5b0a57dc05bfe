/**
 * The org slice: people, departments, sign-in, personal tokens and Open Platform apps.
 * Other slices read the directory through these functions only.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import './org.db.ts';
import { authRoutes } from './auth.routes.ts';
import { directoryRoutes } from './org.routes.ts';
import { appsRoutes } from './apps.routes.ts';

export { resolveActor, ensureAdminFromConfig, SESSION_COOKIE } from './session.service.ts';
export { nameKeys } from './name-keys.ts';
/** Open API bearer tokens → actors: `resolveOpenActor(deps, token)` (tenant `t-…` or personal `cpat_…`), `resolveTenantToken(deps, 't-…')`. */
export { resolveOpenActor, resolveTenantToken } from './tenant-token.service.ts';

/** Registers every org endpoint under /api/v1 (and the Feishu auth endpoint under /open-apis). */
export async function orgRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await authRoutes(app, deps);
  await directoryRoutes(app, deps);
  await appsRoutes(app, deps);
}
export { canJoinRoom } from './rooms.ts';
export { isDirectoryEmpty, seedDemoCompany, DEMO_PASSWORD } from './demo.service.ts';
export {
  getPeopleByIds,
  findPersonByNameEmailOrPhone,
  listDepartmentSubtree,
  loadDirectoryIndex,
  type DirectoryIndex,
  type PersonMatch,
  type PersonRef,
} from './directory-lookup.ts';
export { findDepartmentsByName, firstAdministrator, type NamedDepartment } from './department-members.ts';
