import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importDirectory, type ImportReport } from '@concord/contracts';
import { apiUpload } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type ImportKind = 'departments' | 'people';
export interface ImportInput {
  kind: ImportKind;
  file: File;
  /** Check the file and report what would happen, writing nothing. */
  dryRun: boolean;
}

/** Sends a CSV/XLSX file as the raw body; the server answers with a per-row report. */
export function useImportDirectory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file, dryRun }: ImportInput): Promise<ImportReport> =>
      apiUpload(importDirectory, { query: { kind, filename: file.name, dryRun: dryRun ? 'true' : 'false' } }, file),
    onSuccess: (report) => {
      if (!report.dryRun) return queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}
