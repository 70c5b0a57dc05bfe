import { useMutation, useQueryClient } from '@tanstack/react-query';
import { removeBaseMember } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { baseKeys } from '../../api/query-keys.ts';
import { settingsKeys } from './settings-keys.ts';

export function useRemoveBaseMember(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api(removeBaseMember, { params: { baseId, userId } }),
    onSuccess: (res) => {
      queryClient.setQueryData(settingsKeys.members(baseId), res.items);
      void queryClient.invalidateQueries({ queryKey: baseKeys.base(baseId) });
    },
  });
}
