import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { WidgetData } from '@concord/contracts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { EChart } from './echart.tsx';
import { formatNumber } from './format.ts';

export interface FunnelWidgetProps {
  title: string;
  data: Extract<WidgetData, { kind: 'funnel' }>;
}

/** A funnel of stages with the stage-to-stage conversion rate beside each step. */
export function FunnelWidget({ title, data }: FunnelWidgetProps) {
  const { t, locale } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: 8,
          right: '38%',
          top: 8,
          bottom: 8,
          label: { position: 'inside', formatter: '{b}: {c}' },
          data: data.steps.map((s) => ({ name: s.label, value: s.count })),
        },
      ],
    }),
    [data],
  );
  return (
    <div className="dash-funnel">
      <EChart option={option} label={title} />
      <ol className="dash-funnel-rates" aria-label={t('base.dashboard.conversion')}>
        {data.steps.map((s) => (
          <li key={s.optionId} data-testid="funnel-step" data-count={s.count}>
            <span>{s.label}</span>
            <span className="dash-funnel-rate">{s.conversion === null ? formatNumber(s.count, locale) : formatNumber(s.conversion, locale, true)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
