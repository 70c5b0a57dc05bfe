import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { WidgetData } from '@concord/contracts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { EChart } from './echart.tsx';
import { formatNumber } from './format.ts';

export interface ChartWidgetProps {
  title: string;
  data: Extract<WidgetData, { kind: 'bar' | 'line' | 'pie' }>;
  /** Values are shares (0–1) to show as percentages. */
  asRate: boolean;
}

/** Bar, line and pie charts of grouped values; several series stack (bars) or overlay (lines). */
export function ChartWidget({ title, data, asRate }: ChartWidgetProps) {
  const { locale } = useI18n();
  const option = useMemo<EChartsCoreOption>(() => {
    const fmt = (v: unknown) => formatNumber(typeof v === 'number' ? v : null, locale, asRate);
    const labels = data.categories.map((c) => c.label);
    const multi = data.series.length > 1;
    if (data.kind === 'pie') {
      // A split pie shows the category totals: pies have one ring.
      const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
      return {
        tooltip: { trigger: 'item', valueFormatter: fmt },
        legend: { type: 'scroll', bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: labels.map((name, i) => ({ name, value: totals[i] })) }],
      };
    }
    return {
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      legend: multi ? { type: 'scroll', bottom: 0 } : undefined,
      grid: { left: 8, right: 16, top: 16, bottom: multi ? 32 : 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => fmt(v) } },
      series: data.series.map((s) => ({
        name: s.label,
        type: data.kind,
        data: s.values,
        stack: data.kind === 'bar' && multi ? 'total' : undefined,
        smooth: data.kind === 'line',
      })),
    };
  }, [data, asRate, locale]);
  return <EChart option={option} label={title} />;
}
