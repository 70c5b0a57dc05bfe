import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { checkFormDuplicates } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';

/** Likely duplicates of a form's answers so far (off while `answersJson` is null); see the contract for who sees what. */
export function useFormDuplicates(token: string, answersJson: string | null) {
  return useQuery({
    queryKey: ['base', 'form', token, 'duplicates', answersJson ?? ''],
    queryFn: () => api(checkFormDuplicates, { params: { token }, body: { fields: JSON.parse(answersJson ?? '{}') as Record<string, unknown> } }),
    enabled: answersJson !== null,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: false,
  });
}
