import { useMemo, useState } from 'react';
import type { PersonDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useDepartments } from '../api/get-departments.ts';
import { usePeople } from '../api/get-people.ts';
import { useUpdatePerson } from '../api/update-person.ts';
import { PersonFormModal } from '../components/person-form-modal.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; person: PersonDto } | null;

/** Create, edit, move and deactivate or reactivate people. */
export function AdminPeopleRoute() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const q = useDebouncedValue(search.trim(), 200);
  const departments = useDepartments(true);
  const people = usePeople({ q, departmentId: null, includeInactive: showInactive });
  const update = useUpdatePerson();
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<PersonDto | null>(null);
  const rows = useMemo(() => people.data?.pages.flatMap((p) => p.items) ?? [], [people.data]);
  const deptNames = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);

  function handleToggleActive() {
    if (!toggling) return;
    update.mutate({ id: toggling.id, body: { active: !toggling.active } }, { onSuccess: () => setToggling(null) });
  }

  return (
    <section className="panel">
      <div className="toolbar">
        <Button variant="primary" testId="person-create" onClick={() => setEditing({ mode: 'create' })}>
          {t('person.create')}
        </Button>
        <input
          type="search"
          className="toolbar-search"
          value={search}
          placeholder={t('directory.searchPlaceholder')}
          aria-label={t('directory.searchPlaceholder')}
          onChange={(e) => setSearch(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          <span>{t('admin.showInactive')}</span>
        </label>
      </div>
      {people.error && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}
      {people.isPending && <PageSpinner label={t('common.loading')} />}
      {people.data && rows.length === 0 && <EmptyState title={t('directory.noMatches')} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('field.name')}</th>
                <th>{t('field.email')}</th>
                <th className="hide-sm">{t('field.title')}</th>
                <th className="hide-sm">{t('person.departments')}</th>
                <th>{t('common.status')}</th>
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className={p.active ? undefined : 'is-inactive'} data-testid="admin-person-row" data-person-id={p.id}>
                  <td className="cell-strong">
                    {p.name}
                    {p.role === 'admin' && <span className="badge badge-blue">{t('role.admin')}</span>}
                  </td>
                  <td className="cell-wrap">{p.email}</td>
                  <td className="hide-sm">{p.title ?? ''}</td>
                  <td className="hide-sm">{p.departmentIds.map((id) => deptNames.get(id) ?? id).join('、')}</td>
                  <td>
                    {p.active ? (
                      <span className="badge badge-ok badge-flush">{t('common.active')}</span>
                    ) : (
                      <span className="badge badge-muted badge-flush">{t('common.inactive')}</span>
                    )}
                  </td>
                  <td className="actions-col">
                    <div className="row-actions">
                      <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: 'edit', person: p })}>
                        {t('common.edit')}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => (update.reset(), setToggling(p))}>
                        {p.active ? t('common.deactivate') : t('common.reactivate')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {people.hasNextPage && (
        <div className="list-more">
          <Button size="sm" busy={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      {editing && (
        <PersonFormModal departments={departments.data ?? []} person={editing.mode === 'edit' ? editing.person : undefined} onClose={() => setEditing(null)} />
      )}
      {toggling && (
        <ConfirmDialog
          title={toggling.active ? t('person.deactivateTitle', { name: toggling.name }) : t('person.reactivateTitle', { name: toggling.name })}
          confirmLabel={toggling.active ? t('common.deactivate') : t('common.reactivate')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger={toggling.active}
          busy={update.isPending}
          error={update.error && <ErrorNotice error={update.error} />}
          onConfirm={handleToggleActive}
          onCancel={() => setToggling(null)}
        >
          {toggling.active ? t('person.deactivateBody') : t('person.reactivateBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
