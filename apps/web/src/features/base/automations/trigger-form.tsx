import type { AutomationTrigger, FieldDto } from '@concord/contracts';
import type { FilterNode } from '@concord/table-engine';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { FilterBuilder } from '../components/toolbar/filter-builder.tsx';
import { FieldSelect } from './field-select.tsx';

export interface TriggerFormProps {
  fields: readonly FieldDto[];
  trigger: AutomationTrigger;
  onChange: (trigger: AutomationTrigger) => void;
}

export const TRIGGER_KINDS = ['field_changed', 'record_created', 'record_matches', 'date_reached'] as const satisfies readonly AutomationTrigger['kind'][];

/** A fresh trigger of a kind, with the first sensible field. */
export function newTrigger(kind: AutomationTrigger['kind'], fields: readonly FieldDto[]): AutomationTrigger {
  switch (kind) {
    case 'record_created':
      return { kind, filter: null };
    case 'record_matches':
      return { kind, filter: { kind: 'group', conjunction: 'and', children: [] } };
    case 'field_changed':
      return { kind, fieldId: fields.find((f) => f.type === 'singleSelect')?.id ?? fields[0]?.id ?? '', to: null };
    case 'date_reached':
      return { kind, fieldId: fields.find((f) => f.type === 'date')?.id ?? '', offsetMinutes: 0, filter: null };
  }
}

type Choice = { id?: string; name: string };
const choicesOf = (field: FieldDto | undefined): Choice[] => (field?.options as { choices?: Choice[] } | undefined)?.choices ?? [];

/** "When …": the trigger kind, then its field, values, offset or conditions. */
export function TriggerForm({ fields, trigger, onChange }: TriggerFormProps) {
  const t = useT();
  const kindSelect = (
    <select
      aria-label={t('base.auto.when')}
      data-testid="auto-trigger-kind"
      value={trigger.kind}
      onChange={(e) => onChange(newTrigger(e.target.value as AutomationTrigger['kind'], fields))}
    >
      {TRIGGER_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(`base.auto.trigger.${k}`)}
        </option>
      ))}
    </select>
  );
  const filterPart = (filter: FilterNode | null, always = false) =>
    filter || always ? (
      <FilterBuilder fields={fields} filter={filter ?? null} onChange={(next) => onChange({ ...trigger, filter: next } as AutomationTrigger)} />
    ) : (
      <button
        type="button"
        className="link-btn"
        onClick={() => onChange({ ...trigger, filter: { kind: 'group', conjunction: 'and', children: [] } } as AutomationTrigger)}
      >
        + {t('base.auto.trigger.addFilter')}
      </button>
    );

  switch (trigger.kind) {
    case 'record_created':
      return (
        <div className="auto-trigger">
          {kindSelect}
          {filterPart(trigger.filter)}
        </div>
      );
    case 'record_matches':
      return (
        <div className="auto-trigger">
          {kindSelect}
          {filterPart(trigger.filter, true)}
        </div>
      );
    case 'field_changed': {
      const field = fields.find((f) => f.id === trigger.fieldId);
      const choices = choicesOf(field);
      const to = trigger.to ?? [];
      const isOn = (c: Choice) => to.includes(c.id ?? c.name) || to.includes(c.name);
      const toggle = (c: Choice) => onChange({ ...trigger, to: isOn(c) ? to.filter((v) => v !== c.id && v !== c.name) : [...to, c.id ?? c.name] });
      return (
        <div className="auto-trigger">
          {kindSelect}
          <FieldSelect
            label={t('base.auto.trigger.field')}
            fields={fields}
            value={trigger.fieldId}
            onChange={(fieldId) => onChange({ ...trigger, fieldId, to: null })}
            testId="auto-trigger-field"
          />
          <div className="auto-row">
            <span className="auto-label">{t('base.auto.trigger.to')}</span>
            {choices.length ? (
              <span className="auto-options" data-testid="auto-trigger-to">
                {choices.map((c) => (
                  <label key={c.id ?? c.name} className="auto-option">
                    <input type="checkbox" checked={isOn(c)} onChange={() => toggle(c)} /> {c.name}
                  </label>
                ))}
              </span>
            ) : (
              <input
                type="text"
                aria-label={t('base.auto.trigger.to')}
                placeholder={t('base.auto.trigger.toAny')}
                value={to.join(', ')}
                onChange={(e) => {
                  const list = e.target.value
                    .split(/[,，]/)
                    .map((s) => s.trim())
                    .filter(Boolean);
                  onChange({ ...trigger, to: list.length ? list : null });
                }}
              />
            )}
          </div>
        </div>
      );
    }
    case 'date_reached':
      return (
        <div className="auto-trigger">
          {kindSelect}
          <FieldSelect
            label={t('base.auto.trigger.field')}
            fields={fields.filter((f) => f.type === 'date')}
            value={trigger.fieldId}
            onChange={(fieldId) => onChange({ ...trigger, fieldId })}
          />
          <label className="auto-row">
            <span className="auto-label">{t('base.auto.trigger.offset')}</span>
            <input
              type="number"
              step={15}
              value={trigger.offsetMinutes}
              onChange={(e) => onChange({ ...trigger, offsetMinutes: Math.trunc(Number(e.target.value) || 0) })}
            />
          </label>
          {filterPart(trigger.filter)}
        </div>
      );
  }
}
