import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { FieldDto, RecordGroupDto, TableDto, ViewConfig } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { uiOf } from '../../fields/field-registry.ts';
import { LinkNamesContext } from '../../fields/link-names.tsx';
import { useGridPaste } from '../../hooks/use-grid-paste.ts';
import { useLinkNames } from '../../hooks/use-link-names.ts';
import type { RecordWriter } from '../../hooks/use-record-writer.ts';
import { ADD_ROW_HEIGHT, HEADER_HEIGHT, ROW_HEIGHTS, layoutColumns, visibleColumnRange } from '../../utils/grid-layout.ts';
import type { DisplayRow } from '../../utils/grid-rows.ts';
import type { RecordPageCache } from '../../utils/record-page-cache.ts';
import { rangeOf, single, type CellPos, type Selection } from '../../utils/selection.ts';
import { CellEditorHost } from './cell-editor-host.tsx';
import { GridHeader } from './grid-header.tsx';
import { GridImeInput } from './grid-ime-input.tsx';
import { handleGridKey } from './grid-keys.ts';
import { GridRow } from './grid-row.tsx';
import { GroupHeaderRow } from './group-header-row.tsx';
import { RowContextMenu, type RowMenuState } from './row-context-menu.tsx';
import { useColumnDrag } from './use-column-drag.ts';
import { useGridClipboard } from './use-grid-clipboard.ts';
import { useGridEditing } from './use-grid-editing.ts';
import { useGridMouse } from './use-grid-mouse.ts';
import { useGridRows } from './use-grid-rows.ts';
import { useGridSelect } from './use-grid-select.ts';
import { useGridViewport } from './use-grid-viewport.ts';
import { useRowOrder } from './use-row-order.ts';

export interface GridProps {
  table: TableDto;
  config: ViewConfig;
  cache: RecordPageCache;
  writer: RecordWriter;
  canEdit: boolean;
  /** Rows may move when edited or added (a sort or filter applies): new rows are not placed locally. */
  rowsCanMove: boolean;
  /** Group headers when the view is grouped (records then come in group order); null draws a flat grid. */
  groups: readonly RecordGroupDto[] | null;
  onOpenRecord: (recordId: string) => void;
  onResizeColumn: (fieldId: string, width: number) => void;
  onMoveColumn: (fieldId: string, beforeFieldId: string | null) => void;
  onFieldMenu: (field: FieldDto, anchor: DOMRect) => void;
  onAddField: (anchor: DOMRect) => void;
}

/**
 * The hand-written virtual grid: only the rows and columns on screen are in the DOM; rows come from the page cache
 * by offset, so the scrollbar spans every record and any row is one jump away.
 */
export function Grid(props: GridProps) {
  const t = useT();
  const { table, config, cache, canEdit, writer } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const imeRef = useRef<HTMLTextAreaElement>(null);
  const vp = useGridViewport(scrollRef);
  const total = cache.total ?? 0;
  const [selection, setSelection] = useState<Selection | null>(null);
  const [menu, setMenu] = useState<RowMenuState | null>(null);

  const baseLayout = useMemo(() => layoutColumns(table.fields, config, total), [table.fields, config, total]);
  const toDataX = (clientX: number) => clientX - (scrollRef.current?.getBoundingClientRect().left ?? 0) + vp.scrollLeft - baseLayout.gutterWidth;
  const drag = useColumnDrag(baseLayout.columns, toDataX, { onResized: props.onResizeColumn, onMoved: props.onMoveColumn });
  const layout = useMemo(
    () =>
      drag.resize
        ? layoutColumns(table.fields, { ...config, columnWidths: { ...config.columnWidths, [drag.resize.fieldId]: drag.resize.width } }, total)
        : baseLayout,
    [drag.resize, baseLayout, table.fields, config, total],
  );
  const columns = useMemo(() => layout.columns.map((c) => c.field), [layout]);
  const rowHeight = ROW_HEIGHTS[config.rowHeight];
  const bodyHeight = Math.max(rowHeight, vp.height - HEADER_HEIGHT);
  const { model, v, revealRecord, shownRecord, toggleGroup } = useGridRows({
    groups: props.groups,
    total,
    rowHeight,
    bodyHeight,
    scrollTop: vp.scrollTop,
    cache,
  });
  const cols = visibleColumnRange(layout, vp.scrollLeft, vp.width);

  const reveal = useCallback(
    (pos: CellPos) => {
      const el = scrollRef.current;
      if (!el) return;
      revealRecord(el, pos.row);
      const c = layout.columns[pos.col];
      if (c && !c.frozen) {
        const visibleLeft = el.scrollLeft + layout.frozenWidth;
        const visibleRight = el.scrollLeft + el.clientWidth - layout.gutterWidth;
        if (c.left < visibleLeft) el.scrollLeft = c.left - layout.frozenWidth;
        else if (c.left + c.width > visibleRight) el.scrollLeft = c.left + c.width - (el.clientWidth - layout.gutterWidth);
      }
    },
    [revealRecord, layout],
  );
  const select = useGridSelect(selection, setSelection, reveal, shownRecord);
  const focusGrid = useCallback(() => imeRef.current?.focus({ preventScroll: true }), []);
  const editing = useGridEditing({ cache, writer, columns, canEdit, select, focusGrid, rows: total });
  const paste = useGridPaste(cache, writer);
  const linkNames = useLinkNames(table, cache, v.firstRow, v.lastRow);
  const openRow = (row: number) => {
    const rec = cache.rowAt(row);
    if (rec) props.onOpenRecord(rec.id);
  };
  const mouse = useGridMouse({ selection, setSelection, editingAt: editing.cell, focusGrid, startEdit: editing.start, openMenu: setMenu });
  // The table's manual order shows only without sort and grouping: only then can rows go in place or be dragged.
  const manualOrder = config.sort.length === 0 && config.groupBy.length === 0;
  const order = useRowOrder({ cache, writer, selection, select, focusGrid, enabled: canEdit && manualOrder });

  // Rows re-render only when their own props change; callbacks go through a ref so they stay the same functions.
  const latest = useRef({ quickChange: editing.quickChange, openRow, startDrag: order.startDrag });
  useEffect(() => {
    latest.current = { quickChange: editing.quickChange, openRow, startDrag: order.startDrag };
  });
  const onQuickChange = useCallback((row: number, col: number, value: unknown) => latest.current.quickChange(row, col, value), []);
  const onExpand = useCallback((row: number) => latest.current.openRow(row), []);
  const onRowDragStart = useCallback((row: number, e: ReactMouseEvent) => latest.current.startDrag(row, e), []);

  useGridClipboard(scrollRef, {
    selection,
    columns,
    cache,
    editing: editing.cell !== null,
    onPaste: (block, internal) => {
      if (!selection || !canEdit) return;
      void paste(selection, columns, block, internal).then((area) => {
        if (area) setSelection({ anchor: { row: area.top, col: area.left }, focus: { row: area.bottom, col: area.right } });
      });
    },
  });

  // The columns changed (hidden, deleted): keep the selection inside the grid.
  useEffect(() => {
    setSelection((s) => (s && (s.anchor.col >= columns.length || s.focus.col >= columns.length) ? null : s));
  }, [columns.length]);

  async function handleAddRecord() {
    const rec = await writer.addRecord();
    if (!rec) return;
    const index = cache.total ?? 0;
    if (props.rowsCanMove) cache.refresh('all');
    else {
      cache.setTotal(index + 1);
      cache.placeAt(index, rec);
    }
    requestAnimationFrame(() => select(single({ row: props.rowsCanMove ? Math.max(0, cache.indexOf(rec.id)) : index, col: 0 })));
    focusGrid();
  }

  function handleKeyDown(e: KeyboardEvent) {
    if (editing.cell) return;
    const handled = handleGridKey(e, {
      selection,
      rows: total,
      cols: columns.length,
      pageRows: Math.floor(bodyHeight / rowHeight),
      select,
      startEdit: editing.start,
      clear: (range) => void editing.clear(range),
      undo: () => void writer.undo(),
      space: (pos) => {
        const field = columns[pos.col];
        if (field && uiOf(field).quickValue) editing.start(pos);
        else openRow(pos.row);
      },
    });
    if (handled) e.preventDefault();
  }

  const range = useMemo(() => (selection ? rangeOf(selection) : null), [selection]);
  // Far rows would sit outside a scaled canvas and stretch its scroll height: keep anything drawn inside it.
  const topOf = (display: number) => Math.min(Math.max(0, v.rowTop(display)), v.canvasHeight - model.heightOf(display));
  const recordTop = (record: number) => topOf(model.displayOfRecord(record) ?? 0);
  const shown: { display: number; row: DisplayRow }[] = [];
  for (let d = v.firstRow; d <= v.lastRow && d < model.count; d++) shown.push({ display: d, row: model.rowAt(d) });
  const editingDisplay = editing.cell ? model.displayOfRecord(editing.cell.row) : null;
  if (editingDisplay !== null && (editingDisplay < v.firstRow || editingDisplay > v.lastRow))
    shown.push({ display: editingDisplay, row: { kind: 'record', record: editing.cell!.row } });
  const fieldById = new Map(table.fields.map((x) => [x.id, x]));
  const sortedDesc = new Map(config.sort.map((s) => [s.fieldId, s.desc]));
  const filtered = new Set(filterFieldIds(config.filter));
  const anchor = selection?.anchor;
  const anchorCol = anchor ? layout.columns[anchor.col] : undefined;
  const editCol = editing.cell ? layout.columns[editing.cell.col] : undefined;
  const editorAlign = editing.cell
    ? {
        right: !!editCol && !editCol.frozen && editCol.left + Math.max(280, editCol.width) > vp.scrollLeft + vp.width - layout.gutterWidth,
        up: v.rowTop(editingDisplay ?? 0) - vp.scrollTop > bodyHeight / 2,
      }
    : undefined;

  return (
    <LinkNamesContext.Provider value={linkNames}>
      <div
        ref={scrollRef}
        className="grid-scroll"
        data-testid="grid"
        data-row-height={config.rowHeight}
        role="grid"
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        tabIndex={0}
        onFocus={(e) => e.target === e.currentTarget && focusGrid()}
        onKeyDown={handleKeyDown}
        onMouseDown={mouse.onMouseDown}
        onMouseOver={mouse.onMouseOver}
        onDoubleClick={mouse.onDoubleClick}
        onContextMenu={mouse.onContextMenu}
      >
        <div className="grid-canvas" style={{ width: layout.gutterWidth + layout.dataWidth, height: HEADER_HEIGHT + v.canvasHeight }}>
          <GridHeader
            layout={layout}
            from={cols.from}
            to={cols.to}
            canEdit={canEdit}
            sortedDesc={sortedDesc}
            filtered={filtered}
            dragMarker={drag.marker ? drag.marker.at : null}
            movingFieldId={drag.move?.fieldId ?? null}
            onResizeStart={drag.startResize}
            onMoveStart={drag.startMove}
            onFieldMenu={props.onFieldMenu}
            onAddField={props.onAddField}
            onSelectColumn={(col, extend) => {
              if (drag.consumeDrag() || total === 0) return;
              setSelection(
                extend && selection
                  ? { anchor: selection.anchor, focus: { row: total - 1, col } }
                  : { anchor: { row: 0, col }, focus: { row: total - 1, col } },
              );
              focusGrid();
            }}
          />
          <div className="grid-body" style={{ top: HEADER_HEIGHT }}>
            <GridImeInput
              ref={imeRef}
              left={layout.gutterWidth + (anchorCol?.left ?? 0) + (anchorCol?.frozen ? vp.scrollLeft : 0)}
              top={anchor ? recordTop(anchor.row) : 0}
              height={rowHeight}
              onComposed={(text) => anchor && editing.start(anchor, text)}
            />
            {shown.map(({ display, row }) => {
              if (row.kind === 'group')
                return (
                  <GroupHeaderRow
                    key={`g:${row.group.key}`}
                    group={row.group}
                    field={fieldById.get(row.group.fieldId)}
                    collapsed={row.collapsed}
                    top={topOf(display)}
                    height={model.heightOf(display)}
                    width={layout.gutterWidth + layout.dataWidth}
                    onToggle={toggleGroup}
                  />
                );
              const i = row.record;
              const rec = cache.rowAt(i);
              const isEditingRow = editing.cell?.row === i;
              return (
                <GridRow
                  key={i}
                  index={i}
                  top={topOf(display)}
                  height={rowHeight}
                  record={rec}
                  pending={cache.isPending(i)}
                  layout={layout}
                  from={cols.from}
                  to={cols.to}
                  range={range && i >= range.top && i <= range.bottom ? range : null}
                  anchorCol={anchor && anchor.row === i ? anchor.col : null}
                  editingCol={isEditingRow ? editing.cell!.col : null}
                  canEdit={canEdit}
                  editorAlign={isEditingRow ? editorAlign : undefined}
                  editor={
                    isEditingRow && rec ? (
                      <CellEditorHost
                        cell={editing.cell!}
                        field={columns[editing.cell!.col]}
                        record={rec}
                        onCommit={editing.commit}
                        onCancel={editing.cancel}
                      />
                    ) : null
                  }
                  expandLabel={t('base.row.expand')}
                  orderTitle={canEdit ? t(manualOrder ? 'base.row.dragHint' : 'base.row.orderNeedsNoSort') : undefined}
                  onDragStart={canEdit && manualOrder ? onRowDragStart : undefined}
                  onQuickChange={onQuickChange}
                  onExpand={onExpand}
                />
              );
            })}
            {order.dropGap !== null && total > 0 && (
              <div
                className="grid-drop-marker"
                data-testid="row-drop-marker"
                style={{
                  top: order.dropGap < total ? recordTop(order.dropGap) : recordTop(total - 1) + rowHeight,
                  width: layout.gutterWidth + layout.dataWidth,
                }}
              />
            )}
            {canEdit && v.lastRow >= model.count - 1 && (
              <div className="grid-add-row" style={{ top: v.rowTop(model.count), height: ADD_ROW_HEIGHT, width: layout.gutterWidth + layout.dataWidth }}>
                <button type="button" className="grid-add-button" data-testid="add-record" style={{ left: 0 }} onClick={() => void handleAddRecord()}>
                  + {t('base.row.add')}
                </button>
              </div>
            )}
          </div>
        </div>
      </div>
      {menu && (
        <RowContextMenu
          menu={menu}
          canEdit={canEdit}
          orderHint={manualOrder ? null : t('base.row.orderNeedsNoSort')}
          onClose={() => setMenu(null)}
          onInsert={() => void handleAddRecord()}
          onInsertAt={(side) => void order.insertAt(side, menu.top, menu.bottom)}
          onExpand={() => openRow(menu.top)}
          onDelete={async (top, bottom) => {
            await cache.ensureRows(top, bottom);
            const ids: string[] = [];
            for (let i = top; i <= bottom; i++) {
              const id = cache.rowAt(i)?.id;
              if (id) ids.push(id);
            }
            setSelection(null);
            if (ids.length) await writer.deleteRecords(ids);
          }}
        />
      )}
    </LinkNamesContext.Provider>
  );
}

function filterFieldIds(node: ViewConfig['filter']): string[] {
  if (!node) return [];
  return node.kind === 'condition' ? [node.fieldId] : node.children.flatMap(filterFieldIds);
}
