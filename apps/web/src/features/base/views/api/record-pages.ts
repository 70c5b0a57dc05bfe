import type { RecordDto } from '@concord/contracts';
import type { RecordPages } from './view-records.ts';

/** Pages without the record (the first page's total drops by one when it was there). */
export function removeRecord(data: RecordPages | undefined, recordId: string): RecordPages | undefined {
  if (!data) return data;
  const had = data.pages.some((p) => p.items.some((r) => r.id === recordId));
  if (!had) return data;
  return {
    ...data,
    pages: data.pages.map((p, i) => ({
      ...p,
      items: p.items.filter((r) => r.id !== recordId),
      total: i === 0 && p.total > 0 ? p.total - 1 : p.total,
    })),
  };
}

/** Pages with the record first on the first page (the server's order arrives with the next refetch). */
export function prependRecord(data: RecordPages | undefined, record: RecordDto): RecordPages | undefined {
  if (!data || !data.pages[0]) return data;
  const rest = removeRecord(data, record.id)!;
  const [first, ...others] = rest.pages;
  return { ...rest, pages: [{ ...first!, items: [record, ...first!.items], total: first!.total + 1 }, ...others] };
}

/** Pages with one record replaced in place (a newer version from the server). */
export function replaceRecord(data: RecordPages | undefined, record: RecordDto): RecordPages | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((r) => (r.id === record.id ? record : r)) })) };
}
