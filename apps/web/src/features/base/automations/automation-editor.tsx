import { useState } from 'react';
import type { AutomationAction, AutomationDto, AutomationTrigger, TableDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { useToast } from '../components/toast.tsx';
import { useSaveAutomation } from './api/save-automation.ts';
import { ACTION_KINDS, ActionForm, newAction } from './action-form.tsx';
import { TriggerForm, newTrigger } from './trigger-form.tsx';

export interface AutomationEditorProps {
  table: TableDto;
  /** null for a new automation. */
  automation: AutomationDto | null;
  onDone: () => void;
}

/** Name, "when" (trigger) and "then" (ordered actions) of one automation. */
export function AutomationEditor({ table, automation, onDone }: AutomationEditorProps) {
  const t = useT();
  const toast = useToast();
  const save = useSaveAutomation(table.id);
  const [name, setName] = useState(automation?.name ?? '');
  const [trigger, setTrigger] = useState<AutomationTrigger>(automation?.trigger ?? newTrigger('field_changed', table.fields));
  const [actions, setActions] = useState<AutomationAction[]>(automation?.actions ?? [newAction('notify', table.fields)]);
  const setAction = (i: number, a: AutomationAction) => setActions((list) => list.map((x, j) => (j === i ? a : x)));

  function handleSave() {
    save.mutate(
      { id: automation?.id ?? null, input: { name: name.trim() || t('base.auto.new'), trigger, actions } },
      {
        onSuccess: () => {
          toast(t('base.auto.saved'), 'success');
          onDone();
        },
      },
    );
  }

  return (
    <div className="auto-editor" data-testid="automation-editor">
      <label className="auto-row">
        <span className="auto-label">{t('base.auto.name')}</span>
        <input type="text" data-testid="auto-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <section className="auto-section">
        <h3>{t('base.auto.when')}</h3>
        <TriggerForm fields={table.fields} trigger={trigger} onChange={setTrigger} />
      </section>
      <section className="auto-section">
        <h3>{t('base.auto.then')}</h3>
        {actions.map((action, i) => (
          <div key={i} className="auto-action" data-testid={`auto-action-${i}`}>
            <div className="auto-action-head">
              <strong>
                {i + 1}. {t(`base.auto.action.${action.kind}`)}
              </strong>
              {i > 0 && (
                <button type="button" className="link-btn" onClick={() => setActions((l) => [...l.slice(0, i - 1), l[i]!, l[i - 1]!, ...l.slice(i + 1)])}>
                  ↑ {t('base.auto.moveUp')}
                </button>
              )}
              {actions.length > 1 && (
                <button type="button" className="link-btn" onClick={() => setActions((l) => l.filter((_, j) => j !== i))}>
                  {t('base.auto.removeAction')}
                </button>
              )}
            </div>
            <ActionForm table={table} action={action} secret={automation?.secret ?? null} onChange={(a) => setAction(i, a)} />
          </div>
        ))}
        {actions.length < 10 && (
          <select
            aria-label={t('base.auto.addAction')}
            data-testid="auto-add-action"
            value=""
            onChange={(e) => e.target.value && setActions((l) => [...l, newAction(e.target.value as AutomationAction['kind'], table.fields)])}
          >
            <option value="">+ {t('base.auto.addAction')}</option>
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`base.auto.action.${k}`)}
              </option>
            ))}
          </select>
        )}
      </section>
      {save.error && <ErrorNotice error={save.error} />}
      <div className="auto-footer">
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" busy={save.isPending} testId="auto-save" onClick={handleSave}>
          {t('common.save')}
        </Button>
      </div>
    </div>
  );
}
