import { useMemo, useState } from 'react';
import type { DepartmentDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useDepartments } from '../api/get-departments.ts';
import { useMe } from '../api/get-me.ts';
import { useUpdateDepartment } from '../api/update-department.ts';
import { DepartmentFormModal } from '../components/department-form-modal.tsx';
import { SeedDemoCard } from '../components/seed-demo-card.tsx';
import { flattenDeptTree } from '../utils/dept-tree.ts';

type Editing = { mode: 'create'; parentId: string | null } | { mode: 'edit'; department: DepartmentDto } | null;

/** Create, rename, move, and deactivate or reactivate departments. */
export function AdminDepartmentsRoute() {
  const t = useT();
  const [showInactive, setShowInactive] = useState(false);
  const departments = useDepartments(showInactive);
  const isAdmin = useMe().data?.user?.role === 'admin';
  const update = useUpdateDepartment();
  const [editing, setEditing] = useState<Editing>(null);
  const [toggling, setToggling] = useState<DepartmentDto | null>(null);
  const rows = useMemo(() => flattenDeptTree(departments.data ?? []), [departments.data]);

  if (departments.isPending) return <PageSpinner label={t('common.loading')} />;
  if (departments.error) return <ErrorNotice error={departments.error} onRetry={() => void departments.refetch()} />;
  const all = departments.data;

  function handleToggleActive() {
    if (!toggling) return;
    update.mutate({ id: toggling.id, body: { active: !toggling.active } }, { onSuccess: () => setToggling(null) });
  }

  return (
    <section className="panel">
      <div className="toolbar">
        <Button variant="primary" testId="dept-create" onClick={() => setEditing({ mode: 'create', parentId: null })}>
          {t('dept.create')}
        </Button>
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          <span>{t('admin.showInactive')}</span>
        </label>
      </div>
      {all.length === 0 ? (
        <SeedDemoCard isAdmin={isAdmin} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('dept.name')}</th>
                <th className="hide-sm">{t('dept.head')}</th>
                <th className="num">{t('dept.members')}</th>
                <th>{t('common.status')}</th>
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ dept, depth }) => (
                <tr key={dept.id} className={dept.active ? undefined : 'is-inactive'} data-testid="admin-dept-row" data-dept-id={dept.id}>
                  <td className="nowrap">
                    <span style={{ paddingLeft: depth * 16 }} className="cell-strong indent">
                      {dept.name}
                    </span>
                  </td>
                  <td className="hide-sm">{dept.headName ?? <span className="muted">—</span>}</td>
                  <td className="num">{dept.memberCount}</td>
                  <td>
                    {dept.active ? (
                      <span className="badge badge-ok badge-flush">{t('common.active')}</span>
                    ) : (
                      <span className="badge badge-muted badge-flush">{t('common.inactive')}</span>
                    )}
                  </td>
                  <td className="actions-col">
                    <div className="row-actions">
                      <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: 'edit', department: dept })}>
                        {t('common.edit')}
                      </Button>
                      {dept.active && (
                        <Button size="sm" variant="ghost" onClick={() => setEditing({ mode: 'create', parentId: dept.id })}>
                          {t('dept.addChild')}
                        </Button>
                      )}
                      <Button size="sm" variant="ghost" onClick={() => (update.reset(), setToggling(dept))}>
                        {dept.active ? t('common.deactivate') : t('common.reactivate')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing?.mode === 'create' && <DepartmentFormModal departments={all} parentId={editing.parentId} onClose={() => setEditing(null)} />}
      {editing?.mode === 'edit' && <DepartmentFormModal departments={all} department={editing.department} onClose={() => setEditing(null)} />}
      {toggling && (
        <ConfirmDialog
          title={toggling.active ? t('dept.deactivateTitle', { name: toggling.name }) : t('dept.reactivateTitle', { name: toggling.name })}
          confirmLabel={toggling.active ? t('common.deactivate') : t('common.reactivate')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger={toggling.active}
          busy={update.isPending}
          error={update.error && <ErrorNotice error={update.error} />}
          onConfirm={handleToggleActive}
          onCancel={() => setToggling(null)}
        >
          {toggling.active ? t('dept.deactivateBody') : t('dept.reactivateBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
