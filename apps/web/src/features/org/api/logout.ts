import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logout } from '@concord/contracts';
import { api, setCsrfToken } from '../../../lib/api-client.ts';
import { orgKeys } from './query-keys.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(logout, {}),
    // Signed out locally even if the server is unreachable: the cookie is cleared on its next answer anyway.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== orgKeys.session[0] });
      queryClient.setQueryData(orgKeys.session, { user: null, csrfToken: null, setupRequired: false });
    },
  });
}
