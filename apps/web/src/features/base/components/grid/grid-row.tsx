import { memo, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import type { RecordDto } from '@concord/contracts';
import { isWritable, uiOf } from '../../fields/field-registry.ts';
import type { ColumnLayout, GridColumn } from '../../utils/grid-layout.ts';
import type { CellRange } from '../../utils/selection.ts';

export interface GridRowProps {
  index: number;
  top: number;
  height: number;
  record: RecordDto | undefined;
  /** Its page is being (re)loaded. */
  pending: boolean;
  layout: ColumnLayout;
  from: number;
  to: number;
  /** The selected range when it touches this row, else null (keeps other rows from re-rendering). */
  range: CellRange | null;
  anchorCol: number | null;
  editingCol: number | null;
  canEdit: boolean;
  /** The editor for the cell being edited (only on the editing row). */
  editor: ReactNode;
  /** Open the editor's popover leftwards / upwards when the cell is near the right / bottom edge. */
  editorAlign?: { right: boolean; up: boolean };
  expandLabel: string;
  /** The row number's tooltip: how to reorder, or why it cannot be done here. */
  orderTitle?: string;
  /** Pressing the row number starts dragging the row (only where rows are in manual order). */
  onDragStart?: (index: number, e: ReactMouseEvent) => void;
  onQuickChange: (index: number, col: number, value: unknown) => void;
  onExpand: (index: number) => void;
}

/** One virtualised row: gutter (row number, expand), frozen cells, a spacer, then the scrolling cells on screen. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { index, record, layout, range } = props;
  const frozen = layout.columns.filter((c) => c.frozen);
  const first = layout.columns[props.from];
  const spacer = first ? first.left - layout.frozenWidth : 0;
  const scrolling = layout.columns.slice(props.from, props.to + 1).filter((c) => !c.frozen);
  const selectedRow = range !== null && index >= range.top && index <= range.bottom;

  const cell = (c: GridColumn) => {
    const col = layout.columns.indexOf(c);
    const ui = uiOf(c.field);
    const inRange = range !== null && selectedRow && col >= range.left && col <= range.right;
    const isAnchor = props.anchorCol === col;
    const isEditing = props.editingCol === col;
    const writable = props.canEdit && isWritable(c.field);
    const value = record?.fields[c.field.id];
    const isLastFrozen = c.frozen && c === frozen[frozen.length - 1];
    const cls = [
      'grid-cell',
      c.frozen && 'is-frozen',
      isLastFrozen && 'is-frozen-edge',
      inRange && 'is-in-range',
      isAnchor && 'is-active',
      isEditing && 'is-editing',
      ui.alignRight && 'is-right',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <div
        key={c.field.id}
        className={cls}
        style={{ width: c.width, ...(c.frozen ? { left: layout.gutterWidth + c.left } : {}) }}
        role="gridcell"
        aria-selected={inRange || isAnchor}
        data-testid="cell"
        data-row-index={index}
        data-col-index={col}
        data-field-id={c.field.id}
        data-record-id={record?.id}
      >
        {isEditing ? (
          <div className={`cell-editor${props.editorAlign?.right ? ' is-right' : ''}${props.editorAlign?.up ? ' is-upward' : ''}`} data-testid="cell-editor">
            {props.editor}
          </div>
        ) : record ? (
          <ui.Cell
            field={c.field}
            value={value}
            active={isAnchor}
            onChange={writable && (isAnchor || ui.takesDrops) ? (v) => props.onQuickChange(index, col, v) : undefined}
          />
        ) : (
          <span className="cell-skeleton" />
        )}
      </div>
    );
  };

  return (
    <div
      className={`grid-row${selectedRow ? ' is-selected-row' : ''}${props.pending && record ? ' is-refreshing' : ''}${props.editingCol !== null ? ' is-editing-row' : ''}`}
      style={{ top: props.top, height: props.height, width: layout.gutterWidth + layout.dataWidth }}
      role="row"
      aria-rowindex={index + 2}
      data-testid="grid-row"
      data-row-index={index}
    >
      <div className="grid-gutter" style={{ width: layout.gutterWidth }} data-row-index={index} data-testid="row-gutter">
        <span
          className={`row-number${props.onDragStart && record ? ' is-draggable' : ''}`}
          data-testid="row-number"
          title={record ? props.orderTitle : undefined}
          onMouseDown={props.onDragStart && record ? (e) => props.onDragStart!(index, e) : undefined}
        >
          {index + 1}
        </span>
        {record && (
          <button
            type="button"
            className="row-expand"
            data-testid="row-expand"
            aria-label={props.expandLabel}
            title={props.expandLabel}
            onMouseDown={(e) => e.stopPropagation()}
            onClick={() => props.onExpand(index)}
          >
            ⤢
          </button>
        )}
      </div>
      {frozen.map(cell)}
      <div className="grid-spacer" style={{ width: Math.max(0, spacer) }} />
      {scrolling.map(cell)}
    </div>
  );
});
