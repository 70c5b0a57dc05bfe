import { undoLastChange } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';

/** Undoes the caller's last change in a table (a whole paste or multi-row delete at once). */
export function postUndo(tableId: string) {
  return api(undoLastChange, { params: { tableId } });
}
