import { useState } from 'react';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../../ui/confirm-dialog.tsx';
import { MenuItem, Popover } from '../popover.tsx';

export interface RowMenuState {
  x: number;
  y: number;
  /** Rows the menu acts on (the selected rows when the click was inside the selection). */
  top: number;
  bottom: number;
}

/** More rows than this are not deleted from the menu (a whole-column selection would otherwise empty the table). */
export const MAX_MENU_DELETE = 1000;

export interface RowContextMenuProps {
  menu: RowMenuState;
  canEdit: boolean;
  /** Why records cannot be inserted in place (a sorted or grouped view), or null when they can. */
  orderHint: string | null;
  onInsert: () => void;
  onInsertAt: (side: 'before' | 'after') => void;
  onExpand: () => void;
  onDelete: (top: number, bottom: number) => Promise<void>;
  onClose: () => void;
}

/** Right-click on a row: insert a record (above, below, at the end), expand this one, delete the selected rows (asking first when several). */
export function RowContextMenu({ menu, canEdit, orderHint, onInsert, onInsertAt, onExpand, onDelete, onClose }: RowContextMenuProps) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const n = menu.bottom - menu.top + 1;
  const run = (fn: () => void) => () => {
    onClose();
    fn();
  };
  const remove = async () => {
    setBusy(true);
    await onDelete(menu.top, menu.bottom);
    onClose();
  };

  if (confirming)
    return (
      <ConfirmDialog
        title={t('base.row.deleteMany', { n: n.toLocaleString(locale) })}
        confirmLabel={t('common.delete')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={onClose}
      >
        {t('base.row.deleteConfirm', { n: n.toLocaleString(locale) })}
      </ConfirmDialog>
    );

  return (
    <Popover anchor={{ left: menu.x, top: menu.y, bottom: menu.y }} onClose={onClose} className="base-menu" testId="row-menu">
      {canEdit && (
        <MenuItem testId="row-insert-above" disabled={orderHint !== null} onSelect={run(() => onInsertAt('before'))}>
          {t('base.row.insertAbove')}
        </MenuItem>
      )}
      {canEdit && (
        <MenuItem testId="row-insert-below" disabled={orderHint !== null} onSelect={run(() => onInsertAt('after'))}>
          {t('base.row.insertBelow')}
        </MenuItem>
      )}
      {canEdit && orderHint && (
        <div className="base-menu-hint" data-testid="row-order-hint">
          {orderHint}
        </div>
      )}
      {canEdit && (
        <MenuItem testId="row-insert" onSelect={run(onInsert)}>
          {t('base.row.insert')}
        </MenuItem>
      )}
      <MenuItem testId="row-expand-menu" onSelect={run(onExpand)}>
        {t('base.row.expand')}
      </MenuItem>
      {canEdit && (
        <MenuItem danger testId="row-delete" disabled={n > MAX_MENU_DELETE} onSelect={() => (n > 1 ? setConfirming(true) : void remove())}>
          {n > MAX_MENU_DELETE
            ? t('base.row.tooMany', { n: MAX_MENU_DELETE.toLocaleString(locale) })
            : n > 1
              ? t('base.row.deleteMany', { n })
              : t('base.row.delete')}
        </MenuItem>
      )}
    </Popover>
  );
}
