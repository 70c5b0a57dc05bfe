import { useState } from 'react';
import type { FieldDto, FieldInput } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { useDeleteField } from '../api/delete-field.ts';
import { useUpdateField } from '../api/update-field.ts';
import { InlineRename } from './inline-rename.tsx';
import { MenuItem, Popover, type PopoverAnchor } from './popover.tsx';
import { useToast } from './toast.tsx';

export interface FieldMenuProps {
  field: FieldDto;
  anchor: PopoverAnchor;
  canEdit: boolean;
  onEdit: () => void;
  onHide: () => void;
  onSort: (desc: boolean) => void;
  onFilter: () => void;
  onClose: () => void;
}

/** A field header's menu: rename, edit (type and options), hide, sort, filter by it, delete. */
export function FieldMenu({ field, anchor, canEdit, onEdit, onHide, onSort, onFilter, onClose }: FieldMenuProps) {
  const t = useT();
  const toast = useToast();
  const update = useUpdateField(field.tableId);
  const remove = useDeleteField(field.tableId);
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const run = (fn: () => void) => () => {
    onClose();
    fn();
  };

  if (confirming)
    return (
      <ConfirmDialog
        title={t('base.field.deleteTitle', { name: field.name })}
        confirmLabel={t('common.delete')}
        cancelLabel={t('common.cancel')}
        closeLabel={t('common.close')}
        danger
        busy={remove.isPending}
        error={remove.error ? <ErrorNotice error={remove.error} /> : undefined}
        onConfirm={() => remove.mutate(field.id, { onSuccess: onClose })}
        onCancel={onClose}
      >
        {t('base.field.deleteBody')}
      </ConfirmDialog>
    );

  return (
    <Popover anchor={anchor} onClose={onClose} className="base-menu" testId="field-menu-panel">
      {canEdit && renaming ? (
        <InlineRename
          value={field.name}
          label={t('base.field.name')}
          testId="field-rename-input"
          onSave={(name) =>
            update.mutate(
              { fieldId: field.id, body: { name, type: field.type, options: field.options } as FieldInput },
              { onError: (err) => toast(err.message, 'error') },
            )
          }
          onDone={onClose}
        />
      ) : (
        canEdit && (
          <MenuItem testId="field-rename" onSelect={() => setRenaming(true)}>
            {t('base.field.rename')}
          </MenuItem>
        )
      )}
      {canEdit && (
        <MenuItem testId="field-edit" onSelect={run(onEdit)}>
          {t('base.field.edit')}
        </MenuItem>
      )}
      <MenuItem testId="field-sort-asc" onSelect={run(() => onSort(false))}>
        {t('base.field.sortAsc')}
      </MenuItem>
      <MenuItem testId="field-sort-desc" onSelect={run(() => onSort(true))}>
        {t('base.field.sortDesc')}
      </MenuItem>
      <MenuItem testId="field-filter" onSelect={run(onFilter)}>
        {t('base.field.filter')}
      </MenuItem>
      {!field.isPrimary && (
        <MenuItem testId="field-hide" onSelect={run(onHide)}>
          {t('base.field.hide')}
        </MenuItem>
      )}
      {canEdit && (
        <MenuItem danger testId="field-delete" disabled={field.isPrimary} onSelect={() => setConfirming(true)}>
          {field.isPrimary ? t('base.field.primaryNoDelete') : t('base.field.delete')}
        </MenuItem>
      )}
    </Popover>
  );
}
