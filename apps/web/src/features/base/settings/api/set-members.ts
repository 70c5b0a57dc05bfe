import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setBaseMembers, type BaseRole } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { baseKeys } from '../../api/query-keys.ts';
import { settingsKeys } from './settings-keys.ts';

/** Adds people or changes their role; the answer is the new member list. */
export function useSetBaseMembers(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (members: { userId: string; role: BaseRole }[]) => api(setBaseMembers, { params: { baseId }, body: { members } }),
    onSuccess: (res) => {
      queryClient.setQueryData(settingsKeys.members(baseId), res.items);
      // My own role may have changed.
      void queryClient.invalidateQueries({ queryKey: baseKeys.base(baseId) });
    },
  });
}
