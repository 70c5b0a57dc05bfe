/**
 * Duplicate detection speed through HTTP: p50/p95 of the on-entry check on tables of N customers with the customer rule,
 * and import throughput (rows/s) of a 10,000-row CSV with dedup on, half of it duplicates. PGlite and PostgreSQL.
 * Usage: npm run bench -- dedup [sizes=100000,1000000] [backends=pglite,postgres]
 */
import { performance } from 'node:perf_hooks';
import * as c from '@concord/contracts';
import { eachRun, withServer, type Backend } from './server.ts';
import { adminClient } from '../apps/web/e2e/support/api.ts';
import { customerRuleTemplate } from '../apps/server/src/base/index.ts';
import { fmtP, machineInfo, percentiles, table, writeSection } from './report.ts';

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '苏州'];
const SYL = '安博诚达鼎丰广海恒华佳嘉锦凯蓝联茂美明宁鹏启瑞尚盛泰通万伟祥新鑫信阳亿逸远悦泽振智中卓'.split('');
const TRADES = ['科技', '物流', '出行', '商贸', '信息技术', '网络科技', '供应链', '汽车服务'];
const SAMPLES = 100;

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
  return withServer(backend, async (server) => {
    const api = await adminClient(server.url);
    const base = await api.call(c.createBase, { body: { name: 'dedup bench' } });
    const t = await api.call(c.createTable, {
      params: { baseId: base.id },
      body: {
        name: '客户',
        fields: [
          { name: '客户名称', type: 'text', options: {} },
          { name: '手机', type: 'phone', options: {} },
          { name: '邮箱', type: 'email', options: {} },
        ],
      },
    });
    const [name, phone, email] = t.fields.map((f) => f.id) as [string, string, string];
    await api.call(c.setDedupRule, { params: { tableId: t.id }, body: { rule: customerRuleTemplate({ company: name, phone, email }) } });
    const t0 = performance.now();
    for (let start = 0; start < size; start += 1000) {
      const records = Array.from({ length: Math.min(1000, size - start) }, (_, k) => {
        const co = company(start + k);
        return { fields: { [name]: co.name, [phone]: co.phone } };
      });
      await api.call(c.createRecords, { params: { tableId: t.id }, body: { records } });
      if (start % 100_000 === 0) process.stderr.write(`  ${backend} ${size}: ${start} rows, ${Math.round((performance.now() - t0) / 1000)} s\n`);
    }
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
    const lines = ['公司名,联系电话'];
    for (let i = 0; i < 10_000; i++) {
      const co = i % 2 ? company((i * 7) % size) : company(size + i);
      lines.push(`${i % 2 ? co.name.replace('有限公司', '') : co.name},${co.phone}`);
    }
    const t1 = performance.now();
    const report = await api.call(
      c.importTable,
      { params: { tableId: t.id }, query: { filename: 'bench.csv', dedup: 'true' } },
      { body: Buffer.from(lines.join('\n')), contentType: 'application/octet-stream' },
    );
    const importRate = 10_000 / ((performance.now() - t1) / 1000);
    const row = [
      backend,
      size.toLocaleString('en'),
      check,
      `${Math.round(importRate).toLocaleString('en')}`,
      `${report.created} / ${report.merged} / ${report.flagged}`,
    ];
    console.log(row.join(' | '));
    return row;
  });
}

export async function main(args: string[]): Promise<void> {
  const machine = machineInfo();
  const rows = await eachRun(args, run);
  const result = table(
    ['database', 'records', 'duplicate check p50 / p95 ms', 'import rows/s (10k rows, dedup on)', 'import created / merged / flagged'],
    rows,
  );
  console.log(`\n${result}\n`);
  writeSection(
    'dedup',
    [
      '## Duplicate detection (`npm run bench -- dedup`)',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}. The check is POST /duplicates/check over HTTP with a company name typed`,
      'differently (no 有限公司, or the city in brackets) and sometimes a reformatted phone, against the customer rule (company, phone, email).',
      'The import is a 10,000-row CSV, half of it variants of existing customers, in one transaction.',
      '',
      result,
    ].join('\n'),
  );
}
