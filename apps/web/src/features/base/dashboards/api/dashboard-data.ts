import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dashboardData, type DashboardFilterValue } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dashboardKeys } from './dashboard-keys.ts';

/** Every widget's computed data for the chosen filter values; realtime events invalidate it (no polling). */
export function useDashboardData(dashboardId: string, filters: Record<string, DashboardFilterValue>) {
  return useQuery({
    queryKey: dashboardKeys.data(dashboardId, filters),
    queryFn: () => api(dashboardData, { params: { dashboardId }, body: { filters } }),
    placeholderData: keepPreviousData,
  });
}
