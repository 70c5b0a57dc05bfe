import { useState } from 'react';
import { viewType, type TableDto, type ViewDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { useCreateView } from '../api/create-view.ts';
import { useDeleteView } from '../api/delete-view.ts';
import { useUpdateView } from '../api/update-view.ts';
import { InlineRename } from './inline-rename.tsx';
import { MenuItem, Popover, type PopoverAnchor } from './popover.tsx';
import { useToast } from './toast.tsx';

type ViewType = ViewDto['type'];
const VIEW_ICONS: Record<ViewType, string> = { grid: '▦', kanban: '▥', gallery: '▤', calendar: '◫', form: '☷' };

export interface ViewBarProps {
  table: TableDto;
  activeViewId: string;
  canEdit: boolean;
  onSelect: (viewId: string) => void;
}

/** The table's views: switch, create (grid, kanban, gallery, calendar, form), rename, delete (a table keeps at least one). */
export function ViewBar({ table, activeViewId, canEdit, onSelect }: ViewBarProps) {
  const t = useT();
  const toast = useToast();
  const create = useCreateView(table.id);
  const update = useUpdateView(table.id);
  const remove = useDeleteView(table.id);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ view: ViewDto; anchor: PopoverAnchor } | null>(null);
  const [deleting, setDeleting] = useState<ViewDto | null>(null);
  const [adding, setAdding] = useState<PopoverAnchor | null>(null);
  const onError = (err: Error) => toast(err.message, 'error');

  function handleCreate(type: ViewType) {
    setAdding(null);
    const names = new Set(table.views.map((v) => v.name));
    let n = table.views.filter((v) => v.type === type).length + 1;
    const name = (k: number) => `${t(`base.viewType.${type}`)} ${k}`;
    while (names.has(name(n))) n++;
    create.mutate({ name: name(n), type }, { onSuccess: (view) => onSelect(view.id), onError });
  }

  return (
    <div className="view-bar" role="tablist">
      {table.views.map((view) =>
        renaming === view.id ? (
          <InlineRename
            key={view.id}
            value={view.name}
            label={t('base.view.rename')}
            onSave={(name) => update.mutate({ viewId: view.id, name }, { onError })}
            onDone={() => setRenaming(null)}
          />
        ) : (
          <span key={view.id} className={`view-tab-wrap${view.id === activeViewId ? ' is-active' : ''}`}>
            <button
              type="button"
              role="tab"
              className="view-tab"
              aria-selected={view.id === activeViewId}
              data-testid="view-tab"
              data-view-id={view.id}
              data-view-type={view.type}
              onClick={() => onSelect(view.id)}
              onDoubleClick={() => canEdit && setRenaming(view.id)}
            >
              <span aria-hidden="true">{VIEW_ICONS[view.type]}</span> {view.name}
            </button>
            {canEdit && view.id === activeViewId && (
              <button
                type="button"
                className="tab-caret"
                data-testid="view-menu"
                aria-label={t('base.view.menu', { name: view.name })}
                onClick={(e) => {
                  const r = e.currentTarget.getBoundingClientRect();
                  setMenu({ view, anchor: { left: r.left, top: r.top, bottom: r.bottom } });
                }}
              >
                ▾
              </button>
            )}
          </span>
        ),
      )}
      {canEdit && (
        <button
          type="button"
          className="tab-add"
          data-testid="add-view"
          data-popover-toggle
          disabled={create.isPending}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            setAdding(adding ? null : { left: r.left, top: r.top, bottom: r.bottom });
          }}
        >
          + {t('base.view.add')}
        </button>
      )}
      {adding && (
        <Popover anchor={adding} onClose={() => setAdding(null)} className="base-menu" testId="add-view-menu">
          {viewType.options.map((type) => (
            <MenuItem key={type} testId={`add-view-${type}`} onSelect={() => handleCreate(type)}>
              <span aria-hidden="true">{VIEW_ICONS[type]}</span> {t(`base.viewType.${type}`)}
            </MenuItem>
          ))}
        </Popover>
      )}
      {menu && (
        <Popover anchor={menu.anchor} onClose={() => setMenu(null)} className="base-menu">
          <MenuItem
            testId="view-rename"
            onSelect={() => {
              setRenaming(menu.view.id);
              setMenu(null);
            }}
          >
            {t('base.view.rename')}
          </MenuItem>
          <MenuItem
            danger
            testId="view-delete"
            disabled={table.views.length <= 1}
            onSelect={() => {
              setDeleting(menu.view);
              setMenu(null);
            }}
          >
            {table.views.length <= 1 ? t('base.view.lastOne') : t('base.view.delete')}
          </MenuItem>
        </Popover>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('base.view.deleteTitle', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                const next = table.views.find((v) => v.id !== deleting.id);
                setDeleting(null);
                if (next && deleting.id === activeViewId) onSelect(next.id);
              },
              onError,
            })
          }
          onCancel={() => setDeleting(null)}
        >
          {t('base.view.deleteBody')}
        </ConfirmDialog>
      )}
    </div>
  );
}
