import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { updateAutomation, type AutomationDto, type TableDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ConfirmDialog } from '../../../ui/confirm-dialog.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { Modal } from '../../../ui/modal.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { automationKeys } from './api/automation-keys.ts';
import { useAutomations } from './api/list-automations.ts';
import { useDeleteAutomation } from './api/save-automation.ts';
import { AutomationEditor } from './automation-editor.tsx';
import { RunLog } from './run-log.tsx';
import './automations.css';

type Mode = { kind: 'list' } | { kind: 'edit'; automation: AutomationDto | null } | { kind: 'runs'; automation: AutomationDto };

export interface AutomationsDialogProps {
  table: TableDto;
  onClose: () => void;
}

/** The table's automations: a list with on/off switches, the editor, and each automation's run log. */
export function AutomationsDialog({ table, onClose }: AutomationsDialogProps) {
  const t = useT();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const list = useAutomations(table.id);
  const queryClient = useQueryClient();
  const remove = useDeleteAutomation(table.id);
  const [deleting, setDeleting] = useState<AutomationDto | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);

  async function handleToggle(a: AutomationDto) {
    setToggleError(null);
    try {
      await api(updateAutomation, { params: { automationId: a.id }, body: { enabled: !a.enabled } });
      await queryClient.invalidateQueries({ queryKey: automationKeys.list(table.id) });
    } catch (err) {
      setToggleError(err);
    }
  }

  const back =
    mode.kind === 'list' ? null : (
      <button type="button" className="link-btn" data-testid="auto-back" onClick={() => setMode({ kind: 'list' })}>
        ← {t('base.auto.back')}
      </button>
    );

  return (
    <Modal title={t('base.auto.title')} closeLabel={t('common.close')} wide onClose={onClose}>
      <div className="auto-dialog" data-testid="automations-dialog">
        {back}
        {mode.kind === 'edit' && <AutomationEditor table={table} automation={mode.automation} onDone={() => setMode({ kind: 'list' })} />}
        {mode.kind === 'runs' && (
          <>
            <h3>
              {mode.automation.name} · {t('base.auto.runs')}
            </h3>
            <RunLog automation={mode.automation} baseId={table.baseId} onOpenRecord={onClose} />
          </>
        )}
        {mode.kind === 'list' &&
          (list.error ? (
            <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
          ) : !list.data ? (
            <PageSpinner label={t('common.loading')} />
          ) : (
            <>
              {list.data.length === 0 && <p className="muted">{t('base.auto.empty')}</p>}
              {toggleError !== null && <ErrorNotice error={toggleError} />}
              <ul className="auto-list">
                {list.data.map((a) => (
                  <li key={a.id} className="auto-item" data-testid="automation-item" data-name={a.name}>
                    <label className="auto-switch" title={t('base.auto.toggle')}>
                      <input type="checkbox" checked={a.enabled} data-testid="automation-enabled" onChange={() => void handleToggle(a)} />
                      <span>{a.enabled ? t('base.auto.enabled') : t('base.auto.disabled')}</span>
                    </label>
                    <span className="auto-item-name">
                      <strong>{a.name}</strong>
                      <span className="muted small">
                        {t(`base.auto.trigger.${a.trigger.kind}`)} → {a.actions.map((x) => t(`base.auto.action.${x.kind}`)).join('、')}
                      </span>
                    </span>
                    <Button size="sm" variant="ghost" testId="automation-runs-open" onClick={() => setMode({ kind: 'runs', automation: a })}>
                      {t('base.auto.runs')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setMode({ kind: 'edit', automation: a })}>
                      {t('base.auto.edit')}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setDeleting(a)}>
                      {t('base.auto.delete')}
                    </Button>
                  </li>
                ))}
              </ul>
              <Button variant="primary" testId="automation-new" onClick={() => setMode({ kind: 'edit', automation: null })}>
                + {t('base.auto.new')}
              </Button>
            </>
          ))}
      </div>
      {deleting && (
        <ConfirmDialog
          title={t('base.auto.delete')}
          confirmLabel={t('base.auto.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={remove.isPending}
          error={remove.error ? <ErrorNotice error={remove.error} /> : undefined}
          onConfirm={() => remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
          onCancel={() => setDeleting(null)}
        >
          {t('base.auto.deleteConfirm', { name: deleting.name })}
        </ConfirmDialog>
      )}
    </Modal>
  );
}
