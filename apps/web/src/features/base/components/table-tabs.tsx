import { useState } from 'react';
import { NavLink, useNavigate } from 'react-router-dom';
import type { BaseDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { useCreateTable } from '../api/create-table.ts';
import { useDeleteTable } from '../api/delete-table.ts';
import { useRenameTable } from '../api/rename-table.ts';
import { InlineRename } from './inline-rename.tsx';
import { MenuItem, Popover, type PopoverAnchor } from './popover.tsx';
import { useToast } from './toast.tsx';

export interface TableTabsProps {
  base: BaseDto;
  activeTableId: string | undefined;
  canEdit: boolean;
}

/** The base's tables as tabs: open, add, rename (double-click or menu) and delete (with confirmation). */
export function TableTabs({ base, activeTableId, canEdit }: TableTabsProps) {
  const t = useT();
  const toast = useToast();
  const navigate = useNavigate();
  const create = useCreateTable(base.id);
  const rename = useRenameTable(base.id);
  const remove = useDeleteTable(base.id);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ id: string; anchor: PopoverAnchor } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);

  function handleCreate() {
    const names = new Set(base.tables.map((x) => x.name.toLowerCase()));
    let n = base.tables.length + 1;
    while (names.has(t('base.table.defaultName', { n }).toLowerCase())) n++;
    create.mutate(t('base.table.defaultName', { n }), {
      onSuccess: (table) => navigate(`/base/${base.id}/${table.id}`),
      onError: (err) => toast(err.message, 'error'),
    });
  }

  function handleDelete() {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        const next = base.tables.find((x) => x.id !== deleting.id);
        setDeleting(null);
        if (deleting.id === activeTableId) navigate(next ? `/base/${base.id}/${next.id}` : `/base/${base.id}`, { replace: true });
      },
    });
  }

  return (
    <div className="table-tabs" role="tablist">
      {base.tables.map((tab) =>
        renaming === tab.id ? (
          <InlineRename
            key={tab.id}
            value={tab.name}
            label={t('base.table.name')}
            testId="table-rename-input"
            onSave={(name) => rename.mutate({ tableId: tab.id, name }, { onError: (err) => toast(err.message, 'error') })}
            onDone={() => setRenaming(null)}
          />
        ) : (
          <span key={tab.id} className={`table-tab-wrap${tab.id === activeTableId ? ' is-active' : ''}`}>
            <NavLink
              to={`/base/${base.id}/${tab.id}`}
              className="table-tab"
              role="tab"
              aria-selected={tab.id === activeTableId}
              data-testid="table-tab"
              data-table-id={tab.id}
              onDoubleClick={() => canEdit && setRenaming(tab.id)}
            >
              {tab.name}
            </NavLink>
            {canEdit && tab.id === activeTableId && (
              <button
                type="button"
                className="tab-caret"
                data-testid="table-menu"
                aria-label={t('base.table.menu', { name: tab.name })}
                onClick={(e) => {
                  const r = e.currentTarget.getBoundingClientRect();
                  setMenu({ id: tab.id, anchor: { left: r.left, top: r.top, bottom: r.bottom } });
                }}
              >
                ▾
              </button>
            )}
          </span>
        ),
      )}
      {canEdit && (
        <button type="button" className="tab-add" data-testid="add-table" disabled={create.isPending} onClick={handleCreate}>
          + {t('base.table.add')}
        </button>
      )}
      {menu && (
        <Popover anchor={menu.anchor} onClose={() => setMenu(null)} className="base-menu">
          <MenuItem
            testId="table-rename"
            onSelect={() => {
              setRenaming(menu.id);
              setMenu(null);
            }}
          >
            {t('base.table.rename')}
          </MenuItem>
          <MenuItem
            danger
            testId="table-delete"
            onSelect={() => {
              setDeleting({ id: menu.id, name: base.tables.find((x) => x.id === menu.id)?.name ?? '' });
              setMenu(null);
            }}
          >
            {t('base.table.delete')}
          </MenuItem>
        </Popover>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('base.table.deleteTitle', { name: deleting.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={remove.isPending}
          error={remove.error ? <ErrorNotice error={remove.error} /> : undefined}
          onConfirm={handleDelete}
          onCancel={() => setDeleting(null)}
        >
          {t('base.table.deleteBody')}
        </ConfirmDialog>
      )}
    </div>
  );
}
