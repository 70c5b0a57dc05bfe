import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router-dom';
import { DirectoryRoute, LoginRoute, SessionLocaleEffect, SetupRoute, loadAdminRoutes } from '../features/org/index.ts';
import { loadBaseRoutes, loadDashboardRoute, loadPublicFormRoute } from '../features/base/index.ts';
import { NotificationSettingsRoute, RecordLinkRoute } from '../features/notify/index.ts';
import { CrmRoute } from '../features/crm/index.ts';
import { useT } from '../lib/i18n/i18n.tsx';
import { PageSpinner } from '../ui/spinner.tsx';
import { AppShell } from './app-shell.tsx';
import { ComingSoonPage } from './coming-soon-page.tsx';
import { NotFoundPage, RouteErrorPage } from './error-pages.tsx';

function BootSpinner() {
  const t = useT();
  return <PageSpinner label={t('common.loading')} />;
}

function RootLayout() {
  return (
    <>
      <SessionLocaleEffect />
      <Outlet />
    </>
  );
}

type AdminModule = Awaited<ReturnType<typeof loadAdminRoutes>>;
type BaseModule = Awaited<ReturnType<typeof loadBaseRoutes>>;

/** A route whose page lives in the Base chunk (the grid and its editors). */
function basePage(pick: (m: BaseModule) => ComponentType) {
  return async () => ({ Component: pick(await loadBaseRoutes()) });
}

/** A route whose page lives in the admin chunk. */
function adminPage(pick: (m: AdminModule) => ComponentType) {
  return async () => ({ Component: pick(await loadAdminRoutes()) });
}

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    // Shown while a lazily loaded page (the admin console) arrives on a first visit straight to it.
    hydrateFallbackElement: <BootSpinner />,
    children: [
      { path: 'setup', element: <SetupRoute /> },
      { path: 'login', element: <LoginRoute /> },
      // Outside the signed-in shell: anyone with a public form's link may fill it in.
      { path: 'forms/:token', lazy: async () => ({ Component: (await loadPublicFormRoute()).PublicFormRoute }) },
      {
        element: <AppShell />,
        children: [
          {
            // Errors inside a page keep the top bar, so the user can go elsewhere.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <Navigate to="/directory" replace /> },
              { path: 'directory', element: <DirectoryRoute /> },
              { path: 'base', lazy: basePage((m) => m.BaseHomeRoute) },
              {
                path: 'base/:baseId',
                lazy: basePage((m) => m.BaseRoute),
                children: [
                  { index: true, lazy: basePage((m) => m.BaseIndexRoute) },
                  { path: 'dashboards/:dashboardId', lazy: async () => ({ Component: (await loadDashboardRoute()).DashboardRoute }) },
                  { path: ':tableId', lazy: basePage((m) => m.TableRoute), children: [{ path: ':recordId', lazy: basePage((m) => m.RecordRoute) }] },
                ],
              },
              { path: 'settings/notifications', element: <NotificationSettingsRoute /> },
              { path: 'inbox/record/:tableId/:recordId', element: <RecordLinkRoute /> },
              { path: 'crm', element: <CrmRoute /> },
              { path: 'hire', element: <ComingSoonPage module="hire" /> },
              { path: 'okr', element: <ComingSoonPage module="okr" /> },
              {
                path: 'admin',
                lazy: adminPage((m) => m.AdminLayoutRoute),
                children: [
                  { index: true, element: <Navigate to="departments" replace /> },
                  { path: 'departments', lazy: adminPage((m) => m.AdminDepartmentsRoute) },
                  { path: 'people', lazy: adminPage((m) => m.AdminPeopleRoute) },
                  { path: 'import', lazy: adminPage((m) => m.AdminImportRoute) },
                  { path: 'apps', lazy: adminPage((m) => m.AdminAppsRoute) },
                  { path: 'tokens', lazy: adminPage((m) => m.TokensRoute) },
                  { path: 'audit', lazy: adminPage((m) => m.AdminAuditRoute) },
                ],
              },
              {
                path: 'account/tokens',
                lazy: adminPage((m) => {
                  const { TokensRoute } = m;
                  return function StandaloneTokensRoute() {
                    return <TokensRoute standalone />;
                  };
                }),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
