import { useState } from 'react';
import type { DashboardFilter, DashboardFilterValue } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useDepartments } from '../../api/list-departments.ts';
import { usePeopleSearch } from '../../api/search-people.ts';

export interface FilterBarProps {
  filters: readonly DashboardFilter[];
  values: Record<string, DashboardFilterValue>;
  onChange: (values: Record<string, DashboardFilterValue>) => void;
}

interface Picked {
  id: string;
  name: string;
}

/** Chosen people as chips plus a search box; the names are remembered here because values hold only ids. */
function PeoplePicker({ label, value, onChange }: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const results = usePeopleSearch(q);
  const shown = picked.filter((p) => value.includes(p.id));
  return (
    <div className="dash-filter" data-testid="dashboard-filter-person">
      <span className="dash-filter-label">{label}</span>
      {shown.map((p) => (
        <button key={p.id} type="button" className="dash-chip" onClick={() => onChange(value.filter((x) => x !== p.id))} title={t('common.clear')}>
          {p.name} ×
        </button>
      ))}
      <span className="dash-search">
        <input value={q} placeholder={t('base.dashboard.filters.all')} aria-label={label} onChange={(e) => setQ(e.target.value)} />
        {q && (
          <span className="dash-search-results" role="listbox">
            {(results.data ?? [])
              .filter((p) => !value.includes(p.id))
              .map((p) => (
                <button
                  key={p.id}
                  type="button"
                  role="option"
                  aria-selected={false}
                  onClick={() => {
                    setPicked((prev) => [...prev, { id: p.id, name: p.name }]);
                    onChange([...value, p.id]);
                    setQ('');
                  }}
                >
                  {p.name}
                </button>
              ))}
          </span>
        )}
      </span>
    </div>
  );
}

function DepartmentPicker({ label, value, onChange }: { label: string; value: string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const depts = useDepartments();
  return (
    <label className="dash-filter" data-testid="dashboard-filter-department">
      <span className="dash-filter-label">{label}</span>
      <select value={value[0] ?? ''} onChange={(e) => onChange(e.target.value ? [e.target.value] : [])}>
        <option value="">{t('base.dashboard.filters.all')}</option>
        {(depts.data ?? []).map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </label>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const toInput = (ms: number | null) => {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
/** A date input's day, as the start of that day in the browser's time zone. */
const fromInput = (s: string) => (s ? new Date(`${s}T00:00:00`).getTime() : null);
const DAY = 86_400_000;

function DateRange({
  label,
  value,
  onChange,
}: {
  label: string;
  value: { from: number | null; to: number | null };
  onChange: (v: { from: number | null; to: number | null }) => void;
}) {
  const t = useT();
  return (
    <div className="dash-filter" data-testid="dashboard-filter-date">
      <span className="dash-filter-label">{label}</span>
      <input
        type="date"
        aria-label={`${label} ${t('base.dashboard.filters.from')}`}
        value={toInput(value.from)}
        onChange={(e) => onChange({ ...value, from: fromInput(e.target.value) })}
      />
      <span>–</span>
      <input
        type="date"
        aria-label={`${label} ${t('base.dashboard.filters.to')}`}
        // The range's end is exclusive; the input shows the last day included.
        value={toInput(value.to === null ? null : value.to - DAY)}
        onChange={(e) => {
          const day = fromInput(e.target.value);
          onChange({ ...value, to: day === null ? null : day + DAY });
        }}
      />
    </div>
  );
}

/** The dashboard's filters (owner, department, date range); every viewer sets their own values. */
export function FilterBar({ filters, values, onChange }: FilterBarProps) {
  if (filters.length === 0) return null;
  const setValue = (id: string, v: DashboardFilterValue) => onChange({ ...values, [id]: v });
  return (
    <div className="dash-filters" data-testid="dashboard-filters">
      {filters.map((f) => {
        const v = values[f.id];
        switch (f.kind) {
          case 'person':
            return <PeoplePicker key={f.id} label={f.label} value={Array.isArray(v) ? v : []} onChange={(ids) => setValue(f.id, ids)} />;
          case 'department':
            return <DepartmentPicker key={f.id} label={f.label} value={Array.isArray(v) ? v : []} onChange={(ids) => setValue(f.id, ids)} />;
          case 'date':
            return <DateRange key={f.id} label={f.label} value={v && !Array.isArray(v) ? v : { from: null, to: null }} onChange={(r) => setValue(f.id, r)} />;
        }
      })}
    </div>
  );
}
