import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';
import { duplicateMatch } from './dedup.ts';

/**
 * Likely duplicates of the answers being typed into a form (only the form's own fields count). Anyone filling the form
 * learns only `possible`; `matches` (titles, reasons, ids) come only for a signed-in person who may read the table.
 */
export const checkFormDuplicates = defineRoute({
  method: 'post',
  path: '/forms/:token/duplicates',
  access: 'public',
  params: z.object({ token: id }),
  body: z.object({ fields: z.record(z.string(), z.unknown()) }),
  output: z.object({
    possible: z.boolean(),
    matches: z.array(duplicateMatch),
    /** Where the matches live, to link to them; null whenever `matches` is withheld. */
    table: z.object({ baseId: id, tableId: id }).nullable(),
  }),
});
