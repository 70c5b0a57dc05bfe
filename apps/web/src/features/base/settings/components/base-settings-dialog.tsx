import { useState } from 'react';
import type { BaseDto } from '@concord/contracts';
import { useT, type MessageKey } from '../../../../lib/i18n/i18n.tsx';
import { Modal } from '../../../../ui/modal.tsx';
import { MembersTab } from './members-tab.tsx';
import { PermissionsTab } from './permissions-tab.tsx';
import { TablePicker } from './table-picker.tsx';
import { WebhooksTab } from './webhooks-tab.tsx';

type Tab = 'members' | 'permissions' | 'webhooks';
const TABS: readonly { id: Tab; label: MessageKey }[] = [
  { id: 'members', label: 'base.settings.tab.members' },
  { id: 'permissions', label: 'base.settings.tab.permissions' },
  { id: 'webhooks', label: 'base.settings.tab.webhooks' },
];

export interface BaseSettingsDialogProps {
  base: BaseDto;
  initialTableId?: string;
  onClose: () => void;
}

/** Members of the base, and per table: role permissions and webhooks. */
export function BaseSettingsDialog({ base, initialTableId, onClose }: BaseSettingsDialogProps) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('members');
  const [tableId, setTableId] = useState(initialTableId ?? base.tables[0]?.id ?? '');
  return (
    <Modal title={t('base.settings.title', { name: base.name })} closeLabel={t('common.close')} wide onClose={onClose}>
      <div className="settings-tabs" role="tablist">
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            className="settings-tab"
            aria-selected={tab === x.id}
            data-testid={`settings-tab-${x.id}`}
            onClick={() => setTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      {tab !== 'members' && <TablePicker tables={base.tables} value={tableId} onChange={setTableId} />}
      <div role="tabpanel" className="settings-panel">
        {tab === 'members' && <MembersTab baseId={base.id} />}
        {tab === 'permissions' && tableId && <PermissionsTab key={tableId} tableId={tableId} />}
        {tab === 'webhooks' && tableId && <WebhooksTab key={tableId} tableId={tableId} />}
      </div>
    </Modal>
  );
}
