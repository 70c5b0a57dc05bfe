/**
 * Spreadsheet clipboard text: cells separated by tabs, rows by newlines; a cell holding a tab, newline or quote is
 * wrapped in double quotes with quotes doubled (what Excel, WPS and Feishu write and read).
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '"' && cell === '') {
      // A quoted cell: runs to the closing quote that is followed by a tab, newline or the end.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = j + 1 >= s.length || s[j + 1] === '\t' || s[j + 1] === '\n';
          break;
        }
        value += s[j];
        j++;
      }
      if (closed) {
        cell = value;
        i = j + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  // Spreadsheets end the copied block with a newline; that is not an extra empty row.
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function quote(cell: string): string {
  return /[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join('\t')).join('\n');
}
