import { useQuery } from '@tanstack/react-query';
import { getDashboard } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dashboardKeys } from './dashboard-keys.ts';

/** A dashboard's layout, filters and widget settings. */
export function useDashboard(dashboardId: string) {
  return useQuery({ queryKey: dashboardKeys.one(dashboardId), queryFn: () => api(getDashboard, { params: { dashboardId } }) });
}
