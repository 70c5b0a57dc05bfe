import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listPeople } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { settingsKeys } from './settings-keys.ts';

/** Active people of the directory matching `q` (汉字, pinyin, initials, email), to add as members. */
export function useDirectorySearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: settingsKeys.directory(q),
    queryFn: () => api(listPeople, { query: { q: q || undefined, pageSize: 10 } }).then((r) => r.items.filter((p) => p.active)),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}
