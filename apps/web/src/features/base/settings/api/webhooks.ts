import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, type RouteInput } from '@concord/contracts';
import { api } from '../../../../lib/api-client.ts';
import { settingsKeys } from './settings-keys.ts';

export function useWebhooks(tableId: string) {
  return useQuery({ queryKey: settingsKeys.webhooks(tableId), queryFn: () => api(listWebhooks, { params: { tableId } }).then((r) => r.items) });
}

/** Creates a webhook; the answer carries the signing secret, which is never shown again. */
export function useCreateWebhook(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteInput<typeof createWebhook>['body']) => api(createWebhook, { params: { tableId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.webhooks(tableId) }),
  });
}

export function useDeleteWebhook(tableId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => api(deleteWebhook, { params: { webhookId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.webhooks(tableId) }),
  });
}

/** A webhook's delivery log, newest first, refreshed while open (retries happen in the background). */
export function useWebhookDeliveries(webhookId: string) {
  return useQuery({
    queryKey: settingsKeys.deliveries(webhookId),
    queryFn: () => api(listWebhookDeliveries, { params: { webhookId } }).then((r) => r.items),
    refetchInterval: 10_000,
  });
}
