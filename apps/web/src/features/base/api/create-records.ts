import { createRecords, type RecordAnchor, type RecordDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

/** Creates up to 1,000 records in one all-or-nothing call, at the end or next to `anchor` (Insert above/below). */
export async function postRecords(tableId: string, records: Record<string, unknown>[], anchor?: RecordAnchor): Promise<RecordDto[]> {
  return (await api(createRecords, { params: { tableId }, body: { records: records.map((fields) => ({ fields })), anchor } })).items;
}
