import { z } from 'zod';
import { fieldType } from '@concord/table-engine';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';

export const formDto = z.object({
  title: z.string(),
  description: z.string(),
  access: z.enum(['public', 'internal']),
  fields: z.array(z.object({ id, name: z.string(), type: fieldType, options: z.record(z.string(), z.unknown()), required: z.boolean(), hint: z.string() })),
});
export type FormDto = z.infer<typeof formDto>;

/** A form by its link token: public forms for anyone, internal ones for anyone signed in. */
export const getForm = defineRoute({ method: 'get', path: '/forms/:token', access: 'public', params: z.object({ token: id }), output: formDto });

/** Submits a form: the answers become one new record (all required fields must be filled). */
export const submitForm = defineRoute({
  method: 'post',
  path: '/forms/:token',
  access: 'public',
  params: z.object({ token: id }),
  body: z.object({ fields: z.record(z.string(), z.unknown()) }),
  output: z.object({ recordId: id, message: z.string() }),
  status: 201,
});
