import ExcelJS from 'exceljs';
import { excelSerialToDate, formatSheetDate } from './normalize.ts';

type CellValue = ExcelJS.CellValue;

/** Number formats that show a date or time ("yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "h:mm"), ignoring quoted literals. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(bare) && !/[0#?]/.test(bare.replace(/\.0+/g, ''));
}

/** What the user sees in a cell: rich text joined, a hyperlink's text, a formula's cached result, dates as ISO dates. */
function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return isDateFormat(numFmt) ? formatSheetDate(excelSerialToDate(value)) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatSheetDate(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return valueText(value.text as CellValue, undefined);
  if ('formula' in value || 'sharedFormula' in value) return valueText((value as { result?: CellValue }).result ?? null, numFmt);
  if ('error' in value) return value.error;
  return '';
}

function sheetRows(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      // exceljs repeats a merged range's value in every cell of it; only the top-left cell holds it in the file.
      const slave = cell.isMerged && cell.master.address !== cell.address;
      cells.push(slave ? '' : valueText(cell.value, cell.numFmt).trim());
    }
    rows.push(cells);
  }
  return rows;
}

/** Every worksheet of an XLSX file, in workbook order. */
export async function readXlsx(bytes: Uint8Array): Promise<{ name: string; rows: string[][] }[]> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its argument as its own ArrayBuffer-like `Buffer`; JSZip underneath accepts an ArrayBuffer.
  await wb.xlsx.load(bytes.slice().buffer);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
}
