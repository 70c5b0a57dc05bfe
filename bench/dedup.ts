/**
 * Duplicate detection speed through HTTP: p50/p95 of the on-entry check on tables of N customers with the customer rule,
 * and the time to import a 100,000-row CSV with dedup on, half of it variants of existing records. PGlite and PostgreSQL.
 * Usage: npm run bench -- dedup [sizes=100000,1000000] [backends=pglite,postgres]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import * as c from '@concord/contracts';
import { eachRun, settle, withServer, type Backend } from './server.ts';
import { adminClient } from '../apps/web/e2e/support/api.ts';
import { customerTable, setCustomerRule } from '../apps/server/test/customer-table.ts';
import { fmtP, machineInfo, percentiles, table, writeSection } from './report.ts';

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '苏州'];
const SYL = '安博诚达鼎丰广海恒华佳嘉锦凯蓝联茂美明宁鹏启瑞尚盛泰通万伟祥新鑫信阳亿逸远悦泽振智中卓'.split('');
const TRADES = ['科技', '物流', '出行', '商贸', '信息技术', '网络科技', '供应链', '汽车服务'];
const SAMPLES = 100;
const IMPORT_ROWS = 100_000;

/** A deterministic, mostly unique company: city + two-character brand from a counter + trade. */
function company(i: number): { name: string; phone: string } {
  const a = SYL[i % SYL.length]!;
  const b = SYL[Math.floor(i / SYL.length) % SYL.length]!;
  const c2 = SYL[Math.floor(i / SYL.length ** 2) % SYL.length]!;
  const d = Math.floor(i / SYL.length ** 3);
  return {
    name: `${CITIES[i % CITIES.length]}${a}${b}${c2}${d || ''}${TRADES[i % TRADES.length]}有限公司`,
    phone: `13${String(100_000_000 + ((i * 7919) % 899_999_999)).padStart(9, '0')}`,
  };
}

function run(backend: Backend, size: number): Promise<string[]> {
  return withServer(backend, async (server, databaseUrl) => {
    const api = await adminClient(server.url);
    const t = await customerTable(api);
    await setCustomerRule(api, t);
    const [name, phone] = t.fields.map((f) => f.id) as [string, string];
    const t0 = performance.now();
    for (let start = 0; start < size; start += 1000) {
      const records = Array.from({ length: Math.min(1000, size - start) }, (_, k) => {
        const co = company(start + k);
        return { fields: { [name]: co.name, [phone]: co.phone } };
      });
      await api.call(c.createRecords, { params: { tableId: t.id }, body: { records } });
      if (start % 100_000 === 0) process.stderr.write(`  ${backend} ${size}: ${start} rows, ${Math.round((performance.now() - t0) / 1000)} s\n`);
    }
    await settle(backend, databaseUrl);
    // Variants people type: no 有限公司, bracketed city, a phone in another format.
    const check = fmtP(
      await percentiles(SAMPLES, (i) => {
        const co = company((i * 104_729) % size);
        const typed = i % 2 ? co.name.replace('有限公司', '') : co.name.replace(/^(..)(.*)有限公司$/, '$2（$1）有限公司');
        return api.call(c.checkDuplicates, {
          params: { tableId: t.id },
          body: { fields: { [name]: typed, [phone]: i % 3 ? '' : co.phone.replace(/^(\d{3})(\d{4})/, '$1 $2 ') } },
        });
      }),
    );
    process.stderr.write(`  ${backend} ${size}: duplicate check p50 / p95 ${check} ms\n`);
    const lines = ['公司名,联系电话'];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      const co = i % 2 ? company((i * 7) % size) : company(size + i);
      lines.push(`${i % 2 ? co.name.replace('有限公司', '') : co.name},${co.phone}`);
    }
    const t1 = performance.now();
    const report = await api.call(
      c.importTable,
      { params: { tableId: t.id }, query: { filename: 'bench.csv', dedup: 'true' } },
      { body: Buffer.from(lines.join('\n')), contentType: 'application/octet-stream' },
    );
    const importSeconds = (performance.now() - t1) / 1000;
    const row = [
      backend,
      size.toLocaleString('en'),
      check,
      `${importSeconds.toFixed(1)} s (${Math.round(IMPORT_ROWS / importSeconds).toLocaleString('en')} rows/s)`,
      `${report.created} / ${report.merged} / ${report.flagged}`,
    ];
    console.log(row.join(' | '));
    return row;
  });
}

export async function main(args: string[]): Promise<void> {
  const machine = machineInfo();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const rows = await eachRun(args, run);
  const loadAtEnd = os.loadavg()[0] ?? 0;
  const shared = Math.max(loadAtStart, loadAtEnd) > 1.5;
  const result = table(['database', 'records', 'duplicate check p50 / p95 ms', 'import of 100k rows, dedup on', 'import created / merged / flagged'], rows);
  console.log(`\n${result}\n`);
  writeSection(
    'dedup',
    [
      '## Duplicate detection (`npm run bench -- dedup`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}. The check is POST /duplicates/check over HTTP with a company name typed`,
      'differently (no 有限公司, or the city in brackets) and sometimes a reformatted phone, against the customer rule (company, phone, email).',
      'The import is a 100,000-row CSV, half of it variants of existing customers (no 有限公司), in one transaction; its rows are',
      'checked against the existing records and against each other. On PostgreSQL both start once the loaded rows are vacuumed',
      '(by autovacuum, or by the bench where autovacuum is off), as on a table in use for a while.',
      ...(shared
        ? [
            `The machine was shared with other work during the run (1-min load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end), so times are pessimistic.`,
          ]
        : []),
      '',
      result,
      '',
      'Where an import spends its time (timing logs and a CPU profile): making the rows\' lookup keys (~1.2M distinct at 100k',
      'records, ~1.5M at 1M), reading the records found under them, scoring the look-alike pairs (~3-4M: the generated names',
      'share syllables, so each row shares a one-character-deletion key with dozens of records) and writing the new records',
      'with ~12 key rows each. Each distinct value is normalised once; a pair is first turned down or not by a cheap bound',
      '(`preparedAtLeast`), then by an exact score without reasons; only pairs reaching the flag threshold are scored in full.',
      'Keys are numbered once per import, so gathering candidates indexes arrays instead of hashing strings. The key index',
      'carries record_id, so the ~1.5M key probes of an import into 1M records are answered from the index alone (~7 s',
      'instead of ~50 s through the table), and normalised names are remembered in two generations, so more distinct values',
      'than the cache holds no longer make eviction quadratic (scoring into 1M records: 122 s → 14 s). Before any of this',
      'work (10k-row import): 395 rows/s on PGlite and 538 on PostgreSQL.',
    ].join('\n'),
  );
}
