import { normalizePhone, type FieldMeta } from '@concord/table-engine';
import type { Locale } from '@concord/contracts';
import type { DirectoryIndex } from '../../org/index.ts';
import { columnSpecs } from '../field-columns.ts';

/** One data row turned into database values, plus what went wrong in it without stopping the import. */
export interface PreparedRow {
  /** 1 = the first row after the header. */
  row: number;
  values: Map<string, unknown>;
  warnings: string[];
  empty: boolean;
}

const say = (locale: Locale, en: string, zh: string) => (locale === 'zh-CN' ? zh : en);

/** Matches typed people (names, emails, phones, several per cell) to directory ids; unknown ones become warnings. */
function people(field: FieldMeta, text: string, dir: DirectoryIndex, locale: Locale, warnings: string[]): string[] {
  const ids: string[] = [];
  for (const part of text
    .split(/[,，;；、\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const phone = /\d{7,}/.test(part) ? normalizePhone(part) : null;
    const byName = dir.byName.get(part) ?? [];
    const id = part.includes('@') ? dir.byEmail.get(part.toLowerCase()) : phone ? dir.byPhone.get(phone) : byName.length === 1 ? byName[0] : undefined;
    if (id) ids.push(id);
    else if (byName.length > 1)
      warnings.push(
        say(locale, `${field.name}: ${part} matches ${byName.length} people; left empty`, `${field.name}：${part} 对应 ${byName.length} 人，未填写`),
      );
    else warnings.push(say(locale, `${field.name}: no person ${part} in the directory`, `${field.name}：通讯录中没有 ${part}`));
  }
  return [...new Set(ids)];
}

/**
 * Converts the mapped cells of each data row with the same rules as typing them (numbers with separators or
 * full-width digits, select names and aliases, dates as text or Excel serials, phones). A bad cell is a warning and
 * stays empty; it never fails the row.
 */
export function prepareRows(
  rows: readonly string[][],
  headers: readonly string[],
  mapping: Record<string, string | null>,
  fields: ReadonlyMap<string, FieldMeta>,
  dir: DirectoryIndex,
  locale: Locale,
): PreparedRow[] {
  const columns = headers.flatMap((h, i) => {
    const id = mapping[h];
    const field = id ? fields.get(id) : undefined;
    return field ? [{ index: i, field }] : [];
  });
  return rows.map((cells, n) => {
    const prepared: PreparedRow = { row: n + 1, values: new Map(), warnings: [], empty: true };
    for (const { index, field } of columns) {
      const text = (cells[index] ?? '').trim();
      if (!text) continue;
      prepared.empty = false;
      if (field.type === 'person') {
        const ids = people(field, text, dir, locale, prepared.warnings);
        if (ids.length) prepared.values.set(field.id, (field.options as { multiple?: boolean }).multiple === false ? ids.slice(0, 1) : ids);
        continue;
      }
      const r = columnSpecs[field.type].toDb(field, text);
      if (r.ok) prepared.values.set(field.id, r.value);
      else prepared.warnings.push(locale === 'zh-CN' ? r.error.zh : r.error.en);
    }
    return prepared;
  });
}
