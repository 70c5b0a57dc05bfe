/** Query keys of the base settings dialog; under 'base' so a resync or sign-out drops them with the rest of Base. */
export const settingsKeys = {
  members: (baseId: string) => ['base', 'settings', 'members', baseId] as const,
  rules: (tableId: string) => ['base', 'settings', 'rules', tableId] as const,
  webhooks: (tableId: string) => ['base', 'settings', 'webhooks', tableId] as const,
  deliveries: (webhookId: string) => ['base', 'settings', 'deliveries', webhookId] as const,
  directory: (q: string) => ['base', 'settings', 'directory', q] as const,
};
