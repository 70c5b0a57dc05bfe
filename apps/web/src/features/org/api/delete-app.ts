import { useMutation, useQueryClient } from '@tanstack/react-query';
import { deleteApp } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export function useDeleteApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (appId: string) => api(deleteApp, { params: { appId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.apps }),
  });
}
