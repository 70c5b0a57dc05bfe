import { useRef, type ReactNode, type RefObject } from 'react';
import type { TableDto, ViewConfig } from '@concord/contracts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { Button } from '../../../../ui/button.tsx';
import type { ViewDraftState } from '../../hooks/use-view-draft.ts';
import { ROW_HEIGHTS, orderedFields, type RowHeight } from '../../utils/grid-layout.ts';
import { conditionCount } from '../../utils/filter-tree.ts';
import { MenuItem, Popover } from '../popover.tsx';
import { FilterBuilder } from './filter-builder.tsx';
import { GroupEditor } from './group-editor.tsx';
import { HideFields } from './hide-fields.tsx';
import { SortEditor } from './sort-editor.tsx';

export type ToolbarPanel = 'filter' | 'sort' | 'group' | 'hide' | 'rowHeight';

export interface ToolbarProps {
  table: TableDto;
  config: ViewConfig;
  draft: ViewDraftState;
  canEdit: boolean;
  total: number | null;
  panel: ToolbarPanel | null;
  onPanel: (panel: ToolbarPanel | null) => void;
  onUndo: () => void;
  /** More buttons after the built-in ones (import, duplicates, export). */
  extra?: ReactNode;
}

const ROW_HEIGHT_KEYS = Object.keys(ROW_HEIGHTS) as RowHeight[];

/** Filter, sort, grouping, hidden fields, row height, record count, undo, and saving the view's settings. */
export function Toolbar({ table, config, draft, canEdit, total, panel, onPanel, onUndo, extra }: ToolbarProps) {
  const { t, locale } = useI18n();
  const refs = {
    filter: useRef<HTMLButtonElement>(null),
    sort: useRef<HTMLButtonElement>(null),
    group: useRef<HTMLButtonElement>(null),
    hide: useRef<HTMLButtonElement>(null),
    rowHeight: useRef<HTMLButtonElement>(null),
  } satisfies Record<ToolbarPanel, RefObject<HTMLButtonElement | null>>;
  const fields = orderedFields(table.fields, config.fieldOrder);
  const filters = conditionCount(config.filter);
  const hidden = config.hiddenFieldIds.filter((id) => table.fields.some((f) => f.id === id && !f.isPrimary)).length;

  const button = (key: ToolbarPanel, label: string, active: boolean, testId: string) => (
    <button
      ref={refs[key]}
      type="button"
      className={`toolbar-btn${active ? ' is-active' : ''}`}
      data-testid={testId}
      data-popover-toggle
      aria-expanded={panel === key}
      onClick={() => onPanel(panel === key ? null : key)}
    >
      {label}
    </button>
  );

  const popover = (key: ToolbarPanel, children: ReactNode, className = '') => {
    const r = refs[key].current?.getBoundingClientRect();
    if (panel !== key || !r) return null;
    return (
      <Popover anchor={{ left: r.left, top: r.top, bottom: r.bottom }} onClose={() => onPanel(null)} className={className} testId={`panel-${key}`}>
        {children}
      </Popover>
    );
  };

  return (
    <div className="base-toolbar" role="toolbar">
      {button('filter', filters ? t('base.toolbar.filterCount', { n: filters }) : t('base.toolbar.filter'), filters > 0, 'toolbar-filter')}
      {button(
        'sort',
        config.sort.length ? t('base.toolbar.sortCount', { n: config.sort.length }) : t('base.toolbar.sort'),
        config.sort.length > 0,
        'toolbar-sort',
      )}
      {button(
        'group',
        config.groupBy.length ? t('base.toolbar.groupCount', { n: config.groupBy.length }) : t('base.toolbar.group'),
        config.groupBy.length > 0,
        'toolbar-group',
      )}
      {button('hide', hidden ? t('base.toolbar.hideCount', { n: hidden }) : t('base.toolbar.hide'), hidden > 0, 'toolbar-hide')}
      {button('rowHeight', t('base.toolbar.rowHeight'), false, 'toolbar-row-height')}
      {canEdit && (
        <button type="button" className="toolbar-btn" data-testid="undo" title={t('base.toolbar.undoHint')} onClick={onUndo}>
          ↶ {t('base.toolbar.undo')}
        </button>
      )}
      {extra}
      <span className="toolbar-spacer" />
      {draft.dirty && (
        <span className="toolbar-draft" data-testid="view-dirty">
          <span className="muted small">{t('base.view.unsaved')}</span>
          <Button size="sm" variant="ghost" onClick={draft.reset}>
            {t('base.view.reset')}
          </Button>
          {canEdit && (
            <Button size="sm" variant="primary" busy={draft.saving} testId="view-save" onClick={draft.save}>
              {t('base.view.save')}
            </Button>
          )}
        </span>
      )}
      <span className="record-count" data-testid="record-count" data-total={total ?? ''}>
        {total === null ? '…' : t('base.toolbar.records', { n: total.toLocaleString(locale) })}
      </span>
      {popover('filter', <FilterBuilder fields={fields} filter={config.filter} onChange={(filter) => draft.change({ filter })} />, 'base-popover-wide')}
      {popover('sort', <SortEditor fields={fields} sort={config.sort} onChange={(sort) => draft.change({ sort })} />, 'base-popover-mid')}
      {popover('group', <GroupEditor fields={fields} groupBy={config.groupBy} onChange={(groupBy) => draft.change({ groupBy })} />, 'base-popover-mid')}
      {popover('hide', <HideFields fields={fields} hidden={config.hiddenFieldIds} onChange={(hiddenFieldIds) => draft.change({ hiddenFieldIds })} />)}
      {popover(
        'rowHeight',
        <div className="base-menu">
          {ROW_HEIGHT_KEYS.map((h) => (
            <MenuItem
              key={h}
              testId={`row-height-${h}`}
              onSelect={() => {
                draft.change({ rowHeight: h });
                onPanel(null);
              }}
            >
              {config.rowHeight === h ? '✓ ' : ''}
              {t(`base.rowHeight.${h}`)}
            </MenuItem>
          ))}
        </div>,
      )}
    </div>
  );
}
