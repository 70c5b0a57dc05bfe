import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, isoDateTime, ok } from '../common.ts';

/** Scopes an Open Platform app may be granted. */
export const appScope = z.enum(['contact:readonly', 'contact', 'bitable', 'bitable:readonly', 'hire', 'okr']);
export const appDto = z.object({
  appId: z.string(),
  name: z.string(),
  scopes: z.array(appScope),
  active: z.boolean(),
  createdAt: isoDateTime,
});
export type AppDto = z.infer<typeof appDto>;

/** Creates a machine client for the Feishu-compatible Open API; `appSecret` is shown once. */
export const createApp = defineRoute({
  method: 'post',
  path: '/admin/apps',
  access: 'admin',
  body: z.object({ name: z.string().trim().min(1).max(100), scopes: z.array(appScope).default(['bitable', 'contact:readonly']) }),
  output: appDto.extend({ appSecret: z.string() }),
  status: 201,
});
export const listApps = defineRoute({ method: 'get', path: '/admin/apps', access: 'admin', output: z.object({ items: z.array(appDto) }) });
export const rotateAppSecret = defineRoute({
  method: 'post',
  path: '/admin/apps/:appId/secret',
  access: 'admin',
  params: z.object({ appId: id }),
  output: appDto.extend({ appSecret: z.string() }),
});
export const deleteApp = defineRoute({ method: 'delete', path: '/admin/apps/:appId', access: 'admin', params: z.object({ appId: id }), output: ok });
