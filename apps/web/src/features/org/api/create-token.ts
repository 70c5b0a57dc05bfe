import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createToken } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

/** Creates a personal token; the answer carries the secret, shown once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api(createToken, { body: { name } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.tokens }),
  });
}
