import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router-dom';
import { I18nProvider } from '../lib/i18n/i18n.tsx';
import { createQueryClient } from '../lib/query-client.ts';
import { router } from './router.tsx';

/** Providers around the router: server state (TanStack Query) and language. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
