/**
 * One-off measurement behind docs/decisions/0001-base-storage.md: a physical table with a column per field versus
 * one JSONB document per record with expression indexes, on the same CRM-like rows.
 * Usage: npx tsx bench/storage-compare.ts [rows] [postgres-url|pglite]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../apps/server/src/platform/db/connect.ts';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const target = process.argv[3] ?? 'postgres://root@127.0.0.1:5432/test';

const STAGES = ['线索', '初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京'];

async function time(label: string, n: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(34)} p50 ${p(0.5).padStart(8)} ms  p95 ${p(0.95).padStart(8)} ms`);
}

const h = await openDatabase(target === 'pglite' ? 'memory://' : target, '/tmp');
const db = h.db;
await sql`drop table if exists bench_phys, bench_doc`.execute(db);
await sql`create table bench_phys (id bigint primary key, name text, stage text, city text, amount numeric, owner text, created timestamptz, note text)`.execute(
  db,
);
await sql`create table bench_doc (id bigint primary key, data jsonb not null)`.execute(db);
let t0 = performance.now();
await sql`insert into bench_phys select g, '客户' || g, ((${sql.lit(`{${STAGES.join(',')}}`)})::text[])[1 + g % 7], ((${sql.lit(`{${CITIES.join(',')}}`)})::text[])[1 + g % 8],
  (g * 37 % 100000)::numeric, 'ou_' || (g % 150), timestamptz '2026-01-01' + (g % 300) * interval '1 day', repeat('备注', 10) from generate_series(1, ${ROWS}) g`.execute(
  db,
);
console.log(`insert physical ${ROWS}: ${(performance.now() - t0).toFixed(0)} ms`);
t0 = performance.now();
await sql`insert into bench_doc select id, jsonb_build_object('name', name, 'stage', stage, 'city', city, 'amount', amount, 'owner', owner, 'created', created, 'note', note) from bench_phys`.execute(
  db,
);
console.log(`insert jsonb ${ROWS}: ${(performance.now() - t0).toFixed(0)} ms`);
await sql`create index on bench_phys (stage, amount desc)`.execute(db);
await sql`create index on bench_phys (created)`.execute(db);
await sql`create index on bench_doc ((data->>'stage'), ((data->>'amount')::numeric) desc)`.execute(db);
await sql`create index on bench_doc (((data->>'created')))`.execute(db);
await sql`analyze bench_phys`.execute(db);
await sql`analyze bench_doc`.execute(db);
const size = await sql<{
  p: string;
  d: string;
}>`select pg_size_pretty(pg_total_relation_size('bench_phys')) p, pg_size_pretty(pg_total_relation_size('bench_doc')) d`.execute(db);
console.log('size', size.rows[0]);
const N = 20;
await time('phys first page', N, () => sql`select * from bench_phys order by id limit 100`.execute(db));
await time('doc  first page', N, () => sql`select * from bench_doc order by id limit 100`.execute(db));
await time('phys filter+sort (indexed)', N, () => sql`select * from bench_phys where stage = '方案报价' order by amount desc limit 100`.execute(db));
await time('doc  filter+sort (indexed)', N, () =>
  sql`select * from bench_doc where data->>'stage' = '方案报价' order by (data->>'amount')::numeric desc limit 100`.execute(db),
);
await time('phys filter+sort (unindexed)', 5, () => sql`select * from bench_phys where city = '杭州' order by name limit 100`.execute(db));
await time('doc  filter+sort (unindexed)', 5, () => sql`select * from bench_doc where data->>'city' = '杭州' order by data->>'name' limit 100`.execute(db));
await time('phys offset 50%', 5, () => sql`select * from bench_phys order by id limit 100 offset ${ROWS / 2}`.execute(db));
await time('doc  offset 50%', 5, () => sql`select * from bench_doc order by id limit 100 offset ${ROWS / 2}`.execute(db));
await time('phys count filtered', 5, () => sql`select count(*) from bench_phys where city = '杭州'`.execute(db));
await time('doc  count filtered', 5, () => sql`select count(*) from bench_doc where data->>'city' = '杭州'`.execute(db));
await time('phys group by stage sum', 5, () => sql`select stage, sum(amount) from bench_phys group by stage`.execute(db));
await time('doc  group by stage sum', 5, () => sql`select data->>'stage', sum((data->>'amount')::numeric) from bench_doc group by 1`.execute(db));
let id = ROWS + 1;
await time('phys single update', 50, () => sql`update bench_phys set amount = amount + 1 where id = ${1 + (id++ % ROWS)}`.execute(db));
await time('doc  single update', 50, () =>
  sql`update bench_doc set data = jsonb_set(data, '{amount}', to_jsonb((data->>'amount')::numeric + 1)) where id = ${1 + (id++ % ROWS)}`.execute(db),
);
t0 = performance.now();
await sql`alter table bench_phys add column extra text`.execute(db);
console.log(`phys add column: ${(performance.now() - t0).toFixed(0)} ms`);
t0 = performance.now();
await sql`alter table bench_phys alter column amount type double precision using amount::double precision`.execute(db);
console.log(`phys change column type (rewrite): ${(performance.now() - t0).toFixed(0)} ms`);
await sql`drop table bench_phys, bench_doc`.execute(db);
await h.close();
