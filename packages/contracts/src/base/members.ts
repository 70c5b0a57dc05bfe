import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';
import { baseRole } from './schema.ts';

export const baseMemberDto = z.object({ userId: id, name: z.string(), email: z.string(), role: baseRole });

export const listBaseMembers = defineRoute({
  method: 'get',
  path: '/base/bases/:baseId/members',
  access: 'user',
  params: z.object({ baseId: id }),
  output: z.object({ items: z.array(baseMemberDto) }),
});

/** Adds people to a base or changes their role (owners only). */
export const setBaseMembers = defineRoute({
  method: 'put',
  path: '/base/bases/:baseId/members',
  access: 'user',
  params: z.object({ baseId: id }),
  body: z.object({
    members: z
      .array(z.object({ userId: id, role: baseRole }))
      .min(1)
      .max(500),
  }),
  output: z.object({ items: z.array(baseMemberDto) }),
});

export const removeBaseMember = defineRoute({
  method: 'delete',
  path: '/base/bases/:baseId/members/:userId',
  access: 'user',
  params: z.object({ baseId: id, userId: id }),
  output: z.object({ items: z.array(baseMemberDto) }),
});
