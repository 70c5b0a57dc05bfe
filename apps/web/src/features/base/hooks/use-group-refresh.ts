import { useMemo } from 'react';
import type { SortSpec } from '@concord/table-engine';
import type { RecordPageCache } from '../utils/record-page-cache.ts';
import type { RecordWriter } from './use-record-writer.ts';

/**
 * In a grouped view, my own edit of a grouping field moves the record to another group: reload the rows (and with them
 * the group counts) once the server has it. Edits of other fields leave the groups as they are.
 */
export function useGroupRefresh(writer: RecordWriter, cache: RecordPageCache, groupBy: readonly SortSpec[]): RecordWriter {
  const key = groupBy.map((g) => g.fieldId).join(',');
  return useMemo<RecordWriter>(() => {
    const fields = new Set(key ? key.split(',') : []);
    if (fields.size === 0) return writer;
    return {
      ...writer,
      async writeCell(record, field, value, baseVersion) {
        await writer.writeCell(record, field, value, baseVersion);
        if (fields.has(field.id)) cache.refresh('all');
      },
      async writeMany(updates, creates) {
        const ok = await writer.writeMany(updates, creates);
        if (updates.some((u) => Object.keys(u.fields).some((k) => fields.has(k)))) cache.refresh('all');
        return ok;
      },
    };
  }, [writer, cache, key]);
}
