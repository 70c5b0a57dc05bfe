import { email as emailSchema, type Locale, type Role } from '@concord/contracts';
import type { ImportRun, RowResult, SourceRow } from './import-row.ts';
import { attempt, failed } from './import-row.ts';
import { DepartmentIndex } from './department-index.ts';
import { toHalfWidth } from '@concord/table-engine';
import * as departments from '../department.repo.ts';
import * as people from '../person.repo.ts';
import { findPersonByNameEmailOrPhone, writeNewPerson, writePersonPatch, type PersonPatch } from '../person.service.ts';

type Field = 'name' | 'email' | 'mobile' | 'title' | 'departments' | 'manager' | 'locale' | 'timeZone' | 'role';

const LOCALES: Record<string, Locale> = {
  'zh-cn': 'zh-CN',
  zh: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
  'zh-hans': 'zh-CN',
  en: 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
  'en-us': 'en',
};
const ROLES: Record<string, Role> = {
  admin: 'admin',
  administrator: 'admin',
  管理员: 'admin',
  member: 'member',
  成员: 'member',
  普通成员: 'member',
  员工: 'member',
};

const cell = (r: SourceRow<Field>, f: Field) => toHalfWidth(r.cells[f] ?? '').trim();

/**
 * Upserts people by email. Cells left empty keep what an existing person has. Managers are set in a second pass,
 * so a manager may appear further down the file; an unknown manager is a warning, not an error.
 */
export async function importPeopleRows(run: ImportRun, rows: SourceRow<Field>[]): Promise<RowResult[]> {
  const { t, trx } = run;
  const index = new DepartmentIndex(await departments.listAll(trx));
  const results = new Map<number, RowResult>();
  const seenEmails = new Map<string, number>();
  const placed: { row: SourceRow<Field>; id: string }[] = [];

  for (const r of rows) {
    const problem = (en: string, zh: string) => results.set(r.row, failed(r.row, t({ en, zh })));
    const name = (r.cells.name ?? '').trim();
    const parsedEmail = emailSchema.safeParse(cell(r, 'email'));
    if (!name) {
      problem('The name is empty', '姓名为空');
      continue;
    }
    if (!parsedEmail.success) {
      problem(`Not a valid email: ${cell(r, 'email') || '(empty)'}`, `邮箱无效：${cell(r, 'email') || '（空）'}`);
      continue;
    }
    const email = parsedEmail.data;
    const dup = seenEmails.get(email);
    if (dup !== undefined) {
      problem(`Same email as row ${dup}`, `与第 ${dup} 行邮箱重复`);
      continue;
    }
    seenEmails.set(email, r.row);

    const patch: PersonPatch = { name, email };
    const localeText = cell(r, 'locale');
    if (localeText) {
      const locale = LOCALES[localeText.toLowerCase()];
      if (!locale) {
        problem(`Unknown language: ${localeText} (use zh-CN or en)`, `未知语言：${localeText}（可填 zh-CN 或 en）`);
        continue;
      }
      patch.locale = locale;
    }
    const roleText = cell(r, 'role');
    if (roleText) {
      const role = ROLES[roleText.toLowerCase()];
      if (!role) {
        problem(`Unknown role: ${roleText} (use admin or member)`, `未知角色：${roleText}（可填 管理员 或 成员）`);
        continue;
      }
      patch.role = role;
    }
    const departmentText = cell(r, 'departments');
    if (departmentText) {
      const ids = resolveDepartments(index, departmentText, t);
      if (typeof ids === 'string') {
        results.set(r.row, failed(r.row, ids));
        continue;
      }
      patch.departmentIds = ids;
    }
    if (cell(r, 'mobile')) patch.mobile = cell(r, 'mobile');
    if (cell(r, 'title')) patch.title = (r.cells.title ?? '').trim();
    if (cell(r, 'timeZone')) patch.timeZone = cell(r, 'timeZone');

    const existing = await people.findByEmail(trx, email);
    const outcome = await attempt(run, async () => {
      if (!existing) return { id: await writeNewPerson(trx, { ...patch, name, email }), action: 'created' as const };
      const changed = await writePersonPatch(trx, run.now, existing.id, patch);
      return { id: existing.id, action: changed ? ('updated' as const) : ('skipped' as const) };
    });
    if (!outcome.ok) {
      results.set(r.row, failed(r.row, outcome.error));
      continue;
    }
    results.set(r.row, { row: r.row, action: outcome.value.action, id: outcome.value.id, warnings: [], error: null });
    placed.push({ row: r, id: outcome.value.id });
  }

  // Second pass: everyone in the file now exists, so managers can point at people further down.
  for (const { row: r, id } of placed) {
    const managerText = (r.cells.manager ?? '').trim();
    if (!managerText) continue;
    const result = results.get(r.row)!;
    const match = await findPersonByNameEmailOrPhone(trx, managerText);
    if (match.kind === 'none') {
      result.warnings.push(t({ en: `Manager not found, left unchanged: ${managerText}`, zh: `找不到直属上级“${managerText}”，未修改` }));
      continue;
    }
    if (match.kind === 'ambiguous') {
      result.warnings.push(t({ en: `Several people match manager “${managerText}”; use an email`, zh: `有多人匹配直属上级“${managerText}”，请改用邮箱` }));
      continue;
    }
    const set = await attempt(run, () => writePersonPatch(trx, run.now, id, { managerId: match.person.id }));
    if (!set.ok) results.set(r.row, failed(r.row, set.error, result.warnings));
    else if (set.value && result.action === 'skipped') result.action = 'updated';
  }
  return [...results.values()];
}

/** "技术中心/平台部; 市场部" → department ids, or the message for the first one that cannot be found. */
function resolveDepartments(index: DepartmentIndex, text: string, t: ImportRun['t']): string[] | string {
  const ids: string[] = [];
  for (const part of text
    .split(/[;；、,，\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const found = index.resolve(part, true);
    if (found.kind === 'none') return t({ en: `Department not found: ${part}`, zh: `找不到部门：${part}` });
    if (found.kind === 'ambiguous') {
      return t({
        en: `Several departments are named “${part}” (${found.paths.join(', ')}); write the path`,
        zh: `有多个名为“${part}”的部门（${found.paths.join('、')}），请填写完整路径`,
      });
    }
    ids.push(found.node.id);
  }
  return ids;
}
