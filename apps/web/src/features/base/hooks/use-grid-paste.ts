import { useQueryClient } from '@tanstack/react-query';
import { listDepartments, type FieldDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { baseKeys } from '../api/query-keys.ts';
import { fetchPeople } from '../api/search-people.ts';
import type { RecordPatch } from '../api/update-records.ts';
import { useToast } from '../components/toast.tsx';
import { pasteValues, SKIP, type InternalClip, type PasteResolvers, type Ref } from '../utils/paste-values.ts';
import type { RecordPageCache } from '../utils/record-page-cache.ts';
import { pasteTarget, type Selection } from '../utils/selection.ts';
import type { RecordWriter } from './use-record-writer.ts';

/** Names the directory knows exactly (name or email), searched one name at a time (pastes rarely hold many). */
async function resolvePeople(names: string[]): Promise<Map<string, Ref>> {
  const out = new Map<string, Ref>();
  await Promise.all(
    names.slice(0, 50).map(async (n) => {
      const hit = (await fetchPeople(n, 5)).find((p) => p.name === n || p.email.toLowerCase() === n.toLowerCase());
      if (hit) out.set(n, { id: hit.id, name: hit.name });
    }),
  );
  return out;
}

/**
 * Pastes a block at the selection: existing rows in one updateRecords call (per 1,000), rows past the end in one
 * createRecords call. Returns the pasted area, or null when nothing was written.
 */
export function useGridPaste(cache: RecordPageCache, writer: RecordWriter) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const resolvers: PasteResolvers = {
    people: resolvePeople,
    departments: async (names) => {
      const all = await queryClient.fetchQuery({
        queryKey: baseKeys.departments,
        queryFn: async () => (await api(listDepartments, { query: {} })).items,
        staleTime: 60_000,
      });
      return new Map(all.filter((d) => names.includes(d.name)).map((d) => [d.name, { id: d.id, name: d.name }]));
    },
  };

  return async function paste(selection: Selection, columns: readonly FieldDto[], block: string[][], internal: InternalClip | null) {
    const target = pasteTarget(selection, block);
    const cols = columns.slice(target.left, target.left + Math.max(...target.rows.map((r) => r.length)));
    const { rows, skipped } = await pasteValues(cols, target.rows, internal, resolvers);
    const total = cache.total ?? 0;
    const lastExisting = Math.min(total - 1, target.top + rows.length - 1);
    if (lastExisting >= target.top) await cache.ensureRows(target.top, lastExisting);
    const updates: RecordPatch[] = [];
    const creates: Record<string, unknown>[] = [];
    rows.forEach((values, i) => {
      const fields: Record<string, unknown> = {};
      values.forEach((v, c) => {
        const f = cols[c];
        if (f && v !== SKIP) fields[f.id] = v;
      });
      if (Object.keys(fields).length === 0) return;
      const index = target.top + i;
      if (index >= total) creates.push(fields);
      else {
        const rec = cache.rowAt(index);
        if (rec) updates.push({ id: rec.id, fields });
      }
    });
    if (updates.length === 0 && creates.length === 0) {
      if (skipped) toast(t('base.paste.skipped', { n: skipped }));
      return null;
    }
    const ok = await writer.writeMany(updates, creates);
    if (!ok) return null;
    if (skipped) toast(t('base.paste.skipped', { n: skipped }));
    return { top: target.top, left: target.left, bottom: target.top + rows.length - 1, right: target.left + cols.length - 1 };
  };
}
