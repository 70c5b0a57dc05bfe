import type { DepartmentDto, PersonDto } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { Avatar } from '../../../ui/avatar.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { usePerson } from '../api/get-person.ts';
import { deptPath } from '../utils/dept-tree.ts';
import { localTime } from '../utils/local-time.ts';

export interface PersonDetailProps {
  personId: string;
  /** The list row, shown at once while the full record loads. */
  initial?: PersonDto;
  departments: readonly DepartmentDto[];
  onSelectPerson: (id: string) => void;
  onSelectDepartment: (id: string) => void;
  onClose: () => void;
}

/** A person's card: who they are, where they sit, who they report to and how to reach them. */
export function PersonDetail({ personId, initial, departments, onSelectPerson, onSelectDepartment, onClose }: PersonDetailProps) {
  const { t, locale } = useI18n();
  const query = usePerson(personId, initial);
  const person = query.data;

  return (
    <aside className="person-detail" data-testid="person-detail" aria-label={t('person.detail')}>
      <div className="person-detail-top">
        <button type="button" className="icon-btn person-detail-close" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {!person && query.isPending && <PageSpinner label={t('common.loading')} />}
      {!person && query.error && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {person && (
        <>
          <div className="person-detail-head">
            <Avatar name={person.name} size="lg" />
            <div>
              <h2 className="person-detail-name" data-testid="person-name">
                {person.name}
                {!person.active && <span className="badge badge-muted">{t('person.inactive')}</span>}
              </h2>
              {person.title && <p className="person-detail-title">{person.title}</p>}
            </div>
          </div>
          <dl className="detail-list">
            <dt>{t('person.departments')}</dt>
            <dd>
              {person.departmentIds.length === 0 && <span className="muted">{t('common.none')}</span>}
              {person.departmentIds.map((id) => (
                <button key={id} type="button" className="link-btn detail-chip" onClick={() => onSelectDepartment(id)}>
                  {deptPath(departments, id) || id}
                </button>
              ))}
            </dd>
            <dt>{t('person.manager')}</dt>
            <dd>
              {person.managerId ? (
                <button type="button" className="link-btn" data-testid="person-manager" onClick={() => person.managerId && onSelectPerson(person.managerId)}>
                  {person.managerName ?? person.managerId}
                </button>
              ) : (
                <span className="muted">{t('common.none')}</span>
              )}
            </dd>
            <dt>{t('field.email')}</dt>
            <dd>
              <a href={`mailto:${person.email}`}>{person.email}</a>
            </dd>
            <dt>{t('field.mobile')}</dt>
            <dd>{person.mobile ? <a href={`tel:${person.mobile}`}>{person.mobile}</a> : <span className="muted">{t('common.none')}</span>}</dd>
            <dt>{t('field.timeZone')}</dt>
            <dd className="detail-stack">
              <span>{person.timeZone}</span>
              <span className="muted small">{t('person.localTime', { time: localTime(person.timeZone, locale) })}</span>
            </dd>
          </dl>
        </>
      )}
    </aside>
  );
}
