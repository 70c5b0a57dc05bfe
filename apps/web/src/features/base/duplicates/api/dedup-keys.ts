/** Query keys of the duplicate features; they start with 'base' like every Base key. */
export const dedupKeys = {
  rule: (tableId: string) => ['base', 'dedup-rule', tableId] as const,
  pairs: (tableId: string) => ['base', 'dedup-pairs', tableId] as const,
  check: (tableId: string, recordId: string, values: string) => ['base', 'dedup-check', tableId, recordId, values] as const,
};
