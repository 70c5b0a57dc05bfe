import { queryOptions, useQuery } from '@tanstack/react-query';
import { listBaseMembers } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { settingsKeys } from './settings-keys.ts';

export const membersQueryOptions = (baseId: string) =>
  queryOptions({ queryKey: settingsKeys.members(baseId), queryFn: () => api(listBaseMembers, { params: { baseId } }).then((r) => r.items) });

/** The people of a base with their roles. */
export function useBaseMembers(baseId: string) {
  return useQuery(membersQueryOptions(baseId));
}
