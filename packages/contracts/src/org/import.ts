import { z } from 'zod';
import { defineRoute } from '../http.ts';

export const importRowResult = z.object({
  /** Data row number, 1 = first row after the header. */
  row: z.number().int(),
  action: z.enum(['created', 'updated', 'skipped', 'error']),
  id: z.string().nullable(),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
});

export const importReport = z.object({
  kind: z.enum(['departments', 'people']),
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  /** Header → field it was mapped to (null = ignored). */
  mapping: z.record(z.string(), z.string().nullable()),
  rows: z.array(importRowResult),
});
export type ImportReport = z.infer<typeof importReport>;

/**
 * Imports departments or people from a CSV (UTF-8, GBK, GB18030) or XLSX file sent as the raw request body.
 * All or nothing: any row error rolls back the whole import unless `dryRun` is set (then nothing is written).
 */
export const importDirectory = defineRoute({
  method: 'post',
  path: '/org/import',
  access: 'admin',
  rawBody: true,
  query: z.object({
    kind: z.enum(['departments', 'people']),
    filename: z.string().max(255).default('import.csv'),
    dryRun: z.enum(['true', 'false']).optional(),
  }),
  output: importReport,
});
