import { SESSION_QUERY_KEY } from '../../../lib/query-client.ts';

export interface PeopleFilter {
  q: string;
  departmentId: string | null;
  includeInactive: boolean;
}

/** Every org query key starts with 'org', so one realtime event can refresh the whole directory. */
export const orgKeys = {
  all: ['org'] as const,
  departments: (includeInactive: boolean) => ['org', 'departments', { includeInactive }] as const,
  people: (filter: PeopleFilter) => ['org', 'people', filter] as const,
  person: (id: string) => ['org', 'person', id] as const,
  session: SESSION_QUERY_KEY,
  tokens: ['auth', 'tokens'] as const,
  apps: ['admin', 'apps'] as const,
  audit: (action: string) => ['admin', 'audit', { action }] as const,
};
