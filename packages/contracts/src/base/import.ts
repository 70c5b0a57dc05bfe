import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';

/** Chosen by the client (a UUID) to recognise the progress messages of its own import among its other tabs'. */
export const importProgressId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');

export const importOptions = z.object({
  filename: z.string().trim().min(1).max(255),
  sheet: z.string().max(100).optional(),
  /** 1-based row of the header; detected when absent (skips merged title rows). */
  headerRow: z.coerce.number().int().min(1).max(1000).optional(),
  encoding: z.enum(['utf8', 'gbk', 'gb18030']).optional(),
  /** JSON object header → field id (or null to ignore); headers not named keep the automatic mapping. */
  map: z.string().max(20_000).optional(),
  dedup: z.enum(['true', 'false']).default('true'),
  dryRun: z.enum(['true', 'false']).default('false'),
  /** When set, the server reports progress as `base.import.progress` transient messages to room `user:<importer>`. */
  progressId: importProgressId.optional(),
});

export const importPhase = z.enum(['reading', 'matching', 'writing']);
export type ImportPhase = z.infer<typeof importPhase>;

/**
 * How far an import has got. `done` and `total` count data rows; `total` is 0 while not yet known (reading). Sent a few
 * times a second at most, and at every phase change; the last one of a successful import has `done === total`.
 */
export const importProgressEvent = z.object({
  type: z.literal('base.import.progress'),
  tableId: id,
  progressId: importProgressId,
  phase: importPhase,
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

export const importPreview = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** Header → field id it maps to (null = ignored). */
  mapping: z.record(z.string(), id.nullable()),
  sample: z.array(z.array(z.string())),
  rowCount: z.number().int(),
});

export const importRowReport = z.object({
  /** Data row number, 1 = the first row after the header. */
  row: z.number().int(),
  action: z.enum(['created', 'merged', 'flagged', 'skipped', 'error']),
  record_id: id.nullable(),
  matches: z.array(z.object({ record_id: id, score: z.number(), reasons: z.array(z.string()) })),
  warnings: z.array(z.string()),
  error: z.string().nullable(),
});
export type ImportRowReport = z.infer<typeof importRowReport>;

export const tableImportReport = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  merged: z.number().int(),
  flagged: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  mapping: z.record(z.string(), id.nullable()),
  rows: z.array(importRowReport),
});
export type TableImportReport = z.infer<typeof tableImportReport>;

/** Reads an uploaded CSV/XLSX and proposes the header row and column mapping, without writing. */
export const previewImport = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/import/preview',
  access: 'user',
  rawBody: true,
  params: z.object({ tableId: id }),
  query: importOptions,
  output: importPreview,
});

/**
 * Imports a CSV/XLSX (raw body) into a table in one transaction: rows become records, duplicates of existing
 * records or of earlier rows are merged (above the rule's high threshold) or flagged, and every row is reported.
 */
export const importTable = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/import',
  access: 'user',
  rawBody: true,
  params: z.object({ tableId: id }),
  query: importOptions,
  output: tableImportReport,
});
