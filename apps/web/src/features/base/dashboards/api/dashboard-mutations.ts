import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  addWidget,
  createDashboard,
  deleteDashboard,
  deleteWidget,
  updateDashboard,
  updateWidget,
  type CreateDashboardInput,
  type UpdateDashboardInput,
  type WidgetSpecInput,
} from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { dashboardKeys } from './dashboard-keys.ts';

export function useCreateDashboard(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDashboardInput) => api(createDashboard, { params: { baseId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.list(baseId) }),
  });
}

/** Invalidates what a change to one dashboard affects: its settings, its data and the base's list. */
function useRefresh(baseId: string, dashboardId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dashboardKeys.one(dashboardId) }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.dataAll(dashboardId) }),
      queryClient.invalidateQueries({ queryKey: dashboardKeys.list(baseId) }),
    ]);
}

export function useUpdateDashboard(baseId: string, dashboardId: string) {
  const refresh = useRefresh(baseId, dashboardId);
  return useMutation({ mutationFn: (input: UpdateDashboardInput) => api(updateDashboard, { params: { dashboardId }, body: input }), onSuccess: refresh });
}

export function useDeleteDashboard(baseId: string, dashboardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(deleteDashboard, { params: { dashboardId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.list(baseId) }),
  });
}

/** Adds a widget (no id) or replaces one (with an id). */
export function useSaveWidget(baseId: string, dashboardId: string) {
  const refresh = useRefresh(baseId, dashboardId);
  return useMutation({
    mutationFn: ({ widgetId, spec }: { widgetId: string | null; spec: WidgetSpecInput }) =>
      widgetId ? api(updateWidget, { params: { dashboardId, widgetId }, body: spec }) : api(addWidget, { params: { dashboardId }, body: spec }),
    onSuccess: refresh,
  });
}

export function useDeleteWidget(baseId: string, dashboardId: string) {
  const refresh = useRefresh(baseId, dashboardId);
  return useMutation({ mutationFn: (widgetId: string) => api(deleteWidget, { params: { dashboardId, widgetId } }), onSuccess: refresh });
}
