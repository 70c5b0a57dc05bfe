import { deleteRecords } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

/** Deletes records (500 per call; larger selections are sent in several calls). */
export async function removeRecords(tableId: string, ids: string[]): Promise<string[]> {
  const deleted: string[] = [];
  for (let i = 0; i < ids.length; i += 500) deleted.push(...(await api(deleteRecords, { params: { tableId }, body: { ids: ids.slice(i, i + 500) } })).deleted);
  return deleted;
}
