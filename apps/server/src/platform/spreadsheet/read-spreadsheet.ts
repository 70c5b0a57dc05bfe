import { AppError } from '../errors.ts';
import { decodeText, parseCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

export interface Sheet {
  name: string;
  /** Cell texts, trimmed; every row padded to the sheet's width; trailing empty rows and columns dropped. */
  rows: string[][];
}
export interface Spreadsheet {
  sheets: Sheet[];
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Drops trailing empty rows and columns and pads the rest to one width, so consumers index cells safely. */
function tidy(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every((c) => c === '')) end--;
  const kept = rows.slice(0, end);
  let width = 0;
  for (const r of kept) for (let i = r.length - 1; i >= width; i--) if (r[i] !== '') width = i + 1;
  return kept.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/**
 * Reads a CSV (UTF-8, UTF-16 or GBK/GB18030) or XLSX file into sheets of cell texts. The format comes from the bytes,
 * the file name only breaks ties. Knows no domain: the directory and table imports both build on it.
 * @example const { sheets } = await readSpreadsheet(bytes, 'people.xlsx'); const header = sheets[0]?.rows[findHeaderRow(sheets[0].rows)]
 */
export async function readSpreadsheet(bytes: Uint8Array, filename: string, encoding?: 'utf8' | 'gbk' | 'gb18030'): Promise<Spreadsheet> {
  if (isOle(bytes) || /\.xls$/i.test(filename)) {
    throw new AppError('validation', 'spreadsheet.xls_unsupported', {
      en: 'Old .xls files are not supported; save the file as .xlsx or .csv',
      zh: '不支持旧版 .xls 文件，请另存为 .xlsx 或 .csv',
    });
  }
  if (isZip(bytes)) {
    try {
      const sheets = await readXlsx(bytes);
      return { sheets: sheets.map((s) => ({ name: s.name, rows: tidy(s.rows) })) };
    } catch (err) {
      throw new AppError(
        'validation',
        'spreadsheet.unreadable',
        { en: 'The file could not be read as an Excel workbook (.xlsx)', zh: '无法读取该文件，它不是有效的 Excel 工作簿（.xlsx）' },
        { reason: err instanceof Error ? err.message.slice(0, 200) : String(err) },
      );
    }
  }
  if (/\.xlsx$/i.test(filename)) {
    throw new AppError('validation', 'spreadsheet.unreadable', { en: 'The file is not a valid .xlsx workbook', zh: '该文件不是有效的 .xlsx 工作簿' });
  }
  const name = filename.replace(/\.[^.]*$/, '') || 'Sheet1';
  return { sheets: [{ name, rows: tidy(parseCsv(decodeText(bytes, encoding))) }] };
}

export { findHeaderRow } from './header-row.ts';
export { excelSerialToDate } from './normalize.ts';
