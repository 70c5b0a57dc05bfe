import { useMemo, useState, type ReactNode } from 'react';
import type { TableDto } from '@concord/contracts';
import type { RecordWriter } from '../hooks/use-record-writer.ts';
import { useDedupRule } from './api/dedup-rule.ts';
import { DuplicateWarning } from './duplicate-warning.tsx';

interface Watched {
  recordId: string;
  values: Record<string, unknown>;
}

/**
 * Grid entry: wraps the writer so that typing an identifying field (one in the table's duplicate rule) into a row
 * shows that row's likely duplicates in a floating box until closed or another row is typed into.
 */
export function useGridDuplicateWatch(table: TableDto, writer: RecordWriter): { writer: RecordWriter; notice: ReactNode } {
  const rule = useDedupRule(table.id).data?.rule ?? null;
  const [watched, setWatched] = useState<Watched | null>(null);
  const ruleFields = useMemo(() => new Set(rule?.fields.map((f) => f.fieldId) ?? []), [rule]);

  const wrapped = useMemo<RecordWriter>(
    () => ({
      ...writer,
      writeCell(record, field, value, baseVersion) {
        if (ruleFields.has(field.id))
          setWatched((prev) => ({
            recordId: record.id,
            values: { ...record.fields, ...(prev?.recordId === record.id ? prev.values : {}), [field.id]: value },
          }));
        return writer.writeCell(record, field, value, baseVersion);
      },
    }),
    [writer, ruleFields],
  );

  const notice = watched ? (
    <DuplicateWarning key={watched.recordId} table={table} recordId={watched.recordId} values={watched.values} onDismiss={() => setWatched(null)} />
  ) : null;
  return { writer: wrapped, notice };
}
