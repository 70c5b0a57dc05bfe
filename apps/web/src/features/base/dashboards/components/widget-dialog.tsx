import { useState } from 'react';
import {
  widgetKinds,
  type BaseDto,
  type DatePeriod,
  type FieldDto,
  type MeasureAgg,
  type WidgetDto,
  type WidgetKind,
  type WidgetLayout,
  type WidgetSpecInput,
} from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Modal } from '../../../../ui/modal.tsx';
import { SelectField, type SelectOption } from '../../../../ui/select-field.tsx';
import { TextField } from '../../../../ui/text-field.tsx';
import { useTable } from '../../api/get-table.ts';
import { DATE_TYPES, GROUP_TYPES, NUMERIC_TYPES, draftOf, emptyDraft, specOf, type WidgetDraft } from './widget-draft.ts';

export interface WidgetDialogProps {
  base: BaseDto;
  /** The widget being edited, or null to add one. */
  widget: WidgetDto | null;
  layout: WidgetLayout;
  busy: boolean;
  error: Error | null;
  onSave: (spec: WidgetSpecInput) => void;
  onClose: () => void;
}

const PERIODS: DatePeriod[] = ['day', 'week', 'month', 'quarter', 'year'];
const NUMBER_AGGS: MeasureAgg[] = ['count', 'sum', 'avg', 'min', 'max'];
const CHART_AGGS: MeasureAgg[] = [...NUMBER_AGGS, 'rate'];

/** Adds or edits a widget: kind, title, table and view, then the settings of that kind. */
export function WidgetDialog({ base, widget, layout, busy, error, onSave, onClose }: WidgetDialogProps) {
  const t = useT();
  const [d, setD] = useState<WidgetDraft>(() => (widget ? draftOf(widget) : emptyDraft(base.tables[0]?.id ?? '')));
  const table = useTable(d.tableId || undefined);
  const fields = table.data?.fields ?? [];
  const set = (patch: Partial<WidgetDraft>) => setD((prev) => ({ ...prev, ...patch }));
  const fieldOptions = (keep: (f: FieldDto) => boolean, blank?: string): SelectOption[] => [
    ...(blank !== undefined ? [{ value: '', label: blank }] : []),
    ...fields.filter(keep).map((f) => ({ value: f.id, label: f.name })),
  ];
  const selects = fields.filter((f) => f.type === 'singleSelect');
  const choices = (fieldId: string) =>
    (fields.find((f) => f.id === fieldId)?.options as { choices?: { id: string; name: string }[] } | undefined)?.choices ?? [];
  const chart = d.kind === 'bar' || d.kind === 'line' || d.kind === 'pie';
  const needsField = (d.kind === 'number' || chart) && d.agg !== 'count' && d.agg !== 'rate';
  const valid =
    d.title.trim() !== '' &&
    d.tableId !== '' &&
    (!needsField || d.fieldId !== '') &&
    (!chart || d.groupFieldId !== '') &&
    (!chart || d.agg !== 'rate' || (d.rateFieldId !== '' && d.rateValue !== '') || d.rateFilter !== null) &&
    (d.kind !== 'funnel' || (d.funnelFieldId !== '' && d.steps.length > 0)) &&
    (d.kind !== 'table' || d.columns.length > 0);
  const aggLabel = (a: MeasureAgg) => ({ value: a, label: t(`base.dashboard.agg.${a}`) });
  const periodLabel = (p: DatePeriod) => ({ value: p, label: t(`base.dashboard.period.${p}`) });

  function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (valid) onSave(specOf(d, layout, fields));
  }

  return (
    <Modal
      title={t(widget ? 'base.dashboard.editWidget' : 'base.dashboard.addWidget')}
      closeLabel={t('common.close')}
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" form="widget-form" disabled={!valid} busy={busy} testId="widget-save">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <form id="widget-form" className="dash-form" onSubmit={handleSubmit}>
        {error && <ErrorNotice error={error} />}
        <SelectField
          label={t('base.dashboard.w.kind')}
          name="kind"
          value={d.kind}
          options={widgetKinds.map((k) => ({ value: k, label: t(`base.dashboard.kind.${k}`) }))}
          onChange={(v) => set({ kind: v as WidgetKind, agg: d.agg === 'rate' && v === 'number' ? 'count' : d.agg })}
        />
        <TextField label={t('base.dashboard.w.title')} name="title" value={d.title} onChange={(v) => set({ title: v })} testId="widget-title" />
        <SelectField
          label={t('base.dashboard.w.table')}
          name="table"
          value={d.tableId}
          options={base.tables.map((x) => ({ value: x.id, label: x.name }))}
          onChange={(v) => setD({ ...emptyDraft(v), kind: d.kind, title: d.title, width: d.width })}
        />
        <SelectField
          label={t('base.dashboard.w.view')}
          name="view"
          value={d.viewId}
          options={[
            { value: '', label: t('base.dashboard.w.allRecords') },
            ...(table.data?.views ?? []).filter((v) => v.type !== 'form').map((v) => ({ value: v.id, label: v.name })),
          ]}
          onChange={(v) => set({ viewId: v })}
        />
        {chart && (
          <>
            <SelectField
              label={t('base.dashboard.w.groupBy')}
              name="groupBy"
              value={d.groupFieldId}
              options={fieldOptions((f) => GROUP_TYPES.has(f.type), '')}
              onChange={(v) => set({ groupFieldId: v })}
            />
            {[d.groupFieldId, d.seriesFieldId].some((id) => DATE_TYPES.has(fields.find((f) => f.id === id)?.type ?? 'text')) && (
              <SelectField
                label={t('base.dashboard.w.bucket')}
                name="bucket"
                value={d.bucket}
                options={PERIODS.map(periodLabel)}
                onChange={(v) => set({ bucket: v as DatePeriod })}
              />
            )}
            {d.kind !== 'pie' && (
              <SelectField
                label={t('base.dashboard.w.series')}
                name="series"
                value={d.seriesFieldId}
                options={fieldOptions((f) => GROUP_TYPES.has(f.type) && f.id !== d.groupFieldId, t('base.dashboard.w.none'))}
                onChange={(v) => set({ seriesFieldId: v })}
              />
            )}
          </>
        )}
        {(d.kind === 'number' || chart) && (
          <SelectField
            label={t('base.dashboard.w.agg')}
            name="agg"
            value={d.agg}
            options={(chart ? CHART_AGGS : NUMBER_AGGS).map(aggLabel)}
            onChange={(v) => set({ agg: v as MeasureAgg })}
          />
        )}
        {needsField && (
          <SelectField
            label={t('base.dashboard.w.field')}
            name="field"
            value={d.fieldId}
            options={fieldOptions((f) => NUMERIC_TYPES.has(f.type), '')}
            onChange={(v) => set({ fieldId: v })}
          />
        )}
        {chart && d.agg === 'rate' && (
          <div className="dash-form-row">
            <SelectField
              label={t('base.dashboard.w.rateField')}
              name="rateField"
              value={d.rateFieldId}
              options={[{ value: '', label: '' }, ...selects.map((f) => ({ value: f.id, label: f.name }))]}
              onChange={(v) => set({ rateFieldId: v, rateValue: '' })}
            />
            <SelectField
              label={t('base.dashboard.w.rateValue')}
              name="rateValue"
              value={d.rateValue}
              options={[{ value: '', label: '' }, ...choices(d.rateFieldId).map((c) => ({ value: c.name, label: c.name }))]}
              onChange={(v) => set({ rateValue: v })}
            />
          </div>
        )}
        {d.kind === 'number' && (
          <>
            <label className="dash-check">
              <input type="checkbox" checked={d.compare} onChange={(e) => set({ compare: e.target.checked })} /> {t('base.dashboard.w.compare')}
            </label>
            {d.compare && (
              <div className="dash-form-row">
                <SelectField
                  label={t('base.dashboard.w.compareDate')}
                  name="compareDate"
                  value={d.compareDateFieldId}
                  options={fieldOptions((f) => DATE_TYPES.has(f.type), '')}
                  onChange={(v) => set({ compareDateFieldId: v })}
                />
                <SelectField
                  label={t('base.dashboard.w.period')}
                  name="period"
                  value={d.period}
                  options={PERIODS.map(periodLabel)}
                  onChange={(v) => set({ period: v as DatePeriod })}
                />
                <SelectField
                  label={t('base.dashboard.w.mode')}
                  name="mode"
                  value={d.mode}
                  options={(['in_period', 'to_date'] as const).map((m) => ({ value: m, label: t(`base.dashboard.mode.${m}`) }))}
                  onChange={(v) => set({ mode: v as WidgetDraft['mode'] })}
                />
              </div>
            )}
          </>
        )}
        {d.kind === 'funnel' && (
          <>
            <SelectField
              label={t('base.dashboard.w.field')}
              name="funnelField"
              value={d.funnelFieldId}
              options={[{ value: '', label: '' }, ...selects.map((f) => ({ value: f.id, label: f.name }))]}
              onChange={(v) => set({ funnelFieldId: v, steps: choices(v).map((c) => c.id) })}
            />
            <fieldset className="dash-checks">
              <legend>{t('base.dashboard.w.steps')}</legend>
              {choices(d.funnelFieldId).map((c) => (
                <label key={c.id} className="dash-check">
                  <input
                    type="checkbox"
                    checked={d.steps.includes(c.id)}
                    onChange={(e) => {
                      const on = e.target.checked ? [...d.steps, c.id] : d.steps.filter((s) => s !== c.id);
                      // Steps follow the options' order, which is the pipeline's order.
                      set({
                        steps: choices(d.funnelFieldId)
                          .map((x) => x.id)
                          .filter((id) => on.includes(id)),
                      });
                    }}
                  />
                  {c.name}
                </label>
              ))}
            </fieldset>
            <label className="dash-check">
              <input type="checkbox" checked={d.cumulative} onChange={(e) => set({ cumulative: e.target.checked })} /> {t('base.dashboard.w.cumulative')}
            </label>
          </>
        )}
        {d.kind === 'table' && (
          <>
            <fieldset className="dash-checks">
              <legend>{t('base.dashboard.w.columns')}</legend>
              {fields.map((f) => (
                <label key={f.id} className="dash-check">
                  <input
                    type="checkbox"
                    checked={d.columns.includes(f.id)}
                    onChange={(e) => set({ columns: e.target.checked ? [...d.columns, f.id] : d.columns.filter((x) => x !== f.id) })}
                  />
                  {f.name}
                </label>
              ))}
            </fieldset>
            <SelectField
              label={t('base.dashboard.w.sortBy')}
              name="sortField"
              value={d.fieldId}
              options={fieldOptions(() => true, t('base.dashboard.w.none'))}
              onChange={(v) => set({ fieldId: v })}
            />
          </>
        )}
        {(chart || d.kind === 'table') && (
          <label className="dash-check">
            <input
              type="checkbox"
              checked={d.sortDesc}
              onChange={(e) => set({ sortDesc: e.target.checked, sortBy: chart && e.target.checked ? 'value' : d.sortBy })}
            />{' '}
            {t('base.dashboard.w.sortDesc')}
          </label>
        )}
        <SelectField
          label={t('base.dashboard.w.width')}
          name="width"
          value={String(d.width)}
          options={[3, 4, 6, 8, 12].map((n) => ({ value: String(n), label: String(n) }))}
          onChange={(v) => set({ width: Number(v) })}
        />
      </form>
    </Modal>
  );
}
