import { useMutation, useQueryClient } from '@tanstack/react-query';
import { login } from '@concord/contracts';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export type LoginInput = { email: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => api(login, { body }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== orgKeys.session[0] });
      queryClient.setQueryData(orgKeys.session, { user: session.user, csrfToken: session.csrfToken, setupRequired: false });
    },
  });
}
