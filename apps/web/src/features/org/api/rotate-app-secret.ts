import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rotateAppSecret } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

/** Issues a new secret (the old one stops working); the answer carries it, shown once. */
export function useRotateAppSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (appId: string) => api(rotateAppSecret, { params: { appId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.apps }),
  });
}
