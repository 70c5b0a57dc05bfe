import { sql } from 'kysely';
import type { DedupRuleDto, DuplicateMatch } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { audit } from '../platform/audit.ts';
import { requireRole } from './access.ts';
import { scorePair, type DedupRule } from './dedup/index.ts';
import { dbValueText, lookupKeys, ruleFields, scopedKey, syncKeys } from './duplicate-keys.ts';
import { findByIds } from './record.repo.ts';
import { convertInputs } from './record-values.ts';
import { tableAccess } from './table-access.ts';
import { loadRelated, loadTable, physicalTable, type TableMeta } from './table-meta.ts';

const CANDIDATES_PER_FIELD = 20;

/** Sets or clears a table's duplicate rule and rebuilds every record's keys, in one transaction. */
export async function setRule(deps: Deps, ctx: RequestContext, tableId: string, rule: DedupRuleDto | null): Promise<number> {
  const table = await loadTable(deps.db, tableId);
  await requireRole(deps.db, ctx.actor, table.baseId, 'editor');
  for (const f of rule?.fields ?? []) {
    if (!table.byId.has(f.fieldId))
      throw new AppError('validation', 'base.dedup.unknown_field', { en: `Unknown field ${f.fieldId}`, zh: `字段 ${f.fieldId} 不存在` });
  }
  return inTransaction(deps.db, async (trx) => {
    await trx
      .updateTable('base_tables')
      .set({ dedup: rule ? JSON.stringify(rule) : null })
      .where('id', '=', tableId)
      .execute();
    await trx.deleteFrom('base_dedup_keys').where('table_id', '=', tableId).execute();
    await audit(trx, ctx, 'base.dedup.set', { type: 'base_table', id: tableId }, { rule });
    if (!rule) return 0;
    const keyed = { ...table, dedup: rule };
    const fields = ruleFields(keyed, rule).map((r) => r.field);
    let count = 0;
    for (let after = 0; ;) {
      const cols = sql.join(fields.map((f) => sql.ref(f.id)));
      const res = await sql<
        Record<string, unknown> & { id: string; seq: number }
      >`select id, seq, ${cols} from ${physicalTable(tableId)} where seq > ${after} order by seq limit 5000`.execute(trx);
      await syncKeys(
        trx,
        keyed,
        res.rows.map((r) => ({ id: r.id, values: new Map(fields.map((f) => [f.id, r[f.id]])) })),
      );
      count += res.rows.length;
      if (res.rows.length < 5000) return count;
      after = Number(res.rows[res.rows.length - 1]!.seq);
    }
  });
}

/** Candidate record ids sharing a key with `keys` (exact), or close to it for fuzzy comparators, via the key index. */
async function candidates(db: Db, table: TableMeta, rule: DedupRuleDto, texts: Record<string, string>, exclude: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const { field, comparator } of ruleFields(table, rule)) {
    const keys = lookupKeys(comparator, texts[field.id] ?? '');
    if (keys.length === 0) continue;
    const rows = await db
      .selectFrom('base_dedup_keys')
      .select('record_id')
      .distinct()
      .where(
        'key',
        'in',
        keys.map((k) => scopedKey(field.id, k)),
      )
      .limit(CANDIDATES_PER_FIELD)
      .execute();
    for (const r of rows) if (!exclude.includes(r.record_id)) found.add(r.record_id);
  }
  return [...found];
}

/** Texts of the rule's fields for existing records, by record id. */
async function textsOf(db: Db, table: TableMeta, rule: DedupRuleDto, ids: string[]): Promise<Map<string, { texts: Record<string, string>; title: string }>> {
  const fields = ruleFields(table, rule).map((r) => r.field);
  const primary = table.byId.get(table.primaryFieldId);
  const rows = await findByIds(db, table, await loadRelated(db, table), primary ? [...new Set([...fields, primary])] : fields, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        texts: Object.fromEntries(fields.map((f) => [f.id, dbValueText(f, r.values[f.id])])),
        title: primary ? dbValueText(primary, r.values[primary.id]) : r.id,
      },
    ]),
  );
}

/**
 * Existing records that look like the given one, best first, with reasons. Pairs a person marked "not a duplicate"
 * stay quiet.
 */
export async function findMatches(db: Db, table: TableMeta, texts: Record<string, string>, exclude: string[] = []): Promise<DuplicateMatch[]> {
  const rule = table.dedup;
  if (!rule) return [];
  const ids = await candidates(db, table, rule, texts, exclude);
  if (ids.length === 0) return [];
  const existing = await textsOf(db, table, rule, ids);
  const dismissed = exclude[0] ? await dismissedWith(db, table.id, exclude[0]) : new Set<string>();
  const matches: DuplicateMatch[] = [];
  for (const [id, other] of existing) {
    if (dismissed.has(id)) continue;
    const s = scorePair(rule as DedupRule, texts, other.texts);
    if (s.decision === 'none') continue;
    matches.push({ recordId: id, score: s.score, decision: s.decision, reasons: s.reasons, title: other.title });
  }
  return matches.sort((a, b) => b.score - a.score);
}

async function dismissedWith(db: Db, tableId: string, recordId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('base_dedup_pairs')
    .select(['a', 'b'])
    .where('table_id', '=', tableId)
    .where('status', '=', 'dismissed')
    .where((eb) => eb.or([eb('a', '=', recordId), eb('b', '=', recordId)]))
    .execute();
  return new Set(rows.map((r) => (r.a === recordId ? r.b : r.a)));
}

/** Record texts for a record being typed: values go through the same conversion as a save, so keys agree. */
export async function inputTexts(db: Db, table: TableMeta, fields: Record<string, unknown>, locale: 'en' | 'zh-CN'): Promise<Record<string, string>> {
  if (!table.dedup) return {};
  const relevant = Object.fromEntries(Object.entries(fields).filter(([k]) => table.dedup!.fields.some((f) => f.fieldId === k)));
  const [converted] = await convertInputs(db, table, [relevant], locale).catch(() => [{ values: new Map<string, unknown>(), links: new Map() }]);
  const out: Record<string, string> = {};
  for (const { field } of ruleFields(table, table.dedup))
    if (converted!.values.has(field.id)) out[field.id] = dbValueText(field, converted!.values.get(field.id));
  return out;
}

export async function checkDuplicates(
  deps: Deps,
  ctx: RequestContext,
  tableId: string,
  fields: Record<string, unknown>,
  recordId?: string,
): Promise<DuplicateMatch[]> {
  const table = await loadTable(deps.db, tableId);
  const access = await tableAccess(deps.db, ctx.actor, table, 'read');
  const matches = await findMatches(deps.db, table, await inputTexts(deps.db, table, fields, ctx.locale), recordId ? [recordId] : []);
  // Row rules still apply: a member is not told about records they may not see.
  if (!access.rows || matches.length === 0) return matches;
  const visible = await findByIds(
    deps.db,
    table,
    new Map([[table.id, table]]),
    [],
    matches.map((m) => m.recordId),
    { visible: access.rows },
  );
  const ok = new Set(visible.map((v) => v.id));
  return matches.filter((m) => ok.has(m.recordId));
}

/** Stores flagged pairs (each pair once, a < b); a pair already decided keeps its decision. */
export async function flagPairs(trx: Db, tableId: string, pairs: { recordId: string; match: DuplicateMatch }[]): Promise<void> {
  // One array parameter per column (an import may flag tens of thousands of pairs): cheap to bind, no parameter limit.
  for (let i = 0; i < pairs.length; i += 10_000) {
    const rows = pairs.slice(i, i + 10_000).map(({ recordId, match }) => {
      const [a, b] = recordId < match.recordId ? [recordId, match.recordId] : [match.recordId, recordId];
      return { id: newId('dup', 12), a, b, score: match.score, reasons: JSON.stringify(match.reasons) };
    });
    await sql`insert into base_dedup_pairs (id, table_id, a, b, score, reasons, decided_by, decided_at)
      select id, ${tableId}, a, b, score, reasons::jsonb, null, null
      from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.a)}::text[], ${rows.map((r) => r.b)}::text[],
        ${rows.map((r) => r.score)}::float8[], ${rows.map((r) => r.reasons)}::text[]) as u(id, a, b, score, reasons)
      on conflict (table_id, a, b) do nothing`.execute(trx);
  }
}

export async function getRule(deps: Deps, ctx: RequestContext, tableId: string): Promise<DedupRuleDto | null> {
  const table = await loadTable(deps.db, tableId);
  await tableAccess(deps.db, ctx.actor, table, 'read');
  return table.dedup;
}
