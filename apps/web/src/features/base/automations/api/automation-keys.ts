/** Query keys of automations; under 'base' so a resync drops them with the rest of Base. */
export const automationKeys = {
  list: (tableId: string) => ['base', 'automations', tableId] as const,
  runs: (automationId: string) => ['base', 'automation-runs', automationId] as const,
};
