import { useState } from 'react';
import type { TableDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { AutomationsDialog } from './automations-dialog.tsx';

export interface AutomationsButtonProps {
  table: TableDto;
}

/** The toolbar's "Automations" button (for base editors and owners) and the dialog it opens. */
export function AutomationsButton({ table }: AutomationsButtonProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="toolbar-btn" data-testid="toolbar-automations" onClick={() => setOpen(true)}>
        ⚡ {t('base.auto.button')}
      </button>
      {open && <AutomationsDialog table={table} onClose={() => setOpen(false)} />}
    </>
  );
}
