import { createRecords, type RecordDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

/** Creates up to 1,000 records in one all-or-nothing call. */
export async function postRecords(tableId: string, records: Record<string, unknown>[]): Promise<RecordDto[]> {
  return (await api(createRecords, { params: { tableId }, body: { records: records.map((fields) => ({ fields })) } })).items;
}
