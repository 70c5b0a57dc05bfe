import { useQuery } from '@tanstack/react-query';
import { listDashboards } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dashboardKeys } from './dashboard-keys.ts';

/** The base's dashboards (names only), for the tabs next to the tables. */
export function useDashboards(baseId: string) {
  return useQuery({ queryKey: dashboardKeys.list(baseId), queryFn: async () => (await api(listDashboards, { params: { baseId } })).items });
}
