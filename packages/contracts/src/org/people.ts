import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, pageOf } from '../common.ts';
import { locale } from '../errors.ts';
import { email, role } from '../auth/session.ts';

export const personDto = z.object({
  id,
  name: z.string(),
  email: z.string(),
  mobile: z.string().nullable(),
  title: z.string().nullable(),
  departmentIds: z.array(id),
  managerId: id.nullable(),
  managerName: z.string().nullable(),
  locale: locale.nullable(),
  timeZone: z.string(),
  role,
  active: z.boolean(),
});
export type PersonDto = z.infer<typeof personDto>;

/** Mainland mobiles are stored as E.164 (+8613800138000); anything else must already be +<country><number>. */
export const mobile = z.string().trim().max(32);

const personFields = {
  name: z.string().trim().min(1).max(100),
  email,
  mobile: mobile.nullable().optional(),
  title: z.string().trim().max(100).nullable().optional(),
  departmentIds: z.array(id).max(20).optional(),
  managerId: id.nullable().optional(),
  locale: locale.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
  role: role.optional(),
};

/** Search by name (汉字, full pinyin or initials such as "zw" for 张伟), email or phone; filter by department subtree. */
export const listPeople = defineRoute({
  method: 'get',
  path: '/org/people',
  access: 'user',
  query: z.object({
    q: z.string().trim().max(100).optional(),
    departmentId: id.optional(),
    /** Include people of sub-departments too (default true). */
    recursive: z.enum(['true', 'false']).optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    pageToken: z.string().max(200).optional(),
  }),
  output: pageOf(personDto),
});

export const getPerson = defineRoute({ method: 'get', path: '/org/people/:id', access: 'user', params: z.object({ id }), output: personDto });

export const createPerson = defineRoute({
  method: 'post',
  path: '/org/people',
  access: 'admin',
  body: z.object({ ...personFields, password: z.string().min(8).max(200).optional() }),
  output: personDto,
  status: 201,
});

/** Edit, move between departments, deactivate (active: false signs the person out everywhere). */
export const updatePerson = defineRoute({
  method: 'patch',
  path: '/org/people/:id',
  access: 'admin',
  params: z.object({ id }),
  body: z.object({
    ...personFields,
    name: personFields.name.optional(),
    email: email.optional(),
    active: z.boolean().optional(),
    password: z.string().min(8).max(200).optional(),
  }),
  output: personDto,
});
