import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as c from '@concord/contracts';
import { apiError, startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-files-'));

beforeAll(async () => {
  t = await startTestApp();
  t.deps.config.dataDir = dataDir;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('attachments', () => {
  it('uploads a file, keeps it in a cell and serves it back to readers only', async () => {
    const base = await t.admin.call(c.createBase, { body: { name: 'A' } });
    const table = await t.admin.call(c.createTable, {
      params: { baseId: base.id },
      body: {
        name: 'T',
        fields: [
          { name: '名称', type: 'text', options: {} },
          { name: '合同', type: 'attachment', options: {} },
        ],
      },
    });
    const bytes = Buffer.from('%PDF-1.4 合同扫描件');
    const file = await t.admin.call(
      c.uploadAttachment,
      { params: { tableId: table.id }, query: { filename: '合同 2026.pdf' } },
      { body: bytes, contentType: 'application/octet-stream' },
    );
    expect(file).toMatchObject({ name: '合同 2026.pdf', size: bytes.length, type: 'application/pdf' });
    const [rec] = (await t.admin.call(c.createRecords, { params: { tableId: table.id }, body: { records: [{ fields: { [table.fields[1]!.id]: [file] } }] } }))
      .items;
    expect(rec!.fields[table.fields[1]!.id]).toEqual([file]);
    const cookie = [...t.admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/base/files/${file.file_token}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/base/files/${file.file_token}` })).statusCode).toBe(401);
    const forged = await apiError(
      t.admin.call(c.createRecords, {
        params: { tableId: table.id },
        body: { records: [{ fields: { [table.fields[1]!.id]: [{ ...file, file_token: 'boxFORGED' }] } }] },
      }),
    );
    expect(forged.code).toBe('base.record.invalid_value');

    // Replacing the file and undoing puts the first one back.
    const other = await t.admin.call(
      c.uploadAttachment,
      { params: { tableId: table.id }, query: { filename: '报价单.pdf' } },
      { body: Buffer.from('%PDF-1.4 报价'), contentType: 'application/octet-stream' },
    );
    const cell = table.fields[1]!.id;
    await t.admin.call(c.updateRecords, { params: { tableId: table.id }, body: { records: [{ id: rec!.id, fields: { [cell]: [other] } }] } });
    expect((await t.admin.call(c.undoLastChange, { params: { tableId: table.id } })).action).toBe('update');
    const back = await t.admin.call(c.queryRecords, { params: { tableId: table.id }, body: {} });
    expect(back.items.find((r) => r.id === rec!.id)!.fields[cell]).toEqual([file]);
  });
});
