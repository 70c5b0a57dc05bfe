import { useCallback, useState } from 'react';
import type { BaseDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { BaseSettingsDialog } from './base-settings-dialog.tsx';
import '../settings.css';

export interface BaseSettingsButtonProps {
  base: BaseDto;
  /** The open table, preselected in the per-table tabs. */
  tableId?: string;
}

/** The header button that opens sharing, permissions and webhooks; only owners (and administrators, who act as owners) see it. */
export function BaseSettingsButton({ base, tableId }: BaseSettingsButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // Stable, so the dialog does not refocus its first input on every render.
  const handleClose = useCallback(() => setOpen(false), []);
  if (base.role !== 'owner') return null;
  return (
    <>
      <button type="button" className="btn btn-secondary btn-sm base-settings-open" data-testid="base-settings" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⚙</span> <span className="base-settings-label">{t('base.settings.open')}</span>
      </button>
      {open && <BaseSettingsDialog base={base} initialTableId={tableId} onClose={handleClose} />}
    </>
  );
}
