import type { z } from 'zod';
import type { importOptions, importPreview, ImportRowReport, TableImportReport } from '@concord/contracts';
import { fieldTypeDefs } from '@concord/table-engine';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { findHeaderRow, readSpreadsheet } from '../../platform/spreadsheet/read-spreadsheet.ts';
import { loadDirectoryIndex } from '../../org/index.ts';
import { tidyDedupKeys } from '../duplicate-keys.ts';
import { assertWritable, tableAccess } from '../table-access.ts';
import { loadTable, type TableMeta } from '../table-meta.ts';
import { autoMap } from './column-mapping.ts';
import { decideDuplicates, type RowDecision } from './import-dedup.ts';
import { prepareRows } from './import-rows.ts';
import { writeImport, type ImportWrites } from './import-write.ts';
import type { ImportProgress } from './import-progress.ts';

type Options = z.output<typeof importOptions>;

const noData = () => new AppError('validation', 'base.import.empty', { en: 'The file has no data rows', zh: '文件中没有数据行' });

/** The sheet, header row, headers, data rows and column mapping an import will use. */
async function readInput(table: TableMeta, bytes: Buffer | null, o: Options) {
  if (!bytes?.length) throw noData();
  const book = await readSpreadsheet(bytes, o.filename, o.encoding);
  const sheet = o.sheet ? book.sheets.find((s) => s.name === o.sheet) : book.sheets.find((s) => s.rows.length > 0);
  if (!sheet)
    throw new AppError('validation', 'base.import.no_sheet', { en: `No sheet ${o.sheet ?? ''} with data`, zh: `没有包含数据的工作表 ${o.sheet ?? ''}` });
  const headerIndex = o.headerRow ? o.headerRow - 1 : findHeaderRow(sheet.rows);
  const headers = (sheet.rows[headerIndex] ?? []).map((h) => h.trim());
  const data = sheet.rows.slice(headerIndex + 1);
  const writable = table.fields.filter((f) => fieldTypeDefs[f.type].writable && f.type !== 'link' && f.type !== 'attachment');
  const mapping = autoMap(headers, writable);
  if (o.map) {
    let overrides: Record<string, unknown>;
    try {
      overrides = JSON.parse(o.map) as Record<string, unknown>;
    } catch {
      throw new AppError('validation', 'base.import.bad_map', { en: 'The column mapping is not valid JSON', zh: '列映射不是有效的 JSON' });
    }
    for (const [header, target] of Object.entries(overrides)) {
      const field = typeof target === 'string' ? (table.byId.get(target) ?? table.byName.get(target)) : undefined;
      if (target !== null && !field)
        throw new AppError('validation', 'base.import.bad_map', {
          en: `No field ${String(target)} for column ${header}`,
          zh: `列 ${header} 对应的字段 ${String(target)} 不存在`,
        });
      mapping[header] = field?.id ?? null;
    }
  }
  return { book, sheet, headerIndex, headers, data, mapping };
}

export async function previewImport(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  bytes: Buffer | null,
  o: Options,
): Promise<z.infer<typeof importPreview>> {
  const table = await loadTable(deps.db, tableId);
  await tableAccess(deps.db, ctx.actor, table, 'edit');
  const { book, sheet, headerIndex, headers, data, mapping } = await readInput(table, bytes, o);
  return {
    sheets: book.sheets.map((s) => s.name),
    sheet: sheet.name,
    headerRow: headerIndex + 1,
    headers,
    mapping,
    sample: data.slice(0, 10),
    rowCount: data.length,
  };
}

/**
 * Imports a spreadsheet into a table. Everything is decided first (conversion, duplicates against existing records
 * and earlier rows), then written in ONE transaction: a failure leaves the table as it was.
 */
export async function importTable(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  bytes: Buffer | null,
  o: Options,
  progress?: ImportProgress,
): Promise<TableImportReport> {
  progress?.report('reading', 0, 0);
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'edit');
  const { data, headers, mapping } = await readInput(table, bytes, o);
  if (data.length === 0) throw noData();
  assertWritable(
    access,
    table,
    Object.values(mapping).filter((v): v is string => !!v),
  );
  const rows = prepareRows(data, headers, mapping, table.byId, await loadDirectoryIndex(deps.db), ctx.locale);
  const live = rows.filter((r) => !r.empty);
  const matched = (done: number) => progress?.report('matching', done, live.length);
  matched(0);
  const dedup = o.dedup === 'true' && table.dedup ? await decideDuplicates(deps.db, table, table.dedup, live, ctx.locale, matched) : null;
  const decisions: RowDecision[] = dedup?.decisions ?? live.map(() => ({ kind: 'new', flaggedWith: [] }));
  matched(live.length);
  const written = (share: number) => progress?.report('writing', Math.round(share * live.length), live.length);

  // Record ids for new rows, then where every merge lands.
  const idOf = live.map((_, i) => (decisions[i]!.kind === 'new' ? newId('rec', 14) : null));
  // An earlier row stands for the record it became: its own new record, or the one it merged into.
  const target = (t: string | number): string => {
    if (typeof t === 'string') return t;
    const d = decisions[t]!;
    return d.kind === 'merge' ? target(d.into) : idOf[t]!;
  };
  const report: ImportRowReport[] = rows.map((r) => ({ row: r.row, action: 'skipped', record_id: null, matches: [], warnings: r.warnings, error: null }));
  const created: ImportWrites['created'] = [];
  // Values of records this import creates, by id: a later row merging into one fills it before it is written.
  const createdValues = new Map<string, Map<string, unknown>>();
  const fills: ImportWrites['fills'] = new Map();
  const pairs: ImportWrites['pairs'] = [];
  // With dedup on, the new records' keys were made while deciding; only fields later rows fill in still need theirs.
  const createdKeys: NonNullable<ImportWrites['createdKeys']> = [];
  const createdFills = new Map<string, Map<string, unknown>>();
  live.forEach((row, i) => {
    const d = decisions[i]!;
    const entry = report[row.row - 1]!;
    if (d.kind === 'new') {
      const id = idOf[i]!;
      created.push({ id, values: row.values });
      createdValues.set(id, row.values);
      if (dedup) for (const k of dedup.storedKeys(i)) createdKeys.push({ record_id: id, ...k });
      entry.action = d.flaggedWith.length ? 'flagged' : 'created';
      entry.record_id = o.dryRun === 'true' ? null : id;
      // An earlier row and the record it merged into are one match, not two.
      const flagged = [...new Map(d.flaggedWith.map((m) => [target(m.recordId), m])).entries()];
      entry.matches = flagged.map(([recordId, m]) => ({ record_id: recordId, score: m.score, reasons: m.reasons }));
      for (const [recordId, m] of flagged) pairs.push({ recordId: id, match: { recordId, score: m.score, decision: 'flag', reasons: m.evidence, title: '' } });
      return;
    }
    const into = target(d.into);
    entry.action = 'merged';
    entry.record_id = into;
    entry.matches = [{ record_id: into, score: d.score, reasons: d.reasons }];
    // A merge fills what the surviving record lacks; it never overwrites what someone typed there.
    const pending = createdValues.get(into) ?? fills.get(into) ?? new Map<string, unknown>();
    for (const [k, v] of row.values)
      if (!pending.has(k)) {
        pending.set(k, v);
        if (createdValues.has(into)) createdFills.set(into, (createdFills.get(into) ?? new Map<string, unknown>()).set(k, v));
      }
    if (!createdValues.has(into)) fills.set(into, pending);
  });

  const writes: ImportWrites = {
    created,
    fills,
    pairs,
    ...(dedup ? { createdKeys, createdFills: [...createdFills].map(([id, values]) => ({ id, values })) } : {}),
  };
  if (o.dryRun !== 'true') {
    await writeImport(deps, ctx, table, writes, written);
    // In the background: the next import or check finds the new keys from the index alone.
    if (dedup && createdKeys.length >= TIDY_AFTER_KEYS) void tidyDedupKeys(deps.db);
  }
  // The last report goes out before the response, so a client never sees the report ahead of its progress.
  await progress?.flush();
  const count = (a: ImportRowReport['action']) => report.filter((r) => r.action === a).length;
  return {
    dryRun: o.dryRun === 'true',
    created: count('created'),
    merged: count('merged'),
    flagged: count('flagged'),
    skipped: count('skipped'),
    errors: count('error'),
    mapping,
    rows: report,
  };
}

/** New key rows from which an import vacuums the key table afterwards (~1,000 new records). */
const TIDY_AFTER_KEYS = 10_000;
