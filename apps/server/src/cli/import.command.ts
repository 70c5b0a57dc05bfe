import fs from 'node:fs';
import path from 'node:path';
import { getTable, importTable } from '@concord/contracts';
import { CliError, defineCommand } from './command.ts';

/** "Header=Field,Header2=Field2" → {Header: Field}; field names or ids. */
function parseMap(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError('cli.bad_map', `--map expects "Header=Field,…", got "${pair}"`, 2);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import a CSV or XLSX file into a Base table, with duplicate detection; prints the per-row report as JSON',
  details: [
    'CSV may be UTF-8 (with or without BOM), GBK or GB18030 (detected); XLSX may have title rows above the header (detected).',
    'Columns map to fields by name and common synonyms (公司名/客户名称/Company …); --map corrects them (use "Header=" to skip a column).',
    "With --dedup and a duplicate rule on the table, rows matching an existing record (or an earlier row) above the rule's high",
    'threshold are merged into it, rows between the thresholds are created and flagged for review. One transaction per import.',
  ].join('\n'),
  positionals: 'FILE',
  options: {
    app: { type: 'string', valueName: 'APP_TOKEN', required: true, description: 'The base (app_token)' },
    table: { type: 'string', valueName: 'TABLE_ID', required: true, description: 'The table to import into' },
    sheet: { type: 'string', valueName: 'NAME', description: 'XLSX sheet (default: the first with data)' },
    'header-row': { type: 'string', valueName: 'N', description: 'Row number of the header (default: detected)' },
    encoding: { type: 'string', valueName: 'utf8|gbk|gb18030', description: 'CSV encoding (default: detected)' },
    map: { type: 'string', valueName: 'H=F,…', description: 'Column → field mapping corrections' },
    dedup: { type: 'boolean', description: "Detect duplicates with the table's rule (merge / flag)" },
    'dry-run': { type: 'boolean', description: 'Report what would happen without writing' },
    report: { type: 'string', valueName: 'OUT.json', description: 'Also write the report to this file' },
  },
  async run(ctx, v, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('cli.usage', 'give exactly one FILE to import', 2);
    if (v.encoding && !['utf8', 'gbk', 'gb18030'].includes(v.encoding)) throw new CliError('cli.usage', '--encoding must be utf8, gbk or gb18030', 2);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      throw new CliError('cli.file', `cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const table = await ctx.server.call(getTable, { params: { tableId: v.table } });
    if (table.baseId !== v.app) throw new CliError('base.table.not_found', `table ${v.table} is not in base ${v.app}`);
    const map = parseMap(v.map);
    const mapping = map
      ? Object.fromEntries(Object.entries(map).map(([h, f]) => [h, f === '' ? null : (table.fields.find((x) => x.name === f || x.id === f)?.id ?? f)]))
      : undefined;
    ctx.info(`importing ${path.basename(file)} (${bytes.length.toLocaleString('en')} bytes) into ${table.name}…`);
    const report = await ctx.server.call(
      importTable,
      {
        params: { tableId: v.table },
        query: {
          filename: path.basename(file),
          ...(v.sheet ? { sheet: v.sheet } : {}),
          ...(v['header-row'] ? { headerRow: Number(v['header-row']) } : {}),
          ...(v.encoding ? { encoding: v.encoding as 'utf8' | 'gbk' | 'gb18030' } : {}),
          ...(mapping ? { map: JSON.stringify(mapping) } : {}),
          dedup: v.dedup ? 'true' : 'false',
          dryRun: v['dry-run'] ? 'true' : 'false',
        },
      },
      { body: bytes, contentType: 'application/octet-stream' },
    );
    ctx.info(`${report.created} created, ${report.merged} merged, ${report.flagged} flagged, ${report.skipped} skipped, ${report.errors} errors`);
    if (v.report) fs.writeFileSync(v.report, JSON.stringify(report, null, 2));
    return report;
  },
});
