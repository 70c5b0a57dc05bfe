import type { FieldDto } from '@concord/contracts';
import type { SortSpec } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';

export interface SortEditorProps {
  fields: readonly FieldDto[];
  sort: readonly SortSpec[];
  onChange: (sort: SortSpec[]) => void;
}

/** Multi-level sort: each level a field and a direction; earlier levels win. */
export function SortEditor({ fields, sort, onChange }: SortEditorProps) {
  const t = useT();
  const unused = fields.filter((f) => !sort.some((s) => s.fieldId === f.id));
  const set = (i: number, next: SortSpec) => onChange(sort.map((s, j) => (j === i ? next : s)));
  return (
    <div className="sort-editor" data-testid="sort-editor">
      <p className="popover-title">{t('base.sort.title')}</p>
      {sort.length === 0 && <p className="muted small">{t('base.sort.empty')}</p>}
      {sort.map((s, i) => (
        <div key={s.fieldId} className="sort-row" data-testid="sort-row">
          <select value={s.fieldId} aria-label={t('base.field.name')} onChange={(e) => set(i, { ...s, fieldId: e.target.value })}>
            {fields
              .filter((f) => f.id === s.fieldId || !sort.some((x) => x.fieldId === f.id))
              .map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
          </select>
          <select value={s.desc ? 'desc' : 'asc'} aria-label={t('base.toolbar.sort')} onChange={(e) => set(i, { ...s, desc: e.target.value === 'desc' })}>
            <option value="asc">{t('base.sort.asc')}</option>
            <option value="desc">{t('base.sort.desc')}</option>
          </select>
          <button type="button" className="icon-btn" aria-label={t('base.filter.remove')} onClick={() => onChange(sort.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      {unused[0] && sort.length < 10 && (
        <button type="button" className="link-btn small" data-testid="sort-add" onClick={() => onChange([...sort, { fieldId: unused[0]!.id, desc: false }])}>
          + {t('base.sort.add')}
        </button>
      )}
    </div>
  );
}
