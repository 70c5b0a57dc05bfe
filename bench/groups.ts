/**
 * Grouped grid pages through the real HTTP API: a table of N records, views grouped by one single select, by two, and
 * by one with a sort; p50/p95 of the group counts and of the first, middle and last page of 200 rows. Each page is
 * read two ways, interleaved: by offset alone (the global ORDER BY over group keys) and with the innermost groups the
 * page overlaps (`groupSpans`, what the grid sends), so both see the same machine load.
 * Usage: npm run bench -- groups [sizes=100000] [backends=pglite,postgres] [samples=20]
 */
import { performance } from 'node:perf_hooks';
import * as c from '@concord/contracts';
import type { SortSpec } from '@concord/table-engine';
import { eachRun, withServer, type Backend } from './server.ts';
import { adminClient } from '../apps/web/e2e/support/api.ts';
import { fmtP, machineInfo, table, writeSection } from './report.ts';

const STAGES = ['线索', '初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京'];
let SAMPLES = 20;
const PAGE = 200;

type Stats = { p50: number; p95: number };
const pct = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
};

/** The innermost groups overlapping rows offset … offset + limit - 1, as the grid picks them. */
function spansFor(groups: readonly c.RecordGroupDto[], depth: number, offset: number, limit: number) {
  return groups
    .filter((g) => g.depth === depth && g.start < offset + limit && g.start + g.count > offset)
    .map((g) => ({ key: g.key, start: g.start, count: g.count }));
}

function run(backend: Backend, size: number): Promise<string[][]> {
  return withServer(backend, async (server) => {
    const api = await adminClient(server.url);
    const base = await api.call(c.createBase, { body: { name: 'bench' } });
    const t = await api.call(c.createTable, {
      params: { baseId: base.id },
      body: {
        name: '客户',
        fields: [
          { name: '客户名称', type: 'text', options: {} },
          { name: '阶段', type: 'singleSelect', options: { choices: STAGES.map((name) => ({ name })) } },
          { name: '城市', type: 'singleSelect', options: { choices: CITIES.map((name) => ({ name })) } },
          { name: '预计月金额', type: 'currency', options: {} },
        ],
      },
    });
    const fid = Object.fromEntries(t.fields.map((x) => [x.name, x.id]));
    const tableId = t.id;
    const t0 = performance.now();
    for (let start = 0; start < size; start += 1000) {
      const records = Array.from({ length: Math.min(1000, size - start) }, (_, k) => {
        const i = start + k;
        // Every 50th record has no stage: an "empty" group at the end.
        return {
          fields: {
            [fid['客户名称']!]: `客户${i}`,
            [fid['阶段']!]: i % 50 === 0 ? null : STAGES[(i * 13) % 7],
            [fid['城市']!]: CITIES[(i * 3) % 8],
            [fid['预计月金额']!]: (i * 7919) % 200_000,
          },
        };
      });
      await api.call(c.createRecords, { params: { tableId }, body: { records } });
      if (start % 100_000 === 0) process.stderr.write(`  ${backend} ${size}: ${start} rows, ${Math.round((performance.now() - t0) / 1000)} s\n`);
    }
    const setups: { name: string; groupBy: SortSpec[]; sort: SortSpec[] }[] = [
      { name: 'stage', groupBy: [{ fieldId: fid['阶段']!, desc: false }], sort: [] },
      {
        name: 'stage, city',
        groupBy: [
          { fieldId: fid['阶段']!, desc: false },
          { fieldId: fid['城市']!, desc: true },
        ],
        sort: [],
      },
      { name: 'stage; sort amount desc', groupBy: [{ fieldId: fid['阶段']!, desc: false }], sort: [{ fieldId: fid['预计月金额']!, desc: true }] },
    ];
    const rows: string[][] = [];
    for (const s of setups) {
      // A saved view, as a grid user has: saving builds the indexes it needs.
      const view = await api.call(c.createView, { params: { tableId }, body: { name: s.name, type: 'grid', config: { groupBy: s.groupBy, sort: s.sort } } });
      const groupTimes: number[] = [];
      let groups: c.RecordGroupDto[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const g0 = performance.now();
        groups = (await api.call(c.queryRecordGroups, { params: { tableId }, body: { viewId: view.id } })).groups;
        groupTimes.push(performance.now() - g0);
      }
      const depth = s.groupBy.length - 1;
      const at = { first: 0, middle: Math.floor(size / 2), last: size - PAGE };
      const times: Record<string, number[]> = {};
      for (let i = 0; i < SAMPLES; i++) {
        for (const [where, offset] of Object.entries(at)) {
          for (const mode of i % 2 ? ['offset', 'spans'] : ['spans', 'offset']) {
            const body = {
              viewId: view.id,
              offset,
              limit: PAGE,
              withTotal: false,
              ...(mode === 'spans' ? { groupSpans: spansFor(groups, depth, offset, PAGE) } : {}),
            };
            const p0 = performance.now();
            await api.call(c.queryRecords, { params: { tableId }, body });
            (times[`${where} ${mode}`] ??= []).push(performance.now() - p0);
          }
        }
      }
      const leaves = groups.filter((g) => g.depth === depth).length;
      const row = [
        backend,
        size.toLocaleString('en'),
        `${s.name} (${leaves} groups)`,
        fmtP(pct(groupTimes)),
        ...['first', 'middle', 'last'].flatMap((w) => [fmtP(pct(times[`${w} offset`]!)), fmtP(pct(times[`${w} spans`]!))]),
      ];
      console.log(row.join(' | '));
      rows.push(row);
    }
    return rows;
  });
}

export async function main(args: string[]): Promise<void> {
  const before = machineInfo();
  SAMPLES = Number(args[2] ?? 20);
  const rows = (await eachRun([args[0] ?? '100000', args[1] ?? 'pglite,postgres'], async (b, n) => (await run(b, n)).map((r) => r.join('\u0001')))).flatMap(
    (r) => r.map((x) => x.split('\u0001')),
  );
  const result = table(
    [
      'database',
      'rows',
      'grouped by',
      'group counts',
      'first page, by offset',
      'first page, with spans',
      'middle page, by offset',
      'middle page, with spans',
      'last page, by offset',
      'last page, with spans',
    ],
    rows,
  );
  console.log(`\n${result}\n`);
  writeSection(
    'groups',
    [
      '## Grouped grid pages (`npm run bench -- groups`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${before} (load at the end: ${machineInfo().replace(/.*load average /, '')}).`,
      `Times are p50 / p95 in ms over ${SAMPLES} requests of ${PAGE} records through HTTP (typed client, JSON, without the total count), server`,
      'and client on the same machine, which other work shared during the run. Every 50th record has no stage (an empty group).',
      'Each view is saved first (saving builds its indexes). "By offset" orders the whole table by the group keys and skips;',
      '"with spans" sends the innermost groups the page overlaps, as the grid does, and the server reads each group by its value.',
      'The two ways alternate request by request, so they see the same load.',
      '',
      result,
    ].join('\n'),
  );
}
