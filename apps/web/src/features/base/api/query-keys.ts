/** Every Base query key starts with 'base', so a resync or sign-out can drop them together. */
export const baseKeys = {
  all: ['base'] as const,
  bases: ['base', 'bases'] as const,
  base: (baseId: string) => ['base', 'base', baseId] as const,
  table: (tableId: string) => ['base', 'table', tableId] as const,
  record: (tableId: string, recordId: string) => ['base', 'record', tableId, recordId] as const,
  history: (tableId: string, recordId: string) => ['base', 'history', tableId, recordId] as const,
  comments: (tableId: string, recordId: string) => ['base', 'comments', tableId, recordId] as const,
  linkSearch: (tableId: string, q: string) => ['base', 'link-search', tableId, q] as const,
  linkNames: (tableId: string, ids: string) => ['base', 'link-names', tableId, ids] as const,
  people: (q: string) => ['base', 'people', q] as const,
  departments: ['base', 'departments'] as const,
};
