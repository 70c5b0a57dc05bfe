/**
 * Query keys of the non-grid views. They start with 'base' (so a resync or sign-out drops them with the rest of Base)
 * and then the table id, so one realtime event can refetch everything a table's views show.
 */
export const viewKeys = {
  table: (tableId: string) => ['base', 'view-records', tableId] as const,
  kanbanColumn: (tableId: string, viewId: string, query: string, option: string | null) =>
    ['base', 'view-records', tableId, 'kanban', viewId, query, option ?? '\u0000empty'] as const,
  gallery: (tableId: string, viewId: string, query: string) => ['base', 'view-records', tableId, 'gallery', viewId, query] as const,
  calendar: (tableId: string, viewId: string, query: string, from: number, to: number) =>
    ['base', 'view-records', tableId, 'calendar', viewId, query, from, to] as const,
  /** Marks record moves and edits made from a view, so realtime echoes can wait for them to settle. */
  writes: (tableId: string) => ['base', 'view-write', tableId] as const,
};
