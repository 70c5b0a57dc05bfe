import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PersonDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useDepartments } from '../api/get-departments.ts';
import { useMe } from '../api/get-me.ts';
import { usePeople } from '../api/get-people.ts';
import { DeptTree } from '../components/dept-tree.tsx';
import { PeopleList } from '../components/people-list.tsx';
import { PersonDetail } from '../components/person-detail.tsx';
import { SeedDemoCard } from '../components/seed-demo-card.tsx';

const SEARCH_DEBOUNCE_MS = 200;

/** The company directory: department tree, the people in the selected subtree (or search results), and a person's card. */
export function DirectoryRoute() {
  const t = useT();
  const isAdmin = useMe().data?.user?.role === 'admin';
  const [params, setParams] = useSearchParams();
  const deptId = params.get('dept');
  const personId = params.get('person');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  const departments = useDepartments();
  // A search looks across the whole company, like Feishu's contact search; clearing it returns to the department.
  const people = usePeople({ q, departmentId: q ? null : deptId, includeInactive: false });
  const allPeople = usePeople({ q: '', departmentId: null, includeInactive: false });

  const rows = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const total = people.data?.pages[0]?.total;
  const selectedRow = rows.find((p) => p.id === personId);
  const deptList = departments.data ?? [];
  const selectedDept = deptList.find((d) => d.id === deptId);

  function update(next: { dept?: string | null; person?: string | null }) {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v === undefined) continue;
          if (v === null) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: false },
    );
  }

  function handleSelectDept(id: string | null) {
    setSearch('');
    update({ dept: id, person: null });
  }

  if (departments.isPending) return <PageSpinner label={t('common.loading')} />;
  if (departments.error) return <ErrorNotice error={departments.error} onRetry={() => void departments.refetch()} />;

  const heading = q ? t('directory.searchResults', { q }) : (selectedDept?.name ?? t('directory.allPeople'));
  return (
    <div className={`directory${personId ? ' has-detail' : ''}`}>
      <section className="directory-tree panel" aria-label={t('directory.departments')}>
        <h2 className="panel-title">{t('directory.departments')}</h2>
        {deptList.length ? (
          <DeptTree departments={deptList} selectedId={deptId} totalPeople={allPeople.data?.pages[0]?.total} onSelect={handleSelectDept} />
        ) : (
          <p className="muted panel-pad">{t('directory.noDepartments')}</p>
        )}
      </section>
      <section className="directory-people panel" aria-label={t('directory.people')}>
        <div className="directory-people-head">
          <div className="search-box">
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
            <input
              type="search"
              data-testid="people-search"
              value={search}
              placeholder={t('directory.searchPlaceholder')}
              aria-label={t('directory.searchPlaceholder')}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <div className="directory-people-title">
            <h2>{heading}</h2>
            {total !== undefined && <span className="muted">{t(total === 1 ? 'directory.countOne' : 'directory.count', { n: total })}</span>}
          </div>
        </div>
        {people.error && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}
        {people.isPending && <PageSpinner label={t('common.loading')} />}
        {!q && deptList.length === 0 && <SeedDemoCard isAdmin={isAdmin} />}
        {people.data && rows.length === 0 && (q || deptList.length > 0) && <EmptyState title={q ? t('directory.noMatches') : t('directory.noPeopleHere')} />}
        {rows.length > 0 && (
          <div className={people.isPlaceholderData ? 'is-stale' : undefined}>
            <PeopleList
              people={rows}
              selectedId={personId}
              hasMore={!!people.hasNextPage}
              loadingMore={people.isFetchingNextPage}
              onSelect={(p: PersonDto) => update({ person: p.id })}
              onLoadMore={() => void people.fetchNextPage()}
            />
          </div>
        )}
      </section>
      {personId && (
        <div className="directory-detail">
          <PersonDetail
            key={personId}
            personId={personId}
            initial={selectedRow}
            departments={deptList}
            onSelectPerson={(id) => update({ person: id })}
            onSelectDepartment={(id) => handleSelectDept(id)}
            onClose={() => update({ person: null })}
          />
        </div>
      )}
    </div>
  );
}
