import { importTable, previewImport, type TableImportReport } from '@concord/contracts';
import { apiUpload } from '../../../../lib/api-client.ts';

export interface ImportChoices {
  sheet?: string;
  headerRow?: number;
  /** Header → field id, or null to ignore the column. */
  map?: Record<string, string | null>;
  dedup: boolean;
}

function query(file: File, c: ImportChoices) {
  return {
    filename: file.name,
    sheet: c.sheet,
    headerRow: c.headerRow,
    map: c.map ? JSON.stringify(c.map) : undefined,
    dedup: c.dedup ? ('true' as const) : ('false' as const),
  };
}

/** Reads the file on the server and proposes the header row and column mapping; writes nothing. */
export function postImportPreview(tableId: string, file: File, c: ImportChoices) {
  return apiUpload(previewImport, { params: { tableId }, query: { ...query(file, c), dryRun: 'false' } }, file);
}

/**
 * Imports the file in one request (one transaction); a dry run reports what would happen without writing. With
 * `progressId`, the server reports progress on the user's realtime room meanwhile (see useImportProgress).
 */
export function postImport(tableId: string, file: File, c: ImportChoices, dryRun: boolean, progressId?: string): Promise<TableImportReport> {
  return apiUpload(importTable, { params: { tableId }, query: { ...query(file, c), dryRun: dryRun ? 'true' : 'false', progressId } }, file);
}
