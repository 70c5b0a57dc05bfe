import type { FieldDto } from '@concord/contracts';
import type { FilterGroup, FilterNode } from '@concord/table-engine';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { defaultCondition, rootGroup, updateAt, type FilterPath } from '../../utils/filter-tree.ts';
import { FilterConditionRow } from './filter-condition.tsx';

export interface FilterBuilderProps {
  fields: readonly FieldDto[];
  filter: FilterNode | null;
  onChange: (filter: FilterNode | null) => void;
}

/** How deep condition groups nest: the root plus two levels inside it (Airtable's limit is similar). */
const MAX_DEPTH = 3;

/** The filter tree: a root and/or group of conditions and groups, nested up to MAX_DEPTH levels. */
export function FilterBuilder({ fields, filter, onChange }: FilterBuilderProps) {
  const t = useT();
  const root = rootGroup(filter);
  const set = (next: FilterGroup) => onChange(next.children.length ? next : null);
  return (
    <div className="filter-builder" data-testid="filter-builder">
      <p className="popover-title">{t('base.filter.title')}</p>
      {root.children.length === 0 && <p className="muted small">{t('base.filter.empty')}</p>}
      <GroupEditor group={root} path={[]} depth={0} fields={fields} root={root} onRoot={set} />
      {root.children.length > 0 && (
        <button type="button" className="link-btn small" onClick={() => onChange(null)}>
          {t('base.filter.clear')}
        </button>
      )}
    </div>
  );
}

interface GroupEditorProps {
  group: FilterGroup;
  path: FilterPath;
  depth: number;
  fields: readonly FieldDto[];
  root: FilterGroup;
  onRoot: (root: FilterGroup) => void;
}

function GroupEditor({ group, path, depth, fields, root, onRoot }: GroupEditorProps) {
  const t = useT();
  const edit = (fn: (g: FilterGroup) => FilterGroup) => onRoot(path.length === 0 ? fn(root) : updateAt(root, path, (n) => (n.kind === 'group' ? fn(n) : n)));
  const first = fields[0];
  return (
    <div className={`filter-group${depth > 0 ? ' is-nested' : ''}`} data-testid="filter-group" data-depth={depth}>
      {group.children.length > 1 && (
        <select
          className="filter-conj"
          aria-label={t('base.filter.and')}
          value={group.conjunction}
          onChange={(e) => edit((g) => ({ ...g, conjunction: e.target.value === 'or' ? 'or' : 'and' }))}
        >
          <option value="and">{t('base.filter.and')}</option>
          <option value="or">{t('base.filter.or')}</option>
        </select>
      )}
      {group.children.map((child, i) =>
        child.kind === 'group' ? (
          <div key={i} className="filter-subgroup">
            <GroupEditor group={child} path={[...path, i]} depth={depth + 1} fields={fields} root={root} onRoot={onRoot} />
            <button type="button" className="icon-btn" aria-label={t('base.filter.remove')} onClick={() => onRoot(updateAt(root, [...path, i], () => null))}>
              ×
            </button>
          </div>
        ) : (
          <FilterConditionRow
            key={i}
            condition={child}
            fields={fields}
            onChange={(next) => onRoot(updateAt(root, [...path, i], () => next))}
            onRemove={() => onRoot(updateAt(root, [...path, i], () => null))}
          />
        ),
      )}
      <div className="filter-actions">
        {first && (
          <button
            type="button"
            className="link-btn small"
            data-testid="filter-add"
            onClick={() => edit((g) => ({ ...g, children: [...g.children, defaultCondition(first)] }))}
          >
            + {t('base.filter.addCondition')}
          </button>
        )}
        {first && depth < MAX_DEPTH - 1 && (
          <button
            type="button"
            className="link-btn small"
            data-testid="filter-add-group"
            onClick={() =>
              edit((g) => ({
                ...g,
                children: [...g.children, { kind: 'group', conjunction: g.conjunction === 'and' ? 'or' : 'and', children: [defaultCondition(first)] }],
              }))
            }
          >
            + {t('base.filter.addGroup')}
          </button>
        )}
      </div>
    </div>
  );
}
