import type { MouseEvent as ReactMouseEvent } from 'react';
import type { FieldDto } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { uiOf } from '../../fields/field-registry.ts';
import { ADD_FIELD_WIDTH, HEADER_HEIGHT, type ColumnLayout, type GridColumn } from '../../utils/grid-layout.ts';

export interface GridHeaderProps {
  layout: ColumnLayout;
  from: number;
  to: number;
  canEdit: boolean;
  /** Sorted fields show an arrow; filtered ones a dot. */
  sortedDesc: ReadonlyMap<string, boolean>;
  filtered: ReadonlySet<string>;
  dragMarker: number | null;
  movingFieldId: string | null;
  onResizeStart: (e: ReactMouseEvent, col: GridColumn) => void;
  onMoveStart: (e: ReactMouseEvent, col: GridColumn) => void;
  onFieldMenu: (field: FieldDto, anchor: DOMRect) => void;
  onAddField: (anchor: DOMRect) => void;
  onSelectColumn: (col: number, extend: boolean) => void;
}

/** The sticky header row: gutter corner, frozen then scrolling field headers, and "+" to add a field. */
export function GridHeader(props: GridHeaderProps) {
  const t = useT();
  const { layout, from, to } = props;
  const frozen = layout.columns.filter((c) => c.frozen);
  const first = layout.columns[from];
  const spacer = first ? first.left - layout.frozenWidth : 0;
  const scrolling = layout.columns.slice(from, to + 1).filter((c) => !c.frozen);
  const indexOf = (c: GridColumn) => layout.columns.indexOf(c);

  const cell = (c: GridColumn) => {
    const ui = uiOf(c.field);
    const desc = props.sortedDesc.get(c.field.id);
    const isLastFrozen = c.frozen && c === frozen[frozen.length - 1];
    return (
      <div
        key={c.field.id}
        className={`grid-head-cell${c.frozen ? ' is-frozen' : ''}${isLastFrozen ? ' is-frozen-edge' : ''}${props.movingFieldId === c.field.id ? ' is-moving' : ''}`}
        style={{ width: c.width, ...(c.frozen ? { left: layout.gutterWidth + c.left } : {}) }}
        data-testid="field-header"
        data-field-id={c.field.id}
        title={c.field.description ?? c.field.name}
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          props.onMoveStart(e, c);
        }}
        onClick={(e) => props.onSelectColumn(indexOf(c), e.shiftKey)}
        onContextMenu={(e) => {
          e.preventDefault();
          props.onFieldMenu(c.field, e.currentTarget.getBoundingClientRect());
        }}
      >
        <span className="field-icon" aria-hidden="true">
          {ui.icon}
        </span>
        <span className="grid-head-name">{c.field.name}</span>
        {desc !== undefined && (
          <span className="grid-head-badge" title={t('base.toolbar.sort')}>
            {desc ? '↓' : '↑'}
          </span>
        )}
        {props.filtered.has(c.field.id) && <span className="grid-head-dot" title={t('base.toolbar.filter')} />}
        <button
          type="button"
          className="grid-head-menu"
          data-testid="field-menu"
          aria-label={t('base.field.menu', { name: c.field.name })}
          onMouseDown={(e) => e.stopPropagation()}
          onClick={(e) => {
            e.stopPropagation();
            props.onFieldMenu(c.field, (e.currentTarget.parentElement ?? e.currentTarget).getBoundingClientRect());
          }}
        >
          ▾
        </button>
        {props.canEdit && <span className="col-resize" data-testid="col-resize" onMouseDown={(e) => props.onResizeStart(e, c)} />}
      </div>
    );
  };

  return (
    <div className="grid-header" style={{ height: HEADER_HEIGHT, width: layout.gutterWidth + layout.dataWidth }} role="row">
      <div className="grid-gutter grid-gutter-head" style={{ width: layout.gutterWidth }} />
      {frozen.map(cell)}
      <div className="grid-spacer" style={{ width: Math.max(0, spacer) }} />
      {scrolling.map(cell)}
      {to >= layout.columns.length - 1 && props.canEdit && (
        <button
          type="button"
          className="grid-add-field"
          data-testid="add-field"
          style={{ width: ADD_FIELD_WIDTH }}
          aria-label={t('base.field.add')}
          title={t('base.field.add')}
          onClick={(e) => props.onAddField(e.currentTarget.getBoundingClientRect())}
        >
          +
        </button>
      )}
      {props.dragMarker !== null && <div className="col-drop-marker" style={{ left: layout.gutterWidth + props.dragMarker }} />}
    </div>
  );
}
