import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, isoDateTime, ok } from '../common.ts';

export const personalToken = z.object({ id, name: z.string(), createdAt: isoDateTime, lastUsedAt: isoDateTime.nullable() });

/** Personal API tokens: `Authorization: Bearer <token>` on /api/v1. The secret is shown once. */
export const createToken = defineRoute({
  method: 'post',
  path: '/auth/tokens',
  access: 'user',
  body: z.object({ name: z.string().trim().min(1).max(100) }),
  output: personalToken.extend({ token: z.string() }),
  status: 201,
});
export const listTokens = defineRoute({
  method: 'get',
  path: '/auth/tokens',
  access: 'user',
  output: z.object({ items: z.array(personalToken) }),
});
export const revokeToken = defineRoute({
  method: 'delete',
  path: '/auth/tokens/:id',
  access: 'user',
  params: z.object({ id }),
  output: ok,
});
