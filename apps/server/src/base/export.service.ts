import ExcelJS from 'exceljs';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { cellText } from './cell-text.ts';
import { columnSpecs } from './field-columns.ts';
import * as repo from './record.repo.ts';
import { readScope } from './read-scope.ts';

const PAGE = 5000;

/** A view's rows as text: its filter, sort, field order and hidden fields; header = field names. */
async function viewRows(deps: Deps, ctx: RequestContext, tableId: string, viewId?: string): Promise<{ name: string; header: string[]; rows: string[][] }> {
  const { table, access, related, view, where } = await readScope(deps, ctx, tableId, { viewId, firstViewByDefault: true });
  const order = view?.config.fieldOrder ?? [];
  const rank = (id: string) => (order.indexOf(id) < 0 ? order.length + table.fields.findIndex((f) => f.id === id) : order.indexOf(id));
  const fields = table.fields.filter((f) => !access.hidden.has(f.id) && !view?.config.hiddenFieldIds.includes(f.id)).sort((a, b) => rank(a.id) - rank(b.id));
  const rows: string[][] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await repo.findPage(deps.db, table, related, fields, { where, sort: view?.config.sort ?? [], offset, limit: PAGE, withTotal: false });
    const names = await personNames(
      deps,
      page.rows.flatMap((r) => fields.filter((f) => ['person', 'createdBy', 'modifiedBy'].includes(f.type)).flatMap((f) => [r.values[f.id]].flat())),
    );
    for (const r of page.rows) {
      rows.push(
        fields.map((f) => {
          const v = columnSpecs[f.type].fromDb(f, r.values[f.id]);
          return cellText(
            f,
            Array.isArray(v)
              ? v.map((x) => (x && typeof x === 'object' && 'id' in x && names.has(String(x.id)) ? { ...x, name: names.get(String(x.id)) } : x))
              : v,
          );
        }),
      );
    }
    if (page.rows.length < PAGE) break;
  }
  return { name: `${table.name}${view ? `-${view.name}` : ''}`, header: fields.map((f) => f.name), rows };
}

async function personNames(deps: Deps, ids: unknown[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  if (list.length === 0) return new Map();
  const rows = await deps.db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** CSV in UTF-8 with a BOM and CRLF line ends, which Excel (and WPS) in China open without garbling Chinese. */
export async function exportCsv(deps: Deps, ctx: RequestContext, tableId: string, viewId?: string): Promise<{ filename: string; body: Buffer }> {
  const { name, header, rows } = await viewRows(deps, ctx, tableId, viewId);
  const text = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
  return { filename: `${name}.csv`, body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8') };
}

export async function exportXlsx(deps: Deps, ctx: RequestContext, tableId: string, viewId?: string): Promise<{ filename: string; body: Buffer }> {
  const { name, header, rows } = await viewRows(deps, ctx, tableId, viewId);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return { filename: `${name}.xlsx`, body: Buffer.from(await book.xlsx.writeBuffer()) };
}
