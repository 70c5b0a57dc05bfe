/**
 * The org slice: people, departments, sign-in, personal tokens and Open Platform apps.
 * Other slices read the directory through these functions only.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import './org.db.ts';
import { authRoutes } from './auth.routes.ts';

export { resolveActor, ensureAdminFromConfig, SESSION_COOKIE } from './session.service.ts';
export { nameKeys } from './name-keys.ts';

/** Registers every org endpoint under /api/v1 (and the Feishu auth endpoint under /open-apis). */
export async function orgRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  await authRoutes(app, deps);
}
export { canJoinRoom } from './rooms.ts';
export { isDirectoryEmpty, seedDemoCompany } from './demo.service.ts';
