import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setup } from '@concord/contracts';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type SetupInput = { name: string; email: string; password: string };

/** First run: creates the first administrator and signs them in. */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupInput) => api(setup, { body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(orgKeys.session, { user: session.user, csrfToken: session.csrfToken, setupRequired: false });
    },
  });
}
