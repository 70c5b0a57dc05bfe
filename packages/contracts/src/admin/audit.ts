import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { isoDateTime, pageOf } from '../common.ts';

export const auditEntry = z.object({
  id: z.number().int(),
  at: isoDateTime,
  actorType: z.enum(['user', 'app', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

/** Who did what, when and from where: sign-ins, admin actions and data changes. Newest first. */
export const listAudit = defineRoute({
  method: 'get',
  path: '/admin/audit',
  access: 'admin',
  query: z.object({
    pageSize: z.coerce.number().int().min(1).max(500).default(100),
    before: z.coerce.number().int().optional(),
    action: z.string().optional(),
  }),
  output: pageOf(auditEntry),
});

/** Seeds the demo company (idempotent: refuses when the directory already has people besides admins). */
export const seedDemo = defineRoute({
  method: 'post',
  path: '/admin/demo',
  access: 'admin',
  output: z.object({ departments: z.number().int(), people: z.number().int() }),
  status: 201,
});
