import { NavLink, Outlet } from 'react-router-dom';
import { useT, type MessageKey } from '../../../lib/i18n/i18n.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { useMe } from '../api/get-me.ts';

const TABS: readonly { path: string; label: MessageKey }[] = [
  { path: 'departments', label: 'admin.tab.departments' },
  { path: 'people', label: 'admin.tab.people' },
  { path: 'import', label: 'admin.tab.import' },
  { path: 'apps', label: 'admin.tab.apps' },
  { path: 'tokens', label: 'admin.tab.tokens' },
  { path: 'audit', label: 'admin.tab.audit' },
];

/** The admin console: a tab per task, for administrators only. */
export function AdminLayoutRoute() {
  const t = useT();
  const isAdmin = useMe().data?.user?.role === 'admin';
  if (!isAdmin) return <EmptyState title={t('admin.forbidden.title')} description={t('admin.forbidden.body')} />;
  return (
    <div className="admin">
      <div className="page-head">
        <h1>{t('admin.title')}</h1>
      </div>
      <nav className="tabs" aria-label={t('admin.title')}>
        {TABS.map((tab) => (
          <NavLink key={tab.path} to={tab.path} className={({ isActive }) => `tab${isActive ? ' is-active' : ''}`} data-admin-tab={tab.path}>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <div className="admin-body">
        <Outlet />
      </div>
    </div>
  );
}
