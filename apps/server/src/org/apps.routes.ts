import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import * as c from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import { route } from '../platform/http/route.ts';
import { openRoute } from '../platform/http/open-api.ts';
import * as apps from './app.service.ts';
import { invalidTokenParams, issueTenantToken } from './tenant-token.service.ts';

const tokenRequest = z.object({ app_id: z.string().min(1).max(64), app_secret: z.string().min(1).max(200) });

/** Open Platform apps: admin management under /api/v1, Feishu's token endpoints and a ping under /open-apis. */
export async function appsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, c.createApp, async ({ body, req }) => apps.createApp(deps, req.ctx, body));
  route(app, c.listApps, async () => ({ items: await apps.listApps(deps) }));
  route(app, c.rotateAppSecret, async ({ params, req }) => apps.rotateAppSecret(deps, req.ctx, params.appId));
  route(app, c.deleteApp, async ({ params, req }) => {
    await apps.deleteApp(deps, req.ctx, params.appId);
    return { ok: true as const };
  });

  // Feishu puts the token at the top level, not under `data`. For self-built apps the app token is the tenant token.
  for (const kind of ['tenant', 'app'] as const) {
    app.post(`/open-apis/auth/v3/${kind}_access_token/internal`, async (req) => {
      const input = tokenRequest.safeParse(req.body ?? {});
      if (!input.success) throw invalidTokenParams();
      const { token, expire } = await issueTenantToken(deps, req.ctx, { appId: input.data.app_id, appSecret: input.data.app_secret });
      return kind === 'tenant'
        ? { code: 0, msg: 'ok', tenant_access_token: token, expire }
        : { code: 0, msg: 'ok', app_access_token: token, tenant_access_token: token, expire };
    });
  }

  /** Who am I, for checking a client's setup: works with a tenant token or a personal token. */
  openRoute(app, { method: 'GET', url: '/open-apis/concord/v1/ping' }, async ({ actor }) =>
    actor.kind === 'app'
      ? { kind: 'app', app_id: actor.appId, name: actor.name, scopes: actor.scopes }
      : { kind: 'user', user_id: actor.userId, name: actor.name },
  );
}
