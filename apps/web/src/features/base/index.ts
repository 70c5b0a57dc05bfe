/**
 * The Base feature: bases, tables, fields, grid views with a virtual grid, the expanded record with history and
 * comments, all live. Only the lazily loaded route modules are exported, for app/.
 */
export const loadBaseRoutes = () => import('./routes/base-routes.ts');

/** The dashboard page, in its own chunk: ECharts loads only when someone opens a dashboard. */
export const loadDashboardRoute = () => import('./dashboards/routes/dashboard-route.tsx');

/** The public form page (/forms/:token), in its own small chunk: anonymous visitors load no grid code. */
export const loadPublicFormRoute = () => import('./public-form/public-form-route.tsx');
