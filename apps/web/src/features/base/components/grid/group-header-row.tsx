import { memo } from 'react';
import type { FieldDto, RecordGroupDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { uiOf } from '../../fields/field-registry.ts';
import './grid-groups.css';

export interface GroupHeaderRowProps {
  group: RecordGroupDto;
  field: FieldDto | undefined;
  collapsed: boolean;
  top: number;
  height: number;
  width: number;
  onToggle: (key: string) => void;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A group's header line: expand/collapse, the grouping field and value, and how many records the group holds. */
export const GroupHeaderRow = memo(function GroupHeaderRow({ group, field, collapsed, top, height, width, onToggle }: GroupHeaderRowProps) {
  const t = useT();
  const Cell = field ? uiOf(field).Cell : null;
  return (
    <div
      className={`grid-group-row depth-${group.depth}`}
      style={{ top, height, width }}
      role="row"
      data-testid="group-header"
      data-depth={group.depth}
      data-collapsed={collapsed}
    >
      <div className="grid-group-label" style={{ paddingLeft: 8 + group.depth * 20 }}>
        <button
          type="button"
          className="grid-group-toggle"
          data-testid="group-toggle"
          aria-expanded={!collapsed}
          aria-label={t(collapsed ? 'base.group.expand' : 'base.group.collapse')}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={() => onToggle(group.key)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        {field && <span className="grid-group-field">{field.name}</span>}
        <span className="grid-group-value" data-testid="group-value">
          {isEmpty(group.value) || !Cell || !field ? <span className="muted">{t('base.group.emptyValue')}</span> : <Cell field={field} value={group.value} />}
        </span>
        <span className="grid-group-count" data-testid="group-count" data-count={group.count}>
          {t('base.group.count', { n: group.count })}
        </span>
      </div>
    </div>
  );
});
