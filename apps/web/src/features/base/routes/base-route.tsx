import { Link, Outlet, useParams } from 'react-router-dom';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useBase } from '../api/get-base.ts';
import { TableTabs } from '../components/table-tabs.tsx';
import { DashboardTabs } from '../dashboards/components/dashboard-tabs.tsx';
import { ToastProvider } from '../components/toast.tsx';
import { TablePresence } from '../presence/table-presence.tsx';
import { BaseSettingsButton } from '../settings/components/base-settings-button.tsx';
import '../base.css';

/** A base: its name, the table tabs, and the open table below. */
export function BaseRoute() {
  const t = useT();
  const { baseId = '', tableId, dashboardId } = useParams();
  const base = useBase(baseId);
  if (base.isPending) return <PageSpinner label={t('common.loading')} />;
  if (base.error) return <ErrorNotice error={base.error} onRetry={() => void base.refetch()} />;
  const canEdit = base.data.role === 'owner' || base.data.role === 'editor';
  return (
    <ToastProvider>
      <div className="base-page" data-testid="base-page" data-base-id={baseId}>
        <div className="base-head">
          <Link to="/base" className="base-back" aria-label={t('base.back')} title={t('base.back')}>
            ‹
          </Link>
          <h1 className="base-title">{base.data.name}</h1>
          <TableTabs base={base.data} activeTableId={tableId} canEdit={canEdit} />
          <DashboardTabs baseId={baseId} activeDashboardId={dashboardId} canEdit={canEdit} />
          <div className="base-head-side">
            {tableId && <TablePresence tableId={tableId} />}
            <BaseSettingsButton base={base.data} tableId={tableId} />
          </div>
        </div>
        <Outlet />
      </div>
    </ToastProvider>
  );
}
