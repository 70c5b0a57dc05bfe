import { useQuery } from '@tanstack/react-query';
import { getForm } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';

export const formKey = (token: string) => ['base', 'form', token] as const;

/** A form by its link token (public: anyone; internal: signed-in people only, else 401). */
export function usePublicForm(token: string, enabled = true) {
  return useQuery({ queryKey: formKey(token), queryFn: () => api(getForm, { params: { token } }), enabled, retry: false, staleTime: 60_000 });
}
