import { moveRecords, type RecordAnchor } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

/** Moves records, in the order given, before or after another record in the table's manual order. */
export async function postMoveRecords(tableId: string, ids: string[], anchor: RecordAnchor): Promise<string[]> {
  return (await api(moveRecords, { params: { tableId }, body: { ids, anchor } })).moved;
}
