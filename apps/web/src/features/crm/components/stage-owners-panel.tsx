import { useT } from '../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Spinner } from '../../../ui/spinner.tsx';
import { useSetStageDepartment, useStageOwners } from '../api/stage-owners.ts';

export interface StageOwnersPanelProps {
  customersTableId: string;
}

/** Who owns each stage (the stage-owner automations' pools), and a quick way to hand a stage to a department. */
export function StageOwnersPanel({ customersTableId }: StageOwnersPanelProps) {
  const t = useT();
  const { rows, departments, error } = useStageOwners(customersTableId);
  const save = useSetStageDepartment(customersTableId);
  if (error) return <ErrorNotice error={error} />;
  if (!rows) return <Spinner />;
  return (
    <div className="crm-owners" data-testid="crm-stage-owners">
      <table className="crm-owners-table">
        <thead>
          <tr>
            <th>{t('crm.owners.stage')}</th>
            <th>{t('crm.owners.pool')}</th>
            <th>{t('crm.owners.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.automation.id} data-stage={r.stage}>
              <td>{r.stage}</td>
              <td className="crm-owners-pool">{r.pool || t('crm.owners.nobody')}</td>
              <td>
                <select
                  aria-label={t('crm.owners.changeFor', { stage: r.stage })}
                  value={r.departmentId ?? ''}
                  disabled={save.isPending}
                  onChange={(e) => e.target.value && save.mutate({ automation: r.automation, departmentId: e.target.value })}
                >
                  {!r.departmentId && <option value="">{t('crm.owners.people')}</option>}
                  {departments.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {save.error && <ErrorNotice error={save.error} />}
      <p className="muted small">{t('crm.owners.hint')}</p>
    </div>
  );
}
