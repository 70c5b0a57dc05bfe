import type { ImportReport } from '@concord/contracts';
import type { Deps } from '../../platform/deps.ts';
import type { RequestContext } from '../../platform/http/actor.ts';
import { AppError, localize } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { publish } from '../../platform/events.ts';
import { findHeaderRow, readSpreadsheet, type Sheet } from '../../platform/spreadsheet/read-spreadsheet.ts';
import { lockTree } from '../department.repo.ts';
import { mapColumns, type FieldOf, type ImportKind } from './column-map.ts';
import type { ImportRun, RowResult, SourceRow } from './import-row.ts';
import { importDepartmentRows } from './department-import.ts';
import { importPeopleRows } from './people-import.ts';

const MAX_ROWS = 20_000;

export interface ImportInput {
  kind: ImportKind;
  filename: string;
  dryRun: boolean;
  bytes: Uint8Array | null;
}

/** Carries the report out of a transaction that must roll back (a dry run, or rows with errors). */
class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('rollback');
  }
}

/** The first sheet whose header row has the required columns, with its data rows keyed by field. */
function pickTable<K extends ImportKind>(sheets: Sheet[], kind: K) {
  let firstMissing: { mapping: Record<string, string | null>; missing: string[] } | null = null;
  for (const sheet of sheets) {
    const at = findHeaderRow(sheet.rows);
    if (at < 0) continue;
    const m = mapColumns(kind, sheet.rows[at]!);
    if (m.missing.length > 0) {
      firstMissing ??= { mapping: m.mapping, missing: m.missing };
      continue;
    }
    const rows: SourceRow<FieldOf<K>>[] = [];
    sheet.rows.slice(at + 1).forEach((cells, i) => {
      if (cells.every((c) => c === '')) return;
      const picked: Partial<Record<FieldOf<K>, string>> = {};
      for (const [field, col] of Object.entries(m.columns) as [FieldOf<K>, number][]) picked[field] = cells[col] ?? '';
      rows.push({ row: i + 1, cells: picked });
    });
    return { mapping: m.mapping, rows };
  }
  if (!firstMissing) throw new AppError('validation', 'org.import.empty', { en: 'The file has no rows', zh: '文件中没有数据' });
  const need = kind === 'people' ? '姓名/Name, 邮箱/Email' : '部门名称/Department';
  throw new AppError(
    'validation',
    'org.import.missing_columns',
    { en: `Required columns not found (${need}); check the header row`, zh: `缺少必需的列（${need}），请检查表头` },
    firstMissing,
  );
}

function summarise(kind: ImportKind, dryRun: boolean, mapping: Record<string, string | null>, rows: RowResult[]): ImportReport {
  const count = (a: RowResult['action']) => rows.filter((r) => r.action === a).length;
  return {
    kind,
    dryRun,
    created: count('created'),
    updated: count('updated'),
    skipped: count('skipped'),
    errors: count('error'),
    mapping,
    rows: [...rows].sort((a, b) => a.row - b.row),
  };
}

/**
 * Imports departments or people from a CSV or XLSX file, all or nothing: rows with errors roll everything back and
 * the error carries the full report (`details.report`), so the user sees every bad row at once. A dry run reports
 * without writing.
 */
export async function importDirectory(deps: Deps, ctx: RequestContext, input: ImportInput): Promise<ImportReport> {
  if (!input.bytes || input.bytes.length === 0) {
    throw new AppError('validation', 'org.import.empty', { en: 'Upload a CSV or XLSX file as the request body', zh: '请上传 CSV 或 XLSX 文件' });
  }
  const { sheets } = await readSpreadsheet(input.bytes, input.filename);
  const table = pickTable(sheets, input.kind);
  if (table.rows.length > MAX_ROWS) {
    throw new AppError('validation', 'org.import.too_many_rows', { en: `At most ${MAX_ROWS} rows per import`, zh: `每次最多导入 ${MAX_ROWS} 行` });
  }
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockTree(trx);
      const run: ImportRun = { trx, now: deps.clock.now(), t: (text) => localize(text, ctx.locale) };
      const rows =
        input.kind === 'departments'
          ? await importDepartmentRows(run, table.rows as SourceRow<FieldOf<'departments'>>[])
          : await importPeopleRows(run, table.rows as SourceRow<FieldOf<'people'>>[]);
      const report = summarise(input.kind, input.dryRun, table.mapping, rows);
      if (report.errors > 0 || input.dryRun) throw new Rollback(report);
      const changed = report.created + report.updated;
      await audit(trx, ctx, 'org.import', null, {
        kind: input.kind,
        filename: input.filename,
        created: report.created,
        updated: report.updated,
        skipped: report.skipped,
      });
      await publish(trx, ['org'], {
        type: 'org.directory.imported',
        departments: input.kind === 'departments' ? changed : 0,
        people: input.kind === 'people' ? changed : 0,
      });
      return report;
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
    if (err.report.errors === 0 || input.dryRun) return err.report;
    throw new AppError(
      'validation',
      'org.import.row_errors',
      { en: `${err.report.errors} row(s) have errors; nothing was imported`, zh: `有 ${err.report.errors} 行存在错误，未导入任何数据` },
      { report: err.report },
    );
  }
}
