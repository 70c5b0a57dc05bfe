import type { DashboardFilterValue } from '@concord/contracts';

/** Dashboard query keys sit under 'base', so a resync or sign-out drops them with the rest of Base. */
export const dashboardKeys = {
  list: (baseId: string) => ['base', 'dashboards', baseId] as const,
  one: (dashboardId: string) => ['base', 'dashboard', dashboardId] as const,
  dataAll: (dashboardId: string) => ['base', 'dashboard-data', dashboardId] as const,
  data: (dashboardId: string, filters: Record<string, DashboardFilterValue>) => ['base', 'dashboard-data', dashboardId, filters] as const,
};
