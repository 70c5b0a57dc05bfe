import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useCrms } from '../api/list-crms.ts';
import { CreateCrmForm } from '../components/create-crm-form.tsx';
import { StageOwnersPanel } from '../components/stage-owners-panel.tsx';
import '../crm.css';

/** /crm: the CRMs I can open (customers, sales dashboard), and "create CRM" from the template. */
export function CrmRoute() {
  const t = useT();
  const crms = useCrms();
  const [creating, setCreating] = useState(false);
  const [ownersOf, setOwnersOf] = useState<string | null>(null);
  const empty = crms.data?.length === 0;

  return (
    <div className="stack crm-home" data-testid="crm-home">
      <div className="page-head">
        <div>
          <h1>{t('crm.title')}</h1>
          <p className="muted">{t('crm.subtitle')}</p>
        </div>
        {!creating && !empty && (
          <Button testId="crm-create" onClick={() => setCreating(true)}>
            + {t('crm.createAnother')}
          </Button>
        )}
      </div>
      {crms.isPending && <PageSpinner label={t('common.loading')} />}
      {crms.error && <ErrorNotice error={crms.error} onRetry={() => void crms.refetch()} />}
      {(creating || empty) && (
        <>
          {empty && <EmptyState title={t('crm.empty')} description={t('crm.emptyHint')} />}
          <CreateCrmForm onCancel={empty ? undefined : () => setCreating(false)} />
        </>
      )}
      {!!crms.data?.length && (
        <ul className="crm-cards">
          {crms.data.map((c) => (
            <li key={c.appToken} className="crm-card panel" data-testid="crm-card" data-base-id={c.appToken}>
              <div className="crm-card-head">
                <span className="crm-card-icon" aria-hidden="true">
                  ◎
                </span>
                <span className="crm-card-name">{c.name}</span>
                {c.demo && <span className="crm-badge">{t('crm.demo')}</span>}
              </div>
              <div className="crm-card-links">
                <Link to={`/base/${c.appToken}/${c.tables.customers}`} data-testid="crm-open-customers">
                  {t('crm.customers')}
                </Link>
                <Link to={c.dashboardUrl} data-testid="crm-open-dashboard">
                  {t('crm.dashboard')}
                </Link>
                <Link to={`/base/${c.appToken}/${c.tables.opportunities}`}>{t('crm.opportunities')}</Link>
                <Link to={`/base/${c.appToken}/${c.tables.activities}`}>{t('crm.activities')}</Link>
                <button
                  type="button"
                  className="crm-link-button"
                  aria-expanded={ownersOf === c.appToken}
                  data-testid="crm-toggle-owners"
                  onClick={() => setOwnersOf(ownersOf === c.appToken ? null : c.appToken)}
                >
                  {t('crm.owners.title')}
                </button>
              </div>
              {ownersOf === c.appToken && <StageOwnersPanel customersTableId={c.tables.customers} />}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
