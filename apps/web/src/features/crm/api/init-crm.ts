import { useMutation, useQueryClient } from '@tanstack/react-query';
import { initCrm, type CrmLocale } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { crmKeys } from './list-crms.ts';

/** Creates a CRM base from the template; the list of CRMs (and of bases) refreshes. */
export function useInitCrm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: CrmLocale) => api(initCrm, { body: { locale } }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: crmKeys.all }), queryClient.invalidateQueries({ queryKey: ['base', 'bases'] })]),
  });
}
