import { useMutation, useQueryClient } from '@tanstack/react-query';
import { revokeToken } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(revokeToken, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.tokens }),
  });
}
