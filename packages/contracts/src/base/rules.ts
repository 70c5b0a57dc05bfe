import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';

export const fieldAccess = z.enum(['none', 'read', 'edit']);

/**
 * What one base role may do in one table. Owners are never restricted. `rows` limits records to those whose person
 * field names the member (self), anyone below them in the reporting line (reports), or anyone in a department they
 * head, including sub-departments (departmentsHeaded).
 */
export const tableRule = z.object({
  role: z.enum(['editor', 'commenter', 'viewer']),
  access: fieldAccess,
  rows: z
    .object({ personFieldId: id, include: z.array(z.enum(['self', 'reports', 'departmentsHeaded'])).min(1) })
    .nullable()
    .default(null),
  fields: z.record(z.string(), fieldAccess).default({}),
});
export type TableRule = z.infer<typeof tableRule>;

export const getTableRules = defineRoute({
  method: 'get',
  path: '/base/tables/:tableId/rules',
  access: 'user',
  params: z.object({ tableId: id }),
  output: z.object({ rules: z.array(tableRule) }),
});

/** Replaces a table's rules (base owners only). */
export const setTableRules = defineRoute({
  method: 'put',
  path: '/base/tables/:tableId/rules',
  access: 'user',
  params: z.object({ tableId: id }),
  body: z.object({ rules: z.array(tableRule).max(3) }),
  output: z.object({ rules: z.array(tableRule) }),
});
