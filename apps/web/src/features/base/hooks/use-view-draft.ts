import { useMemo, useState } from 'react';
import type { ViewConfig, ViewDto } from '@concord/contracts';
import { useUpdateView } from '../api/update-view.ts';

/** Settings tried out locally until "Save to view"; column widths and order save at once instead. */
export type DraftKey = 'filter' | 'sort' | 'groupBy' | 'hiddenFieldIds' | 'rowHeight';
export type ViewDraft = Partial<Pick<ViewConfig, DraftKey>>;

/**
 * The view as shown: its saved config with this person's unsaved filter, sort, grouping, hidden fields and row height on top.
 * @example const { config, change, dirty, save, reset } = useViewDraft(tableId, view)
 */
export function useViewDraft(tableId: string, view: ViewDto, canEdit: boolean) {
  const [draft, setDraft] = useState<ViewDraft>({});
  const update = useUpdateView(tableId);
  const config = useMemo<ViewConfig>(() => ({ ...view.config, ...draft }), [view.config, draft]);
  const dirtyKeys = (Object.keys(draft) as DraftKey[]).filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(view.config[k]));

  return {
    config,
    dirty: dirtyKeys.length > 0,
    change: (patch: ViewDraft) => setDraft((d) => ({ ...d, ...patch })),
    reset: () => setDraft({}),
    save: () => {
      if (!canEdit || dirtyKeys.length === 0) return;
      const patch = Object.fromEntries(dirtyKeys.map((k) => [k, draft[k]])) as ViewDraft;
      update.mutate({ viewId: view.id, config: patch }, { onSuccess: () => setDraft({}) });
    },
    saving: update.isPending,
    /** Column widths and order: saved to the view right away for editors. */
    saveLayout: (patch: Pick<Partial<ViewConfig>, 'columnWidths' | 'fieldOrder'>) => {
      if (canEdit) update.mutate({ viewId: view.id, config: patch });
    },
  };
}

export type ViewDraftState = ReturnType<typeof useViewDraft>;
