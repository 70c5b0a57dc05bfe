import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@concord/contracts';
import { UnreachableError } from './api-client.ts';

/** The query key of the current session; refetched when any call says the session is gone. */
export const SESSION_QUERY_KEY = ['auth', 'me'] as const;

function isSessionKey(key: readonly unknown[]): boolean {
  return key[0] === SESSION_QUERY_KEY[0] && key[1] === SESSION_QUERY_KEY[1];
}

function handleGlobalError(client: () => QueryClient, err: unknown): void {
  // Signed out elsewhere, session expired or CSRF token rotated: reload the session so the app re-routes.
  if (err instanceof ApiError && (err.status === 401 || err.code === 'auth.csrf')) {
    void client().invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  }
}

/** One QueryClient for the app: no retries on 4xx answers, a few on network failures. */
export function createQueryClient(): QueryClient {
  const get = () => queryClient;
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err, query) => !isSessionKey(query.queryKey) && handleGlobalError(get, err) }),
    mutationCache: new MutationCache({ onError: (err) => handleGlobalError(get, err) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => (err instanceof UnreachableError || (err instanceof ApiError && err.status >= 500) ? count < 2 : false),
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
