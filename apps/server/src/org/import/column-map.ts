import { toHalfWidth } from '@concord/table-engine';

export type ImportKind = 'departments' | 'people';

/** Header synonyms per field (Chinese and English, as Feishu, DingTalk and WeCom exports name them). */
export const COLUMNS = {
  departments: {
    name: ['部门名称', '部门', '名称', '部门名', 'department', 'departmentname', 'name'],
    parent: ['上级部门', '父部门', '上级', '所属部门', 'parent', 'parentdepartment'],
    head: ['负责人', '部门负责人', '主管', 'head', 'leader', 'manager'],
    order: ['排序', '顺序', '序号', 'order', 'sort'],
  },
  people: {
    name: ['姓名', '名字', '名称', 'name', 'fullname'],
    email: ['邮箱', '电子邮箱', '邮件', '邮箱地址', '企业邮箱', 'email', 'mail', 'emailaddress'],
    mobile: ['手机', '手机号', '手机号码', '电话', '联系电话', 'mobile', 'phone', 'phonenumber', 'mobilephone', 'tel'],
    title: ['职位', '职务', '岗位', 'title', 'jobtitle', 'position'],
    departments: ['部门', '所属部门', '部门路径', 'department', 'departments'],
    manager: ['直属上级', '上级', '直接上级', '汇报对象', 'manager', 'reportsto'],
    locale: ['语言', 'locale', 'language'],
    timeZone: ['时区', 'timezone', 'tz'],
    role: ['角色', '权限', 'role'],
  },
} as const;

export type FieldOf<K extends ImportKind> = keyof (typeof COLUMNS)[K] & string;
export const REQUIRED: { [K in ImportKind]: FieldOf<K>[] } = { departments: ['name'], people: ['name', 'email'] };

/** "邮箱（必填）", "E-mail *", "Time zone" → "邮箱", "email", "timezone". */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s*:_\-.]/g, '');
}

export interface ColumnMapping<K extends ImportKind> {
  /** Header text → field (null = ignored), for the report. */
  mapping: Record<string, string | null>;
  /** Field → column index. */
  columns: Partial<Record<FieldOf<K>, number>>;
  missing: FieldOf<K>[];
}

/** Maps each header to the first field whose synonyms contain it; a field is taken by its first column only. */
export function mapColumns<K extends ImportKind>(kind: K, header: readonly string[]): ColumnMapping<K> {
  const synonyms = COLUMNS[kind] as Record<FieldOf<K>, readonly string[]>;
  const fields = Object.keys(synonyms) as FieldOf<K>[];
  const columns: Partial<Record<FieldOf<K>, number>> = {};
  const mapping: Record<string, string | null> = {};
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const key = headerKey(h);
    const field = fields.find((f) => columns[f] === undefined && synonyms[f].some((s) => headerKey(s) === key));
    if (field) columns[field] = i;
    if (!(h in mapping) || field) mapping[h] = field ?? null;
  });
  return { mapping, columns, missing: REQUIRED[kind].filter((f) => columns[f] === undefined) };
}
