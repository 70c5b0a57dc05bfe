import { useEffect, useRef, useState } from 'react';
import type { FieldDto } from '@concord/contracts';
import { fieldTypeDefs, relativeDates, type DateOperand, type FilterCondition } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../../lib/use-debounced-value.ts';
import { useDepartments } from '../../api/list-departments.ts';
import { usePeopleSearch } from '../../api/search-people.ts';
import { choices, choiceStyle, optionsOf } from '../../fields/field-options.ts';
import { fromInputValue, toInputValue, zonedParts, zonedToEpoch } from '../../utils/zoned-time.ts';

export interface FilterValueProps {
  field: FieldDto;
  condition: FilterCondition;
  onChange: (next: FilterCondition) => void;
}

/** The value part of a condition, shaped by the field's value kind. */
export function FilterValue({ field, condition, onChange }: FilterValueProps) {
  const setValues = (values: string[]) => onChange({ ...condition, values });
  switch (fieldTypeDefs[field.type].valueKind) {
    case 'select':
    case 'multiSelect':
      return <OptionValues field={field} values={condition.values} onChange={setValues} />;
    case 'boolean':
      return <BooleanValue value={condition.values[0] ?? 'true'} onChange={(v) => setValues([v])} />;
    case 'date':
      return <DateValue field={field} date={condition.date} onChange={(date) => onChange({ ...condition, values: [], date })} />;
    case 'user':
      return <PersonValues values={condition.values} onChange={setValues} />;
    case 'department':
      return <DepartmentValue value={condition.values[0] ?? ''} onChange={(v) => setValues(v ? [v] : [])} />;
    case 'attachment':
      return null;
    case 'number':
      return <TextValue value={condition.values[0] ?? ''} numeric onChange={(v) => setValues([v])} />;
    default:
      return <TextValue value={condition.values[0] ?? ''} onChange={(v) => setValues([v])} />;
  }
}

/** Typing refilters after a pause, not on every key. */
function TextValue({ value, numeric, onChange }: { value: string; numeric?: boolean; onChange: (v: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, 300);
  // Only the settled text matters; `value` and `onChange` change with every parent render.
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });
  useEffect(() => {
    if (debounced !== latest.current.value) latest.current.onChange(debounced);
  }, [debounced]);
  return (
    <input
      className="filter-input"
      data-testid="filter-value"
      inputMode={numeric ? 'decimal' : undefined}
      placeholder={t('base.filter.value')}
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

function OptionValues({ field, values, onChange }: { field: FieldDto; values: readonly string[]; onChange: (v: string[]) => void }) {
  return (
    <span className="filter-options">
      {choices(field).map((c) => {
        const on = values.includes(c.name);
        return (
          <button
            key={c.id}
            type="button"
            className={`choice-chip filter-choice${on ? ' is-on' : ''}`}
            style={choiceStyle(field, c.name)}
            aria-pressed={on}
            onClick={() => onChange(on ? values.filter((v) => v !== c.name) : [...values, c.name])}
          >
            {on ? '✓ ' : ''}
            {c.name}
          </button>
        );
      })}
    </span>
  );
}

function BooleanValue({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t('base.filter.value')}>
      <option value="true">{t('base.filter.checked')}</option>
      <option value="false">{t('base.filter.unchecked')}</option>
    </select>
  );
}

type DateChoice = (typeof relativeDates)[number] | 'lastDays' | 'nextDays' | 'exact';

function DateValue({ field, date, onChange }: { field: FieldDto; date: DateOperand | undefined; onChange: (d: DateOperand) => void }) {
  const t = useT();
  const tz = field.type === 'date' ? (optionsOf(field, 'date').timeZone ?? 'Asia/Shanghai') : 'Asia/Shanghai';
  const choice: DateChoice = !date ? 'Today' : date.kind === 'relative' ? date.name : date.kind === 'exact' ? 'exact' : date.days < 0 ? 'lastDays' : 'nextDays';
  function pick(next: DateChoice) {
    if (next === 'lastDays') onChange({ kind: 'days', days: -7 });
    else if (next === 'nextDays') onChange({ kind: 'days', days: 7 });
    else if (next === 'exact') onChange({ kind: 'exact', at: zonedToEpoch({ ...zonedParts(Date.now(), tz), h: 0, mi: 0 }, tz) });
    else onChange({ kind: 'relative', name: next });
  }
  return (
    <span className="filter-date">
      <select value={choice} onChange={(e) => pick(e.target.value as DateChoice)} aria-label={t('base.filter.value')} data-testid="filter-date">
        {relativeDates.map((r) => (
          <option key={r} value={r}>
            {t(`base.date.${r}`)}
          </option>
        ))}
        <option value="lastDays">{t('base.date.lastDays')}</option>
        <option value="nextDays">{t('base.date.nextDays')}</option>
        <option value="exact">{t('base.date.exact')}</option>
      </select>
      {date?.kind === 'days' && (
        <input
          type="number"
          className="filter-input filter-days"
          min={1}
          max={36500}
          aria-label={t('base.filter.days')}
          value={Math.abs(date.days)}
          onChange={(e) => {
            const n = Math.max(1, Math.min(36500, Number(e.target.value) || 1));
            onChange({ kind: 'days', days: date.days < 0 ? -n : n });
          }}
        />
      )}
      {date?.kind === 'exact' && (
        <input
          type="date"
          className="filter-input"
          aria-label={t('base.date.exact')}
          value={toInputValue(zonedParts(date.at, tz), false)}
          onChange={(e) => {
            const w = fromInputValue(e.target.value);
            if (w) onChange({ kind: 'exact', at: zonedToEpoch(w, tz) });
          }}
        />
      )}
    </span>
  );
}

/** Names of people picked in this session, so their chips read as names (filter values are ids). */
const personNames = new Map<string, string>();

function PersonValues({ values, onChange }: { values: readonly string[]; onChange: (v: string[]) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const people = usePeopleSearch(q);
  const add = (id: string) => {
    if (!values.includes(id)) onChange([...values, id]);
    setText('');
  };
  return (
    <span className="filter-people">
      {values.map((id) => (
        <span key={id} className="picker-picked">
          {id === 'me' ? t('base.filter.me') : (personNames.get(id) ?? id)}
          <button type="button" aria-label={t('common.clear')} onClick={() => onChange(values.filter((v) => v !== id))}>
            ×
          </button>
        </span>
      ))}
      {!values.includes('me') && (
        <button type="button" className="link-btn small" onClick={() => add('me')}>
          + {t('base.filter.me')}
        </button>
      )}
      <span className="filter-people-search">
        <input className="filter-input" placeholder={t('base.picker.searchPeople')} value={text} onChange={(e) => setText(e.target.value)} />
        {q && (
          <span className="filter-people-results">
            {(people.data ?? []).slice(0, 6).map((p) => (
              <button
                key={p.id}
                type="button"
                onClick={() => {
                  personNames.set(p.id, p.name);
                  add(p.id);
                }}
              >
                {p.name}
              </button>
            ))}
          </span>
        )}
      </span>
    </span>
  );
}

function DepartmentValue({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  const depts = useDepartments();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t('base.filter.value')}>
      <option value="">—</option>
      {(depts.data ?? [])
        .filter((d) => d.active)
        .map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
    </select>
  );
}
