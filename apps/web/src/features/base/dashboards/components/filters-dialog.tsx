import { useState } from 'react';
import type { DashboardFilter, TableDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Modal } from '../../../../ui/modal.tsx';
import { SelectField } from '../../../../ui/select-field.tsx';
import { TextField } from '../../../../ui/text-field.tsx';
import { DATE_TYPES } from './widget-draft.ts';

export interface FiltersDialogProps {
  filters: readonly DashboardFilter[];
  /** The tables the dashboard's widgets read: each filter names one field in each. */
  tables: readonly TableDto[];
  busy: boolean;
  error: Error | null;
  onSave: (filters: DashboardFilter[]) => void;
  onClose: () => void;
}

const KINDS = ['person', 'department', 'date'] as const;

function fits(kind: DashboardFilter['kind'], type: TableDto['fields'][number]['type']): boolean {
  if (kind === 'date') return DATE_TYPES.has(type);
  if (kind === 'person') return type === 'person' || type === 'createdBy' || type === 'modifiedBy';
  return type === 'person' || type === 'department';
}

/** Editors choose which filters a dashboard offers (owner, department, date range) and the field each uses per table. */
export function FiltersDialog({ filters, tables, busy, error, onSave, onClose }: FiltersDialogProps) {
  const t = useT();
  const [draft, setDraft] = useState<DashboardFilter[]>(() => filters.map((f) => ({ ...f, targets: [...f.targets] })));
  const change = (i: number, next: DashboardFilter) => setDraft((d) => d.map((f, j) => (j === i ? next : f)));
  const firstFit = (kind: DashboardFilter['kind']) =>
    tables.flatMap((tb) => {
      const field = tb.fields.find((x) => fits(kind, x.type));
      return field ? [{ tableId: tb.id, fieldId: field.id }] : [];
    });

  function handleAdd() {
    const used = new Set(draft.map((f) => f.id));
    let n = draft.length + 1;
    while (used.has(`f${n}`)) n++;
    setDraft((d) => [...d, { id: `f${n}`, kind: 'person', label: t('base.dashboard.filters.kind.person'), targets: firstFit('person') }]);
  }

  return (
    <Modal
      title={t('base.dashboard.filters.edit')}
      closeLabel={t('common.close')}
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={busy} testId="filters-save" disabled={draft.some((f) => !f.label.trim())} onClick={() => onSave(draft)}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <div className="dash-form">
        {error && <ErrorNotice error={error} />}
        {draft.map((f, i) => (
          <fieldset key={f.id} className="dash-filter-edit">
            <div className="dash-form-row">
              <SelectField
                label={t('base.dashboard.w.kind')}
                name={`kind-${f.id}`}
                value={f.kind}
                options={KINDS.map((k) => ({ value: k, label: t(`base.dashboard.filters.kind.${k}`) }))}
                onChange={(v) => {
                  const kind = v as DashboardFilter['kind'];
                  change(i, { ...f, kind, label: t(`base.dashboard.filters.kind.${kind}`), targets: firstFit(kind) });
                }}
              />
              <TextField label={t('base.dashboard.w.title')} name={`label-${f.id}`} value={f.label} onChange={(v) => change(i, { ...f, label: v })} />
            </div>
            {tables.map((tb) => {
              const target = f.targets.find((x) => x.tableId === tb.id);
              return (
                <SelectField
                  key={tb.id}
                  label={tb.name}
                  name={`target-${f.id}-${tb.id}`}
                  value={target?.fieldId ?? ''}
                  options={[
                    { value: '', label: t('base.dashboard.w.none') },
                    ...tb.fields.filter((x) => fits(f.kind, x.type)).map((x) => ({ value: x.id, label: x.name })),
                  ]}
                  onChange={(v) =>
                    change(i, { ...f, targets: [...f.targets.filter((x) => x.tableId !== tb.id), ...(v ? [{ tableId: tb.id, fieldId: v }] : [])] })
                  }
                />
              );
            })}
            <Button size="sm" variant="ghost" onClick={() => setDraft((d) => d.filter((_, j) => j !== i))}>
              {t('common.delete')}
            </Button>
          </fieldset>
        ))}
        <div>
          <Button size="sm" onClick={handleAdd} testId="filter-add">
            {t('base.dashboard.filters.add')}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
