import type { ImportReport, LocalizedText } from '@concord/contracts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';

export type RowResult = ImportReport['rows'][number];

/** One data row: its number (1 = first row after the header) and the cells of the mapped fields. */
export interface SourceRow<F extends string> {
  row: number;
  cells: Partial<Record<F, string>>;
}

/** What every row importer receives: the open transaction, the time, and a translator for row messages. */
export interface ImportRun {
  trx: Db;
  now: Date;
  t: (text: LocalizedText) => string;
}

export const failed = (row: number, error: string, warnings: string[] = []): RowResult => ({ row, action: 'error', id: null, warnings, error });

/** Runs a row step; an AppError becomes that row's error message instead of failing the whole import. */
export async function attempt<T>(run: ImportRun, fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: run.t(err.text) };
    throw err;
  }
}
