import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listPeople } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

/** Directory search (name in 汉字, pinyin, initials, email, phone) for person cells and @mentions. */
export function fetchPeople(q: string, pageSize = 8) {
  return api(listPeople, { query: { q: q || undefined, pageSize } }).then((r) => r.items);
}

export function usePeopleSearch(q: string) {
  return useQuery({ queryKey: baseKeys.people(q), queryFn: () => fetchPeople(q), placeholderData: keepPreviousData, staleTime: 60_000 });
}
