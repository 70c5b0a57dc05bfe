import type { CreateDashboardInput, CrmLocale, WidgetSpecInput } from '@concord/contracts';
import { f } from '@concord/table-engine';
import { DASHBOARD_NAME, say, STAGES, type Text } from './crm-template.ts';

/** The customer fields the dashboard reads, by role. */
export interface DashboardFields {
  tableId: string;
  stage: string;
  owner: string;
  amount: string;
  source: string;
  nextFollowUp: string;
  created: string;
  company: string;
  /** Option ids of 阶段, in funnel order (the template's STAGES order). */
  stageOptionIds: string[];
}

const T = {
  total: { zh: '客户总数', en: 'Customers' },
  inProposal: { zh: '报价中客户', en: 'In proposal' },
  pipeline: { zh: '在途预计月金额', en: 'Open pipeline (monthly)' },
  overdue: { zh: '逾期未跟进', en: 'Follow-ups overdue' },
  funnel: { zh: '客户阶段漏斗', en: 'Customers by stage' },
  weekly: { zh: '每周新增客户', en: 'New customers per week' },
  pipelineByOwner: { zh: '各负责人在途金额', en: 'Pipeline by owner' },
  rateByOwner: { zh: '负责人赢单率', en: 'Win rate by owner' },
  rateBySource: { zh: '来源赢单率', en: 'Win rate by source' },
  overdueList: { zh: '逾期跟进客户', en: 'Overdue follow-ups' },
  ownerFilter: { zh: '负责人', en: 'Owner' },
  createdFilter: { zh: '创建时间', en: 'Created' },
} satisfies Record<string, Text>;

/**
 * 销售看板: totals, the stage funnel with step-to-step conversion, new customers per week, pipeline and win rate by
 * owner and source, and overdue follow-ups, with owner and created-date filters for managers.
 */
export function salesDashboard(locale: CrmLocale, x: DashboardFields): CreateDashboardInput {
  const t = (text: Text) => say(text, locale);
  const stageName = (key: (typeof STAGES)[number]['key']) => say(STAGES.find((s) => s.key === key)!.name, locale);
  const closed = [stageName('won'), stageName('lost')];
  const open = f.cond(x.stage, 'isNot', closed);
  const won = f.cond(x.stage, 'is', [stageName('won')]);
  const overdue = f.and(f.cond(x.nextFollowUp, 'isLess', [], { kind: 'relative', name: 'Today' }), open);
  const common = { tableId: x.tableId, viewId: null };
  const widgets: WidgetSpecInput[] = [
    { ...common, kind: 'number', title: t(T.total), agg: 'count', layout: { x: 0, y: 0, w: 3, h: 2 } },
    {
      ...common,
      kind: 'number',
      title: t(T.inProposal),
      agg: 'count',
      filter: f.cond(x.stage, 'is', [stageName('proposal')]),
      layout: { x: 3, y: 0, w: 3, h: 2 },
    },
    { ...common, kind: 'number', title: t(T.pipeline), agg: 'sum', fieldId: x.amount, filter: open, layout: { x: 6, y: 0, w: 3, h: 2 } },
    { ...common, kind: 'number', title: t(T.overdue), agg: 'count', filter: overdue, layout: { x: 9, y: 0, w: 3, h: 2 } },
    {
      ...common,
      kind: 'funnel',
      title: t(T.funnel),
      fieldId: x.stage,
      // Lost is not a step of the funnel: a lost customer stopped somewhere before it.
      steps: x.stageOptionIds.slice(0, STAGES.findIndex((s) => s.key === 'won') + 1),
      cumulative: true,
      layout: { x: 0, y: 2, w: 6, h: 6 },
    },
    {
      ...common,
      kind: 'line',
      title: t(T.weekly),
      groupBy: { fieldId: x.created, bucket: 'week' },
      measure: { agg: 'count' },
      limit: 30,
      layout: { x: 6, y: 2, w: 6, h: 6 },
    },
    {
      ...common,
      kind: 'bar',
      title: t(T.pipelineByOwner),
      filter: open,
      groupBy: { fieldId: x.owner },
      measure: { agg: 'sum', fieldId: x.amount },
      sort: { by: 'value', desc: true },
      limit: 30,
      layout: { x: 0, y: 8, w: 6, h: 6 },
    },
    {
      ...common,
      kind: 'bar',
      title: t(T.rateByOwner),
      groupBy: { fieldId: x.owner },
      measure: { agg: 'rate', rateFilter: won },
      sort: { by: 'value', desc: true },
      limit: 30,
      layout: { x: 6, y: 8, w: 6, h: 6 },
    },
    {
      ...common,
      kind: 'bar',
      title: t(T.rateBySource),
      groupBy: { fieldId: x.source },
      measure: { agg: 'rate', rateFilter: won },
      sort: { by: 'value', desc: true },
      layout: { x: 0, y: 14, w: 6, h: 5 },
    },
    {
      ...common,
      kind: 'table',
      title: t(T.overdueList),
      filter: overdue,
      fieldIds: [x.company, x.owner, x.nextFollowUp, x.stage],
      sort: [{ fieldId: x.nextFollowUp, desc: false }],
      limit: 20,
      layout: { x: 6, y: 14, w: 6, h: 5 },
    },
  ];
  return {
    name: t(DASHBOARD_NAME),
    filters: [
      { id: 'owner', kind: 'person', label: t(T.ownerFilter), targets: [{ tableId: x.tableId, fieldId: x.owner }] },
      { id: 'created', kind: 'date', label: t(T.createdFilter), targets: [{ tableId: x.tableId, fieldId: x.created }] },
    ],
    widgets,
  };
}
