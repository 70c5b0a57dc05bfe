import type { CrmLocale, FieldInput } from '@concord/contracts';
import type { SelectOption } from '@concord/table-engine';

/**
 * The CRM template as data, in both languages: tables, fields, select options (colours and aliases), views and the
 * stage owners' default roles. crm-init.service.ts turns it into a base; nothing here touches the database.
 */

export type Text = { zh: string; en: string };
type Color = SelectOption['color'];

export const say = (t: Text, locale: CrmLocale): string => (locale === 'zh-CN' ? t.zh : t.en);

export const STAGE_KEYS = ['lead', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type StageKey = (typeof STAGE_KEYS)[number];

/** Who owns a stage by default: members of the first of `departments` that exists, narrowed to `titles` when any match. */
export interface StageOwnerRole {
  role: Text;
  departments: readonly string[];
  titles: readonly string[];
}

export interface StageDef {
  key: StageKey;
  name: Text;
  color: Color;
  /** English and pinyin spellings that import and paste accept. */
  aliases: readonly string[];
  owner: StageOwnerRole;
  /** Typical win probability of an opportunity at this stage. */
  probability: number;
}

export const STAGES: readonly StageDef[] = [
  {
    key: 'lead',
    name: { zh: '线索', en: 'Lead' },
    color: 'gray',
    aliases: ['Lead', 'Leads', 'xiansuo'],
    owner: { role: { zh: 'SDR 团队', en: 'SDR team' }, departments: ['渠道销售部', '销售中心'], titles: ['渠道拓展专员'] },
    probability: 0.05,
  },
  {
    key: 'contacted',
    name: { zh: '初步接洽', en: 'Contacted' },
    color: 'blue',
    aliases: ['Contacted', 'First contact'],
    owner: { role: { zh: '渠道经理', en: 'Channel managers' }, departments: ['渠道销售部', '销售中心'], titles: ['渠道经理'] },
    probability: 0.1,
  },
  {
    key: 'qualified',
    name: { zh: '需求确认', en: 'Qualified' },
    color: 'cyan',
    aliases: ['Qualified', 'Qualification'],
    owner: { role: { zh: '大客户团队', en: 'Account team' }, departments: ['大客户部', '销售中心'], titles: [] },
    probability: 0.25,
  },
  {
    key: 'proposal',
    name: { zh: '方案报价', en: 'Proposal' },
    color: 'purple',
    aliases: ['Proposal', 'Quote', 'Quotation'],
    owner: { role: { zh: '售前解决方案工程师', en: 'Solution engineers' }, departments: ['大客户部', '销售中心'], titles: ['售前解决方案工程师'] },
    probability: 0.5,
  },
  {
    key: 'negotiation',
    name: { zh: '商务谈判', en: 'Negotiation' },
    color: 'orange',
    aliases: ['Negotiation', 'Negotiating'],
    owner: { role: { zh: '大客户经理', en: 'Key account managers' }, departments: ['大客户部', '销售中心'], titles: ['大客户经理', '高级大客户经理'] },
    probability: 0.75,
  },
  {
    key: 'won',
    name: { zh: '赢单', en: 'Won' },
    color: 'green',
    aliases: ['Won', 'Closed won', 'Win'],
    owner: { role: { zh: '销售运营', en: 'Sales operations' }, departments: ['销售中心'], titles: ['销售运营专员'] },
    probability: 1,
  },
  {
    key: 'lost',
    name: { zh: '输单', en: 'Lost' },
    color: 'red',
    aliases: ['Lost', 'Closed lost', 'Loss'],
    owner: { role: { zh: '销售负责人', en: 'Sales leadership' }, departments: ['销售中心'], titles: ['销售副总裁'] },
    probability: 0,
  },
];

const option = (name: Text, color: Color, aliases: readonly string[], locale: CrmLocale) => ({
  name: say(name, locale),
  color,
  // The other language's name is an alias too, so a zh-CN CRM accepts "Won" and an English one accepts "赢单".
  aliases: [...new Set([locale === 'zh-CN' ? name.en : name.zh, ...aliases])].filter((a) => a !== say(name, locale)),
});

export const INDUSTRIES: readonly { name: Text; color: Color }[] = [
  { name: { zh: '互联网', en: 'Internet' }, color: 'blue' },
  { name: { zh: '金融', en: 'Finance' }, color: 'yellow' },
  { name: { zh: '制造业', en: 'Manufacturing' }, color: 'gray' },
  { name: { zh: '零售', en: 'Retail' }, color: 'pink' },
  { name: { zh: '物流', en: 'Logistics' }, color: 'orange' },
  { name: { zh: '医疗健康', en: 'Healthcare' }, color: 'green' },
  { name: { zh: '教育', en: 'Education' }, color: 'cyan' },
  { name: { zh: '汽车', en: 'Automotive' }, color: 'red' },
  { name: { zh: '能源', en: 'Energy' }, color: 'purple' },
  { name: { zh: '专业服务', en: 'Professional services' }, color: 'blue' },
  { name: { zh: '酒店旅游', en: 'Hospitality' }, color: 'green' },
];

export const TIERS: readonly { name: Text; color: Color }[] = [
  { name: { zh: '战略客户', en: 'Strategic' }, color: 'red' },
  { name: { zh: '重点客户', en: 'Key' }, color: 'orange' },
  { name: { zh: '普通客户', en: 'Standard' }, color: 'gray' },
];

export const SOURCES: readonly { name: Text; color: Color }[] = [
  { name: { zh: '官网咨询', en: 'Website' }, color: 'blue' },
  { name: { zh: '展会', en: 'Trade show' }, color: 'purple' },
  { name: { zh: '客户转介绍', en: 'Referral' }, color: 'green' },
  { name: { zh: '电话开发', en: 'Cold call' }, color: 'orange' },
  { name: { zh: '渠道伙伴', en: 'Partner' }, color: 'cyan' },
  { name: { zh: '线上广告', en: 'Online ads' }, color: 'pink' },
];

export const ACTIVITY_TYPES: readonly { name: Text; color: Color }[] = [
  { name: { zh: '电话', en: 'Call' }, color: 'blue' },
  { name: { zh: '拜访', en: 'Visit' }, color: 'green' },
  { name: { zh: '邮件', en: 'Email' }, color: 'purple' },
  { name: { zh: '备注', en: 'Note' }, color: 'gray' },
];

/** Every field name of the template, by role, so code never spells a name twice. */
export const FIELD_NAMES = {
  customers: {
    company: { zh: '客户名称', en: 'Company' },
    creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
    city: { zh: '城市', en: 'City' },
    industry: { zh: '行业', en: 'Industry' },
    tier: { zh: '客户等级', en: 'Tier' },
    stage: { zh: '阶段', en: 'Stage' },
    owner: { zh: '负责人', en: 'Owner' },
    stageOwner: { zh: '阶段负责人', en: 'Stage owner' },
    contact: { zh: '联系人', en: 'Contact' },
    phone: { zh: '手机', en: 'Mobile' },
    email: { zh: '邮箱', en: 'Email' },
    amount: { zh: '预计月金额', en: 'Expected monthly amount' },
    source: { zh: '来源', en: 'Source' },
    nextFollowUp: { zh: '下次跟进时间', en: 'Next follow-up' },
    possibleDuplicate: { zh: '疑似重复', en: 'Possible duplicate' },
    created: { zh: '创建时间', en: 'Created' },
    modified: { zh: '修改时间', en: 'Modified' },
    contacts: { zh: '联系人列表', en: 'Contact people' },
    opportunities: { zh: '商机', en: 'Opportunities' },
    activities: { zh: '跟进记录', en: 'Activities' },
  },
  contacts: {
    name: { zh: '姓名', en: 'Name' },
    title: { zh: '职务', en: 'Job title' },
    phone: { zh: '手机', en: 'Mobile' },
    email: { zh: '邮箱', en: 'Email' },
    decisionMaker: { zh: '决策人', en: 'Decision maker' },
    activities: { zh: '跟进记录', en: 'Activities' },
    /** Reverse of the customers' link: named after the customers table. */
    customer: { zh: '客户', en: 'Customers' },
    created: { zh: '创建时间', en: 'Created' },
  },
  opportunities: {
    name: { zh: '商机名称', en: 'Opportunity' },
    amount: { zh: '金额', en: 'Amount' },
    closeDate: { zh: '预计成交日期', en: 'Expected close date' },
    stage: { zh: '阶段', en: 'Stage' },
    probability: { zh: '赢率', en: 'Probability' },
    owner: { zh: '负责人', en: 'Owner' },
    created: { zh: '创建时间', en: 'Created' },
    customer: { zh: '客户', en: 'Customers' },
  },
  activities: {
    subject: { zh: '主题', en: 'Subject' },
    type: { zh: '类型', en: 'Type' },
    at: { zh: '时间', en: 'Date' },
    notes: { zh: '内容', en: 'Notes' },
    by: { zh: '跟进人', en: 'By' },
    created: { zh: '创建时间', en: 'Created' },
    customer: { zh: '客户', en: 'Customers' },
    contact: { zh: '联系人', en: 'Contacts' },
  },
} as const satisfies Record<string, Record<string, Text>>;

export const TABLE_NAMES = {
  customers: { zh: '客户', en: 'Customers' },
  contacts: { zh: '联系人', en: 'Contacts' },
  opportunities: { zh: '商机', en: 'Opportunities' },
  activities: { zh: '跟进记录', en: 'Activities' },
} as const satisfies Record<string, Text>;
export type CrmTableKey = keyof typeof TABLE_NAMES;

export const BASE_NAME: Text = { zh: '客户管理', en: 'CRM' };
export const DASHBOARD_NAME: Text = { zh: '销售看板', en: 'Sales dashboard' };

export const VIEW_NAMES = {
  all: { zh: '全部客户', en: 'All customers' },
  mine: { zh: '我的客户', en: 'My customers' },
  byStage: { zh: '按阶段', en: 'By stage' },
  followUps: { zh: '本周待跟进', en: 'Follow-ups this week' },
  duplicates: { zh: '疑似重复', en: 'Possible duplicates' },
  pipeline: { zh: '商机看板', en: 'Pipeline' },
  grid: { zh: '表格', en: 'Grid' },
  calendar: { zh: '跟进日历', en: 'Calendar' },
} as const satisfies Record<string, Text>;

/** The stage options of a single-select field, in funnel order. */
export function stageChoices(locale: CrmLocale) {
  return STAGES.map((s) => option(s.name, s.color, s.aliases, locale));
}
const choicesOf = (list: readonly { name: Text; color: Color }[], locale: CrmLocale) => list.map((o) => option(o.name, o.color, [], locale));

/** Non-link fields of each table, primary field first. Links are added afterwards, from the customers' side. */
export function templateFields(locale: CrmLocale): Record<CrmTableKey, { key: string; input: FieldInput }[]> {
  const n = FIELD_NAMES;
  const f = (key: string, name: Text, rest: Omit<FieldInput, 'name'>) => ({ key, input: { name: say(name, locale), ...rest } as FieldInput });
  const person = { type: 'person', options: { multiple: false } } as const;
  const day = { type: 'date', options: { includeTime: false, timeZone: 'Asia/Shanghai', format: 'yyyy/MM/dd' } } as const;
  const cny = { type: 'currency', options: { precision: 0, thousandsSeparator: true, currency: 'CNY' } } as const;
  const phone = { type: 'phone', options: { defaultCountry: 'CN' } } as const;
  const created = { type: 'createdTime', options: { includeTime: true } } as const;
  const c = n.customers;
  return {
    customers: [
      f('company', c.company, { type: 'text', options: {} }),
      f('creditCode', c.creditCode, { type: 'text', options: {} }),
      f('city', c.city, { type: 'text', options: {} }),
      f('industry', c.industry, { type: 'singleSelect', options: { choices: choicesOf(INDUSTRIES, locale) } }),
      f('tier', c.tier, { type: 'singleSelect', options: { choices: choicesOf(TIERS, locale) } }),
      f('stage', c.stage, { type: 'singleSelect', options: { choices: stageChoices(locale) } }),
      f('owner', c.owner, person),
      f('stageOwner', c.stageOwner, person),
      f('contact', c.contact, { type: 'text', options: {} }),
      f('phone', c.phone, phone),
      f('email', c.email, { type: 'email', options: {} }),
      f('amount', c.amount, cny),
      f('source', c.source, { type: 'singleSelect', options: { choices: choicesOf(SOURCES, locale) } }),
      f('nextFollowUp', c.nextFollowUp, day),
      f('possibleDuplicate', c.possibleDuplicate, { type: 'checkbox', options: {} }),
      f('created', c.created, created),
      f('modified', c.modified, { type: 'modifiedTime', options: { includeTime: true } }),
    ],
    contacts: [
      f('name', n.contacts.name, { type: 'text', options: {} }),
      f('title', n.contacts.title, { type: 'text', options: {} }),
      f('phone', n.contacts.phone, phone),
      f('email', n.contacts.email, { type: 'email', options: {} }),
      f('decisionMaker', n.contacts.decisionMaker, { type: 'checkbox', options: {} }),
      f('created', n.contacts.created, created),
    ],
    opportunities: [
      f('name', n.opportunities.name, { type: 'text', options: {} }),
      f('amount', n.opportunities.amount, cny),
      f('closeDate', n.opportunities.closeDate, day),
      f('stage', n.opportunities.stage, { type: 'singleSelect', options: { choices: stageChoices(locale) } }),
      f('probability', n.opportunities.probability, { type: 'percent', options: { precision: 0, thousandsSeparator: false } }),
      f('owner', n.opportunities.owner, person),
      f('created', n.opportunities.created, created),
    ],
    activities: [
      f('subject', n.activities.subject, { type: 'text', options: {} }),
      f('type', n.activities.type, { type: 'singleSelect', options: { choices: choicesOf(ACTIVITY_TYPES, locale) } }),
      f('at', n.activities.at, { type: 'date', options: { includeTime: true, timeZone: 'Asia/Shanghai', format: 'yyyy/MM/dd' } }),
      f('notes', n.activities.notes, { type: 'longText', options: {} }),
      f('by', n.activities.by, person),
      f('created', n.activities.created, created),
    ],
  };
}
