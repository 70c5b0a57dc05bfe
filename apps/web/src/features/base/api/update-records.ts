import { updateRecords, type RecordDto } from '@concord/contracts';
import { api, isApiError } from '../../../lib/api-client.ts';

export interface RecordPatch {
  id: string;
  fields: Record<string, unknown>;
  /** The version the edit was based on; a stale one is refused with 409 `base.record.conflict`. */
  version?: number;
}

/** Updates up to 1,000 records in one all-or-nothing call. */
export async function patchRecords(tableId: string, records: RecordPatch[]): Promise<RecordDto[]> {
  return (await api(updateRecords, { params: { tableId }, body: { records } })).items;
}

/** The winner's record of a 409 `base.record.conflict`, or null for any other error. */
export function conflictWinner(err: unknown): RecordDto | null {
  if (!isApiError(err) || err.code !== 'base.record.conflict') return null;
  const current = (err.details as { current?: RecordDto } | undefined)?.current;
  return current ?? null;
}
