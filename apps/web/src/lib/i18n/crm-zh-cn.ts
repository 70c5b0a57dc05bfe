import type { crmEn } from './crm-en.ts';

/** CRM 页面的中文文案（并入 zh-cn.ts）。 */
export const crmZhCN: Record<keyof typeof crmEn, string> = {
  'crm.title': '客户管理',
  'crm.subtitle': '从线索到赢单管理企业客户：基于多维表格的关联表、阶段负责人和实时销售看板。',
  'crm.empty': '还没有客户管理',
  'crm.emptyHint': '从模板创建：客户、联系人、商机和跟进记录，开箱即用。',
  'crm.create': '创建客户管理',
  'crm.createAnother': '新建客户管理',
  'crm.locale': '模板语言',
  'crm.locale.zh': '简体中文（客户管理）',
  'crm.locale.en': '英文（CRM）',
  'crm.localeHint': '数据表、字段、阶段和视图的名称。',
  'crm.demo': '演示',
  'crm.customers': '客户',
  'crm.dashboard': '销售看板',
  'crm.opportunities': '商机',
  'crm.activities': '跟进记录',
  'crm.owners.title': '阶段负责人',
  'crm.owners.stage': '阶段',
  'crm.owners.pool': '轮流分配给',
  'crm.owners.change': '交给部门',
  'crm.owners.changeFor': '将「{stage}」交给部门',
  'crm.owners.people': '指定人员',
  'crm.owners.nobody': '暂无',
  'crm.owners.hint': '客户进入某阶段时，会分配并通知该阶段的下一位负责人。也可在客户表的“自动化”中修改规则。',
};
