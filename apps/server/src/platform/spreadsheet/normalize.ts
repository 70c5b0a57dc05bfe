/** Spreadsheet-specific values: Excel serial dates. Text and number clean-up lives in @concord/table-engine (values/text.ts). */

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An Excel serial day number (1900 date system, as stored in XLSX) → a UTC Date carrying the wall-clock time.
 * @example excelSerialToDate(45296) // 2024-01-05T00:00:00.000Z
 */
export function excelSerialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}

/** "2024-01-05", or "2024-01-05 09:30" when the date has a time of day (read in UTC: XLSX dates carry no zone). */
export function formatSheetDate(d: Date): string {
  const iso = d.toISOString();
  const hasTime = d.getUTCHours() !== 0 || d.getUTCMinutes() !== 0 || d.getUTCSeconds() !== 0;
  return hasTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}
