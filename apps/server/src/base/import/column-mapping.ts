import { toHalfWidth, type FieldMeta } from '@concord/table-engine';

/** Headers that mean the same thing in the spreadsheets sales teams keep (Chinese and English). */
const SYNONYMS: readonly (readonly string[])[] = [
  [
    '客户名称',
    '公司名称',
    '公司名',
    '客户名',
    '公司',
    '客户',
    '企业名称',
    '单位名称',
    '客户全称',
    'company',
    'companyname',
    'customer',
    'customername',
    'account',
    'accountname',
  ],
  ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话', 'mobile', 'phone', 'tel', 'telephone', 'cellphone'],
  ['邮箱', '电子邮箱', '邮件', '电子邮件', 'email', 'e-mail', 'mail'],
  ['负责人', '销售', '客户经理', '跟进人', '销售负责人', '归属销售', 'owner', 'sales', 'salesrep', 'accountmanager'],
  ['统一社会信用代码', '信用代码', '社会信用代码', '税号', 'uscc', 'creditcode', 'taxid'],
  ['城市', '所在城市', '地区', 'city', 'region'],
  ['行业', '所属行业', 'industry'],
  ['阶段', '客户阶段', '销售阶段', '状态', 'stage', 'status'],
  ['联系人', '联系人姓名', '对接人', 'contact', 'contactname'],
  ['来源', '客户来源', '线索来源', '渠道', 'source', 'leadsource', 'channel'],
  ['客户等级', '等级', '级别', 'level', 'tier', 'grade'],
  ['预计月金额', '预计金额', '金额', '月金额', 'amount', 'expectedamount', 'monthlyamount'],
  ['下次跟进时间', '下次跟进', '跟进时间', 'nextfollowup', 'followupdate'],
  ['备注', '说明', '描述', 'notes', 'note', 'remark', 'remarks', 'description'],
];

/** Case, width, spaces and punctuation do not matter when comparing a header to a field name. */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s_\-:：()（）*＊/]/g, '');
}

function group(key: string): number {
  return SYNONYMS.findIndex((g) => g.some((s) => headerKey(s) === key));
}

/**
 * Maps each header to a writable field: the same name first, then a field in the same synonym group.
 * A field is used once; headers that match nothing map to null.
 */
export function autoMap(headers: readonly string[], fields: readonly FieldMeta[]): Record<string, string | null> {
  const used = new Set<string>();
  const out: Record<string, string | null> = {};
  const byKey = new Map(fields.map((f) => [headerKey(f.name), f]));
  for (const h of headers) {
    const f = byKey.get(headerKey(h));
    if (f && !used.has(f.id)) {
      out[h] = f.id;
      used.add(f.id);
    }
  }
  for (const h of headers) {
    if (out[h] !== undefined || !h.trim()) continue;
    const g = group(headerKey(h));
    const f = g < 0 ? undefined : fields.find((x) => !used.has(x.id) && group(headerKey(x.name)) === g);
    out[h] = f ? f.id : null;
    if (f) used.add(f.id);
  }
  return out;
}
