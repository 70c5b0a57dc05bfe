import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createBase } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

export function useCreateBase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api(createBase, { body: { name } }),
    onSuccess: (base) => {
      queryClient.setQueryData(baseKeys.base(base.id), base);
      return queryClient.invalidateQueries({ queryKey: baseKeys.bases });
    },
  });
}
