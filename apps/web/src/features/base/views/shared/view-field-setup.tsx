import { useState } from 'react';
import type { FieldDto, TableDto, ViewDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { EmptyState } from '../../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { SelectField } from '../../../../ui/select-field.tsx';
import { useUpdateView } from '../../api/update-view.ts';

export interface ViewFieldSetupProps {
  table: TableDto;
  view: ViewDto;
  /** Which setting to fill in: the kanban's grouping field or the calendar's date field. */
  setting: 'groupFieldId' | 'dateFieldId';
  candidates: readonly FieldDto[];
  title: string;
  /** Shown when the table has no field of the right type. */
  noneHint: string;
  canEdit: boolean;
}

/** Asks for the field a kanban or calendar is built on, when the view has none (or it was deleted). */
export function ViewFieldSetup({ table, view, setting, candidates, title, noneHint, canEdit }: ViewFieldSetupProps) {
  const t = useT();
  const update = useUpdateView(table.id);
  const [fieldId, setFieldId] = useState(candidates[0]?.id ?? '');
  if (!candidates.length) return <EmptyState title={title} description={noneHint} />;
  return (
    <EmptyState
      title={title}
      action={
        canEdit ? (
          <div className="bv-setup" data-testid="view-field-setup">
            <SelectField
              label={t('base.views.chooseField')}
              name={setting}
              value={fieldId}
              options={candidates.map((c) => ({ value: c.id, label: c.name }))}
              onChange={setFieldId}
            />
            <Button variant="primary" busy={update.isPending} onClick={() => update.mutate({ viewId: view.id, config: { [setting]: fieldId } })}>
              {t('common.save')}
            </Button>
            {update.error && <ErrorNotice error={update.error} />}
          </div>
        ) : (
          <p className="muted">{t('base.views.askEditor')}</p>
        )
      }
    />
  );
}
