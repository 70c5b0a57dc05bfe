/**
 * Dashboards: (1) the time to compute a 销售看板-like dashboard (10 widgets: counts, sums, funnel, weekly line, pipeline and
 * win rate by owner and source, overdue list) over N customers, through HTTP; (2) the write-to-screen latency of a number
 * widget in a real browser with V dashboard pages open, on one instance and across two instances (PostgreSQL).
 * Usage: npm run bench -- dashboard [sizes=100000] [backends=pglite,postgres] [viewers=1,50,200] [live=one,two]
 */
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as c from '@concord/contracts';
import { f } from '@concord/table-engine';
import { eachRun, withServer, type Backend } from './server.ts';
import { adminClient } from '../apps/web/e2e/support/api.ts';
import { CHROMIUM, ensureWebBuilt, signIn } from '../apps/web/e2e/support/browser.ts';
import { createPgDatabase, pgReachable, startServer } from '../apps/web/e2e/support/server.ts';
import { fmtP, machineInfo, percentiles, percentilesOf, rssMiB, table, writeSection } from './report.ts';

const STAGES = ['线索', '初步接洽', '需求确认', '方案报价', '商务谈判', '赢单', '输单'];
const SOURCES = ['官网', '展会', '转介绍', '电话', '广告'];
const OWNERS = 20;
const SAMPLES = 10;
const LIVE_SAMPLES = 10;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

interface Fixture {
  api: c.ApiClient;
  table: c.TableDto;
  dashboard: c.DashboardDto;
  fid: Record<string, string>;
  owners: string[];
}

function customer(i: number, fx: Pick<Fixture, 'fid' | 'owners'>): Record<string, unknown> {
  const { fid, owners } = fx;
  return {
    [fid['客户名称']!]: `客户${i}`,
    [fid['阶段']!]: STAGES[(i * 13) % 7],
    [fid['来源']!]: SOURCES[(i * 7) % 5],
    [fid['负责人']!]: [owners[i % owners.length]!],
    [fid['预计月金额']!]: (i * 7919) % 200_000,
    [fid['下次跟进时间']!]: START + ((i * 31) % 400) * DAY,
    [fid['创建日期']!]: START + (i % 330) * DAY,
  };
}

/** A CRM-like customers table with `size` records and a dashboard shaped like the CRM template's 销售看板. */
export async function setUp(url: string, size: number, label: string): Promise<Fixture> {
  const api = await adminClient(url);
  const { items: depts } = await api.call(c.listDepartments, { query: {} });
  const owners: string[] = [];
  for (let i = 0; i < OWNERS; i++) {
    const p = await api.call(c.createPerson, {
      body: { name: `销售${i}`, email: `bench-sales-${i}-${Date.now()}@example.com`, departmentIds: depts[0] ? [depts[0].id] : [] },
    });
    owners.push(p.id);
  }
  const base = await api.call(c.createBase, { body: { name: 'bench 看板' } });
  const t = await api.call(c.createTable, {
    params: { baseId: base.id },
    body: {
      name: '客户',
      fields: [
        { name: '客户名称', type: 'text', options: {} },
        { name: '阶段', type: 'singleSelect', options: { choices: STAGES.map((name) => ({ name })) } },
        { name: '来源', type: 'singleSelect', options: { choices: SOURCES.map((name) => ({ name })) } },
        { name: '负责人', type: 'person', options: { multiple: false } },
        { name: '预计月金额', type: 'currency', options: {} },
        { name: '下次跟进时间', type: 'date', options: {} },
        { name: '创建日期', type: 'date', options: {} },
      ],
    },
  });
  const fid = Object.fromEntries(t.fields.map((x) => [x.name, x.id]));
  const t0 = performance.now();
  for (let start = 0; start < size; start += 1000) {
    const records = Array.from({ length: Math.min(1000, size - start) }, (_, k) => ({ fields: customer(start + k, { fid, owners }) }));
    await api.call(c.createRecords, { params: { tableId: t.id }, body: { records } });
    if (start % 100_000 === 0) process.stderr.write(`  ${label}: ${start} rows, ${Math.round((performance.now() - t0) / 1000)} s\n`);
  }
  const stageIds = (t.fields.find((x) => x.name === '阶段')!.options as { choices: { id: string }[] }).choices.map((o) => o.id);
  const open = f.cond(fid['阶段']!, 'isNot', ['赢单', '输单']);
  const won = f.cond(fid['阶段']!, 'is', ['赢单']);
  const overdue = f.and(f.cond(fid['下次跟进时间']!, 'isLess', [], { kind: 'relative', name: 'Today' }), open);
  const tableId = t.id;
  const at = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });
  const dashboard = await api.call(c.createDashboard, {
    params: { baseId: base.id },
    body: {
      name: '销售看板',
      filters: [
        { id: 'owner', kind: 'person', label: '负责人', targets: [{ tableId, fieldId: fid['负责人']! }] },
        { id: 'created', kind: 'date', label: '创建日期', targets: [{ tableId, fieldId: fid['创建日期']! }] },
      ],
      widgets: [
        { kind: 'number', title: '客户总数', tableId, agg: 'count', layout: at(0, 0, 3, 2) },
        { kind: 'number', title: '在途金额', tableId, agg: 'sum', fieldId: fid['预计月金额']!, filter: open, layout: at(3, 0, 3, 2) },
        {
          kind: 'number',
          title: '本周新增',
          tableId,
          agg: 'count',
          comparison: { dateFieldId: fid['创建日期']!, period: 'week', mode: 'in_period' },
          layout: at(6, 0, 3, 2),
        },
        { kind: 'number', title: '逾期未跟进', tableId, agg: 'count', filter: overdue, layout: at(9, 0, 3, 2) },
        { kind: 'funnel', title: '阶段漏斗', tableId, fieldId: fid['阶段']!, steps: stageIds.slice(0, 6), cumulative: true, layout: at(0, 2, 6, 6) },
        {
          kind: 'line',
          title: '每周新增',
          tableId,
          groupBy: { fieldId: fid['创建日期']!, bucket: 'week' },
          measure: { agg: 'count' },
          limit: 60,
          layout: at(6, 2, 6, 6),
        },
        {
          kind: 'bar',
          title: '各负责人在途金额',
          tableId,
          filter: open,
          groupBy: { fieldId: fid['负责人']! },
          measure: { agg: 'sum', fieldId: fid['预计月金额']! },
          sort: { by: 'value', desc: true },
          layout: at(0, 8, 6, 6),
        },
        {
          kind: 'bar',
          title: '负责人赢单率',
          tableId,
          groupBy: { fieldId: fid['负责人']! },
          measure: { agg: 'rate', rateFilter: won },
          layout: at(6, 8, 6, 6),
        },
        { kind: 'bar', title: '来源赢单率', tableId, groupBy: { fieldId: fid['来源']! }, measure: { agg: 'rate', rateFilter: won }, layout: at(0, 14, 6, 5) },
        {
          kind: 'table',
          title: '逾期跟进',
          tableId,
          filter: overdue,
          fieldIds: [fid['客户名称']!, fid['负责人']!, fid['下次跟进时间']!],
          sort: [{ fieldId: fid['下次跟进时间']!, desc: false }],
          limit: 20,
          layout: at(6, 14, 6, 5),
        },
      ],
    },
  });
  return { api, table: t, dashboard, fid, owners };
}

function computeRun(backend: Backend, size: number): Promise<string[]> {
  return withServer(backend, async (server) => {
    const fx = await setUp(server.url, size, `${backend} ${size}`);
    const data = (filters: Record<string, c.DashboardFilterValue> = {}) =>
      fx.api.call(c.dashboardData, { params: { dashboardId: fx.dashboard.id }, body: { filters } });
    const first = await data();
    const failed = first.widgets.filter((w) => !w.ok);
    if (failed.length) throw new Error(`widgets failed: ${JSON.stringify(failed)}`);
    // Cold: each request has a filter value no earlier one had (every record matches), so nothing is cached for it.
    const cold = await percentiles(SAMPLES, (i) => data({ created: { from: START - (i + 1) * DAY, to: null } }));
    const byOwner = await percentiles(SAMPLES, (i) => data({ owner: [fx.owners[i % OWNERS]!] }));
    const unchanged = await percentiles(SAMPLES, () => data());
    // The live case: one customer changes stage, then the dashboard is asked again.
    const page = await fx.api.call(c.queryRecords, { params: { tableId: fx.table.id }, body: { limit: SAMPLES } });
    const afterEdit = await percentilesOf(SAMPLES, async (i) => {
      await fx.api.call(c.updateRecords, {
        params: { tableId: fx.table.id },
        body: { records: [{ id: page.items[i]!.id, fields: { [fx.fid['阶段']!]: STAGES[(i + 3) % 7] } }] },
      });
      const t0 = performance.now();
      await data();
      return performance.now() - t0;
    });
    const row = [backend, size.toLocaleString('en'), fmtP(cold), fmtP(byOwner), fmtP(afterEdit), fmtP(unchanged), `${Math.round(rssMiB(server.pid))}`];
    console.log(row.join(' | '));
    return row;
  });
}

/** Marks, in each page, when the 客户总数 widget first showed each value (browser clock = this machine's clock). */
function watchValue(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  return page.evaluate(`(() => {
    const seen = new Map();
    window.__seen = seen;
    const check = () => {
      const v = document.querySelector('[data-widget-title="客户总数"] [data-value]')?.getAttribute('data-value');
      if (v && !seen.has(v)) seen.set(v, Date.now());
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
    check();
  })()`);
}

const seenAt = (page: Page, value: string) => page.evaluate((v) => (globalThis as unknown as { __seen: Map<string, number> }).__seen.get(v) ?? null, value);

async function liveRun(topology: 'one' | 'two', viewers: number, browser: Browser): Promise<string[]> {
  const pg = topology === 'two' ? await createPgDatabase() : null;
  const a = await startServer({ ...(pg ? { databaseUrl: pg.url } : {}), env: { LOG_LEVEL: 'error' } });
  const b = pg ? await startServer({ databaseUrl: pg.url, env: { LOG_LEVEL: 'error' } }) : a;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const fx = await setUp(a.url, 1000, `live ${topology}`);
    const signInPage = await context.newPage();
    await signIn(signInPage, b.url);
    const pages: Page[] = [signInPage];
    while (pages.length < viewers) pages.push(await context.newPage());
    const url = `${b.url}/base/${fx.table.baseId}/dashboards/${fx.dashboard.id}`;
    let count = 1000;
    for (let i = 0; i < pages.length; i += 10) {
      await Promise.all(
        pages.slice(i, i + 10).map(async (p) => {
          await p.goto(url);
          await p.locator(`[data-widget-title="客户总数"] [data-value="${count}"]`).waitFor({ timeout: 60_000 });
          await watchValue(p);
        }),
      );
    }
    const first: number[] = [];
    const last: number[] = [];
    for (let s = 0; s < LIVE_SAMPLES; s++) {
      const t0 = Date.now();
      await fx.api.call(c.createRecords, { params: { tableId: fx.table.id }, body: { records: [{ fields: customer(count, fx) }] } });
      count++;
      const want = String(count);
      const deadline = Date.now() + 30_000;
      let times: (number | null)[] = [];
      while (Date.now() < deadline) {
        times = await Promise.all(pages.map((p) => seenAt(p, want)));
        if (times.every((x) => x !== null)) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const got = times.filter((x): x is number => x !== null).map((x) => x - t0);
      if (got.length < pages.length) throw new Error(`${pages.length - got.length} of ${pages.length} pages never showed ${want}`);
      first.push(got[0]!);
      last.push(Math.max(...got));
    }
    const p = (xs: number[]) => {
      const s = [...xs].sort((x, y) => x - y);
      return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
    };
    const row = [topology === 'one' ? 'one instance' : 'two instances (write on A, pages on B)', String(viewers), fmtP(p(first)), fmtP(p(last))];
    console.log(row.join(' | '));
    return row;
  } finally {
    await context.close();
    await a.stop();
    if (b !== a) await b.stop();
    await pg?.drop();
  }
}

export async function main(args: string[]): Promise<void> {
  const machine = machineInfo();
  const computeRows = await eachRun([args[0] ?? '100000', args[1] ?? 'pglite,postgres'], computeRun);
  const compute = table(
    ['database', 'customers', 'whole dashboard, cold', 'filtered by one owner, cold', 'after one record changes', 'again, nothing changed', 'server RSS MiB'],
    computeRows,
  );
  console.log(`\n${compute}\n`);

  ensureWebBuilt();
  const viewers = (args[2] ?? '1,50,200').split(',').map(Number);
  const topologies = (args[3] ?? 'one,two').split(',').filter((x): x is 'one' | 'two' => x === 'one' || x === 'two');
  // Pages in the background must not have their timers and rendering throttled, or the test measures Chromium.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  });
  const liveRows: string[][] = [];
  try {
    for (const topology of topologies) {
      if (topology === 'two' && !(await pgReachable())) continue;
      for (const v of viewers) liveRows.push(await liveRun(topology, v, browser));
    }
  } finally {
    await browser.close();
  }
  const live = table(['servers', 'dashboard pages open', 'first page shows the new count', 'every page shows it'], liveRows);
  console.log(`\n${live}\n`);
  writeSection(
    'dashboard',
    [
      '## Dashboards (`npm run bench -- dashboard`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}. p50 / p95 in ms.`,
      '',
      `Compute: POST /base/dashboards/:id/data for a 销售看板-like dashboard (4 numbers, funnel, weekly line, pipeline and win rate by owner,`,
      `win rate by source, overdue list) over N customers, ${SAMPLES} requests each, aggregated in SQL with no indexes on fields.`,
      'Cold: a filter value not asked before, so the whole table is read. After one record changes: the live case, where only the',
      'changed chunk of 65,536 records is read again (docs/dashboards.md).',
      '',
      compute,
      '',
      `Live: a record created through the API (instance A) until the 客户总数 widget shows the new count in Chromium pages open on the`,
      `dashboard (instance B when two), ${LIVE_SAMPLES} writes; 1,000 customers. Pages refetch on the first change at once and coalesce further changes within 150 ms.`,
      '',
      live,
    ].join('\n'),
  );
}
