import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';

export const departmentDto = z.object({
  id,
  name: z.string(),
  parentId: id.nullable(),
  headId: id.nullable(),
  headName: z.string().nullable(),
  /** Active people whose department this is (direct members only). */
  memberCount: z.number().int(),
  order: z.number().int(),
  active: z.boolean(),
});
export type DepartmentDto = z.infer<typeof departmentDto>;

const departmentName = z.string().trim().min(1).max(100);

/** The whole tree as a flat list ordered by parent then `order`; clients nest it by `parentId`. */
export const listDepartments = defineRoute({
  method: 'get',
  path: '/org/departments',
  access: 'user',
  query: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
  output: z.object({ items: z.array(departmentDto) }),
});

export const createDepartment = defineRoute({
  method: 'post',
  path: '/org/departments',
  access: 'admin',
  body: z.object({ name: departmentName, parentId: id.nullable().optional(), headId: id.nullable().optional(), order: z.number().int().optional() }),
  output: departmentDto,
  status: 201,
});

/** Rename, move (parentId), change head, deactivate (active: false). Moving under a descendant is refused. */
export const updateDepartment = defineRoute({
  method: 'patch',
  path: '/org/departments/:id',
  access: 'admin',
  params: z.object({ id }),
  body: z.object({
    name: departmentName.optional(),
    parentId: id.nullable().optional(),
    headId: id.nullable().optional(),
    order: z.number().int().optional(),
    active: z.boolean().optional(),
  }),
  output: departmentDto,
});
