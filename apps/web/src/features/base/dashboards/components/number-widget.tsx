import type { WidgetData } from '@concord/contracts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { formatNumber } from './format.ts';

export interface NumberWidgetProps {
  data: Extract<WidgetData, { kind: 'number' }>;
}

/** A big number with its change against the previous period. `data-value` carries the raw number for tests and tools. */
export function NumberWidget({ data }: NumberWidgetProps) {
  const { t, locale } = useI18n();
  const up = data.change !== null && data.change > 0;
  const down = data.change !== null && data.change < 0;
  return (
    <div className="dash-number">
      <div className="dash-number-value" data-value={data.value ?? ''} data-testid="widget-value">
        {formatNumber(data.value, locale)}
      </div>
      {data.previous !== null && (
        <div className={`dash-number-change${up ? ' is-up' : down ? ' is-down' : ''}`} data-testid="widget-change">
          {data.change !== null && <span aria-hidden="true">{up ? '▲' : down ? '▼' : '■'} </span>}
          {data.change !== null && formatNumber(Math.abs(data.change), locale, true)}
          <span className="dash-number-previous">{t('base.dashboard.previous', { value: formatNumber(data.previous, locale) })}</span>
        </div>
      )}
    </div>
  );
}
