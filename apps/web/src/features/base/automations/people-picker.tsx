import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { getPerson } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { api } from '../../../lib/api-client.ts';
import { usePeopleSearch } from '../api/search-people.ts';

export interface PeoplePickerProps {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  testId?: string;
}

/** Chosen people as removable chips, plus a directory search to add more (ids in, ids out). */
export function PeoplePicker({ value, onChange, testId }: PeoplePickerProps) {
  const t = useT();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 150);
  const results = usePeopleSearch(q);
  const names = usePeopleNames(value);
  return (
    <div className="auto-people" data-testid={testId}>
      <div className="auto-chips">
        {value.map((id) => (
          <span key={id} className="auto-chip">
            {names.get(id) ?? id}
            <button type="button" aria-label={t('common.delete')} onClick={() => onChange(value.filter((v) => v !== id))}>
              ×
            </button>
          </span>
        ))}
      </div>
      <input type="search" value={query} placeholder={t('base.auto.searchPeople')} onChange={(e) => setQuery(e.target.value)} />
      {query.trim() && (
        <ul className="auto-people-results" role="listbox">
          {(results.data ?? [])
            .filter((p) => !value.includes(p.id))
            .map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  role="option"
                  aria-selected={false}
                  onClick={() => {
                    onChange([...value, p.id]);
                    setQuery('');
                  }}
                >
                  {p.name} <span className="muted small">{p.email}</span>
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

/** Names of people by id, for chips of saved automations. */
function usePeopleNames(ids: readonly string[]): Map<string, string> {
  const found = useQueries({
    queries: ids.map((id) => ({ queryKey: ['base', 'person', id], queryFn: () => api(getPerson, { params: { id } }), staleTime: 300_000 })),
  });
  return new Map(found.flatMap((q) => (q.data ? [[q.data.id, q.data.name] as const] : [])));
}
