import type { FieldDto, WidgetDto, WidgetResult } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { ChartWidget } from './chart-widget.tsx';
import { FunnelWidget } from './funnel-widget.tsx';
import { NumberWidget } from './number-widget.tsx';
import { TableWidget } from './table-widget.tsx';

export interface WidgetCardProps {
  widget: WidgetDto;
  result: WidgetResult | undefined;
  fields: readonly FieldDto[];
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => void;
  /** Another widget was dropped on this one (editors drag cards by their title to swap places). */
  onDropWidget: (widgetId: string) => void;
}

const DRAG_TYPE = 'application/x-concord-widget';

function WidgetBody({ widget, result, fields }: Pick<WidgetCardProps, 'widget' | 'result' | 'fields'>) {
  const t = useT();
  if (!result) return <div className="dash-empty">{t('common.loading')}</div>;
  if (!result.ok)
    return (
      <div className="dash-error" role="alert" data-error-code={result.error.code}>
        {t('base.dashboard.widgetError', { message: result.error.message })}
      </div>
    );
  const data = result.data;
  switch (data.kind) {
    case 'number':
      return <NumberWidget data={data} />;
    case 'bar':
    case 'line':
    case 'pie':
      if (data.categories.length === 0) return <div className="dash-empty">{t('base.dashboard.noData')}</div>;
      return <ChartWidget title={widget.title} data={data} asRate={'measure' in widget && widget.measure.agg === 'rate'} />;
    case 'funnel':
      return <FunnelWidget title={widget.title} data={data} />;
    case 'table':
      return <TableWidget data={data} fields={fields} />;
  }
}

/** One widget on the grid: its title, its chart or number, and (for editors) edit and delete. */
export function WidgetCard({ widget, result, fields, canEdit, onEdit, onDelete, onDropWidget }: WidgetCardProps) {
  const t = useT();
  const { x, y, w, h } = widget.layout;
  return (
    <section
      className={`dash-card dash-card-${widget.kind}`}
      style={{ gridColumn: `${x + 1} / span ${w}`, gridRow: `${y + 1} / span ${h}` }}
      data-testid="dashboard-widget"
      data-widget-id={widget.id}
      data-widget-kind={widget.kind}
      data-widget-title={widget.title}
      onDragOver={(e) => canEdit && e.dataTransfer.types.includes(DRAG_TYPE) && e.preventDefault()}
      onDrop={(e) => {
        const from = e.dataTransfer.getData(DRAG_TYPE);
        if (from && from !== widget.id) onDropWidget(from);
      }}
    >
      <header
        className={`dash-card-head${canEdit ? ' is-draggable' : ''}`}
        draggable={canEdit}
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, widget.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
      >
        <h3 className="dash-card-title">{widget.title}</h3>
        {canEdit && (
          <span className="dash-card-actions">
            <button type="button" className="dash-icon-btn" onClick={onEdit} aria-label={t('base.dashboard.editWidget')} title={t('base.dashboard.editWidget')}>
              ✎
            </button>
            <button
              type="button"
              className="dash-icon-btn"
              onClick={onDelete}
              aria-label={t('base.dashboard.deleteWidget')}
              title={t('base.dashboard.deleteWidget')}
            >
              ×
            </button>
          </span>
        )}
      </header>
      <div className="dash-card-body">
        <WidgetBody widget={widget} result={result} fields={fields} />
      </div>
    </section>
  );
}
