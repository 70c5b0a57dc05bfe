import type { TableDto } from '@concord/contracts';
import { useBase } from '../../api/get-base.ts';

/** Whether the signed-in person may change records and views of this table (owners and editors of its base). */
export function useCanEdit(table: TableDto): boolean {
  const role = useBase(table.baseId).data?.role;
  return role === 'owner' || role === 'editor';
}
