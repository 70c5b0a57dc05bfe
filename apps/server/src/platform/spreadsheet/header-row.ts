import { parseNumberText } from '@concord/table-engine';

const SCAN_ROWS = 20;

/**
 * Index of the header row: the first row, within the first 20, whose non-empty cells fill most of the table's width
 * and are mostly text (not numbers). A merged title row above the header ("2024 年通讯录") has one filled cell and is skipped.
 * Returns -1 when no row qualifies (an empty sheet).
 * @example findHeaderRow([['通讯录', ''], ['姓名', '邮箱'], ['张伟', 'zw@x.cn']]) // 1
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const scanned = rows.slice(0, SCAN_ROWS);
  const filledCounts = scanned.map((r) => r.filter((c) => c.trim() !== '').length);
  const width = Math.max(0, ...filledCounts);
  if (width === 0) return -1;
  const needed = Math.max(1, Math.ceil(width * 0.6));
  return scanned.findIndex((row, i) => {
    if ((filledCounts[i] ?? 0) < needed) return false;
    const filled = row.filter((c) => c.trim() !== '');
    const textual = filled.filter((c) => parseNumberText(c) === null).length;
    return textual * 2 >= filled.length;
  });
}
