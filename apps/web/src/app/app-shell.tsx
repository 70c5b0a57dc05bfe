import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { OrgRealtimeEffect, useMe } from '../features/org/index.ts';
import { isUnreachable } from '../lib/api-client.ts';
import { useT } from '../lib/i18n/i18n.tsx';
import { RealtimeProvider } from '../lib/realtime.tsx';
import { ErrorNotice } from '../ui/error-notice.tsx';
import { PageSpinner } from '../ui/spinner.tsx';
import { UnreachablePage } from './error-pages.tsx';
import { TopNav } from './top-nav.tsx';

/** Signed-in pages: routes to setup or sign-in when needed, then the top bar, the page, and the live connection. */
export function AppShell() {
  const t = useT();
  const session = useMe();
  const location = useLocation();

  if (session.isPending) return <PageSpinner label={t('common.loading')} />;
  if (session.error) {
    const retry = () => void session.refetch();
    if (isUnreachable(session.error)) return <UnreachablePage onRetry={retry} />;
    return (
      <div className="status-page status-page-left">
        <h1>{t('error.page.title')}</h1>
        <ErrorNotice error={session.error} onRetry={retry} />
      </div>
    );
  }
  if (session.data.setupRequired) return <Navigate to="/setup" replace />;
  const user = session.data.user;
  if (!user) {
    const here = location.pathname + location.search;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }

  return (
    <RealtimeProvider enabled>
      <OrgRealtimeEffect />
      <div className="app">
        <TopNav user={user} />
        <main className="content">
          <Outlet />
        </main>
      </div>
    </RealtimeProvider>
  );
}
