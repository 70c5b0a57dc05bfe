import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { PersonDto } from '@concord/contracts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { toHalfWidth } from '@concord/table-engine';
import { subtreeIds } from './department.repo.ts';
import { loadDtos } from './person.repo.ts';

export interface PeopleQuery {
  q?: string;
  departmentId?: string;
  /** With departmentId: include people of sub-departments. */
  recursive: boolean;
  includeInactive: boolean;
  pageSize: number;
  pageToken?: string;
}

const cursor = z.tuple([z.number().int(), z.string(), z.string(), z.string()]);
type Cursor = z.infer<typeof cursor>;

const encodeToken = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeToken(token: string): Cursor {
  try {
    return cursor.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation', 'org.people.bad_page_token', {
      en: 'Invalid pageToken; start again from the first page',
      zh: '分页标记无效，请从第一页重新开始',
    });
  }
}

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What a search box text can mean: part of a name, of its pinyin or initials, of an email, or phone digits. */
function terms(raw: string) {
  const text = toHalfWidth(raw).trim();
  const lower = text.toLowerCase();
  const hasHan = /\p{Script=Han}/u.test(text);
  const key = lower.replace(/[\s'’·-]/g, '');
  const digits = text.replace(/[\s\-()+]/g, '');
  return {
    text,
    lower,
    pinyin: !hasHan && /^[a-z0-9]+$/.test(key) ? key : null,
    digits: /^\d{3,}$/.test(digits) ? digits : null,
  };
}

/** 0 = exact match (name, email, pinyin or initials), 1 = prefix match, 2 = anything else. */
function rankOf(t: ReturnType<typeof terms>) {
  const exact = [sql`u.name = ${t.text}`, sql`lower(u.email) = ${t.lower}`];
  const prefix = [sql`u.name ilike ${esc(t.text) + '%'}`, sql`lower(u.email) like ${esc(t.lower) + '%'}`];
  if (t.pinyin) {
    exact.push(sql`u.name_pinyin = ${t.pinyin}`, sql`u.name_initials = ${t.pinyin}`);
    prefix.push(sql`u.name_pinyin like ${t.pinyin + '%'}`, sql`u.name_initials like ${t.pinyin + '%'}`);
  }
  if (t.digits) prefix.push(sql`u.mobile like ${'+86' + t.digits + '%'}`, sql`u.mobile like ${'+' + t.digits + '%'}`);
  return sql<number>`case when ${sql.join(exact, sql` or `)} then 0 when ${sql.join(prefix, sql` or `)} then 1 else 2 end`;
}

/**
 * Directory search with keyset paging. Matches name (汉字, case-insensitive), full pinyin anywhere ("wei" finds 张伟),
 * initials from the start ("zw"), email anywhere and phone digits; exact matches rank first, then prefixes, then the
 * rest, each by pinyin (the order Chinese users expect for names), then name and id so the order is total.
 */
export async function searchPeople(db: Db, query: PeopleQuery): Promise<{ items: PersonDto[]; nextPageToken: string | null; total: number }> {
  let departmentIds: string[] | null = null;
  if (query.departmentId) {
    departmentIds = query.recursive ? await subtreeIds(db, query.departmentId) : [query.departmentId];
    const exists = await db.selectFrom('departments').select('id').where('id', '=', query.departmentId).executeTakeFirst();
    if (!exists)
      throw new AppError('not_found', 'org.department.not_found', {
        en: `Department not found: ${query.departmentId}`,
        zh: `找不到部门：${query.departmentId}`,
      });
  }
  const t = query.q ? terms(query.q) : null;

  const base = db.selectFrom('users as u').where((eb) => {
    const and: Expression<SqlBool>[] = [];
    if (!query.includeInactive) and.push(eb('u.active', '=', true));
    if (departmentIds) {
      and.push(
        eb.exists(
          eb.selectFrom('user_departments as ud').select('ud.user_id').whereRef('ud.user_id', '=', 'u.id').where('ud.department_id', 'in', departmentIds),
        ),
      );
    }
    if (t && t.text) {
      const or: Expression<SqlBool>[] = [eb('u.name', 'ilike', `%${esc(t.text)}%`), eb(eb.fn('lower', ['u.email']), 'like', `%${esc(t.lower)}%`)];
      if (t.pinyin) or.push(eb('u.name_pinyin', 'like', `%${t.pinyin}%`), eb('u.name_initials', 'like', `${t.pinyin}%`));
      if (t.digits) or.push(eb('u.mobile', 'like', `%${t.digits}%`));
      and.push(eb.or(or));
    }
    return eb.and(and);
  });

  const rank = t && t.text ? rankOf(t) : sql<number>`0`;

  let page = db
    .selectFrom(base.select(['u.id', 'u.name', 'u.name_pinyin', rank.as('rank')]).as('p'))
    .select(['p.id', 'p.name', 'p.name_pinyin', 'p.rank'])
    .orderBy('p.rank')
    .orderBy('p.name_pinyin')
    .orderBy('p.name')
    .orderBy('p.id')
    .limit(query.pageSize + 1);
  if (query.pageToken) {
    const [r, k, name, id] = decodeToken(query.pageToken);
    page = page.where(sql<SqlBool>`(p.rank, p.name_pinyin, p.name, p.id) > (${r}, ${k}, ${name}, ${id})`);
  }
  const rows = await page.execute();
  const more = rows.length > query.pageSize;
  const shown = rows.slice(0, query.pageSize);
  const last = shown[shown.length - 1];
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return {
    items: await loadDtos(
      db,
      shown.map((r) => r.id),
    ),
    nextPageToken: more && last ? encodeToken([Number(last.rank), last.name_pinyin, last.name, last.id]) : null,
    total: Number(total.n),
  };
}
