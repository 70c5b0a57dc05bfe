import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id, ok } from '../common.ts';
import { locale } from '../errors.ts';

export const role = z.enum(['admin', 'member']);
export type Role = z.infer<typeof role>;

export const sessionUser = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role,
  locale: locale.nullable(),
  timeZone: z.string(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const email = z.string().trim().toLowerCase().email().max(254);
export const password = z.string().min(8, 'at least 8 characters').max(200);

export const sessionDto = z.object({ user: sessionUser, csrfToken: z.string() });

export const login = defineRoute({
  method: 'post',
  path: '/auth/login',
  access: 'public',
  body: z.object({ email, password: z.string().min(1).max(200) }),
  output: sessionDto,
});

export const logout = defineRoute({ method: 'post', path: '/auth/logout', access: 'public', output: ok });

/** Who is signed in, and whether the instance still needs its first administrator. */
export const me = defineRoute({
  method: 'get',
  path: '/auth/me',
  access: 'public',
  output: z.object({ user: sessionUser.nullable(), csrfToken: z.string().nullable(), setupRequired: z.boolean() }),
});

/** First run only: creates the first administrator and signs them in. */
export const setup = defineRoute({
  method: 'post',
  path: '/auth/setup',
  access: 'public',
  body: z.object({ name: z.string().trim().min(1).max(100), email, password }),
  output: sessionDto,
  status: 201,
});

export const updateMyPreferences = defineRoute({
  method: 'patch',
  path: '/auth/me',
  access: 'user',
  body: z.object({ locale: locale.nullable().optional(), timeZone: z.string().min(1).max(64).optional() }),
  output: sessionUser,
});
