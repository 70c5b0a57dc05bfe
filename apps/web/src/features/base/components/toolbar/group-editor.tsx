import type { FieldDto } from '@concord/contracts';
import type { SortSpec } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';

export interface GroupEditorProps {
  fields: readonly FieldDto[];
  groupBy: readonly SortSpec[];
  onChange: (groupBy: SortSpec[]) => void;
}

/** Up to three grouping levels, each a field and a direction; the first is the outermost group. */
export const MAX_GROUP_LEVELS = 3;

export function GroupEditor({ fields, groupBy, onChange }: GroupEditorProps) {
  const t = useT();
  const unused = fields.filter((f) => !groupBy.some((g) => g.fieldId === f.id));
  const set = (i: number, next: SortSpec) => onChange(groupBy.map((g, j) => (j === i ? next : g)));
  return (
    <div className="sort-editor" data-testid="group-editor">
      <p className="popover-title">{t('base.group.title')}</p>
      {groupBy.length === 0 && <p className="muted small">{t('base.group.empty')}</p>}
      {groupBy.map((g, i) => (
        <div key={g.fieldId} className="sort-row" data-testid="group-row">
          <select value={g.fieldId} aria-label={t('base.field.name')} data-testid="group-field" onChange={(e) => set(i, { ...g, fieldId: e.target.value })}>
            {fields
              .filter((f) => f.id === g.fieldId || !groupBy.some((x) => x.fieldId === f.id))
              .map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
          </select>
          <select value={g.desc ? 'desc' : 'asc'} aria-label={t('base.toolbar.sort')} onChange={(e) => set(i, { ...g, desc: e.target.value === 'desc' })}>
            <option value="asc">{t('base.sort.asc')}</option>
            <option value="desc">{t('base.sort.desc')}</option>
          </select>
          <button type="button" className="icon-btn" aria-label={t('base.filter.remove')} onClick={() => onChange(groupBy.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      {unused[0] && groupBy.length < MAX_GROUP_LEVELS && (
        <button
          type="button"
          className="link-btn small"
          data-testid="group-add"
          onClick={() => onChange([...groupBy, { fieldId: unused[0]!.id, desc: false }])}
        >
          + {t('base.group.add')}
        </button>
      )}
    </div>
  );
}
