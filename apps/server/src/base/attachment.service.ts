import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentDto } from '@concord/contracts';
import type { Deps } from '../platform/deps.ts';
import type { RequestContext } from '../platform/http/actor.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { tableAccess } from './table-access.ts';
import { loadTable } from './table-meta.ts';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};
const fileNotFound = () => new AppError('not_found', 'base.file.not_found', { en: 'File not found', zh: '文件不存在' });

function filePath(deps: Deps, token: string): string {
  return path.join(deps.config.dataDir, 'files', token.slice(-2), token);
}

/** Stores an uploaded file under DATA_DIR/files and records it; the token then goes into attachment cells. */
export async function uploadAttachment(deps: Deps, ctx: RequestContext, tableId: string, filename: string, bytes: Buffer | null): Promise<AttachmentDto> {
  const table = await loadTable(deps.db, tableId);
  await tableAccess(deps.db, ctx.actor, table, 'edit');
  if (!bytes || bytes.length === 0) throw new AppError('validation', 'base.file.empty', { en: 'The file is empty', zh: '文件为空' });
  const token = newId('box', 20);
  const name = path.basename(filename).slice(0, 255);
  const mime = MIME[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  const file = filePath(deps, token);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(file, bytes);
  try {
    await deps.db
      .insertInto('base_files')
      .values({
        token,
        table_id: tableId,
        name,
        size: bytes.length,
        mime,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        created_by: ctx.actor?.kind === 'user' ? ctx.actor.userId : null,
      })
      .execute();
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  return { file_token: token, name, size: bytes.length, type: mime };
}

/** Opens a stored file for someone who may read its table. */
export async function openAttachment(
  deps: Deps,
  ctx: RequestContext,
  token: string,
): Promise<{ stream: fs.ReadStream; name: string; mime: string; size: number }> {
  const row = await deps.db.selectFrom('base_files').selectAll().where('token', '=', token).executeTakeFirst();
  if (!row) throw fileNotFound();
  await tableAccess(deps.db, ctx.actor, await loadTable(deps.db, row.table_id), 'read');
  const file = filePath(deps, token);
  if (!fs.existsSync(file)) throw fileNotFound();
  return { stream: fs.createReadStream(file), name: row.name, mime: row.mime, size: Number(row.size) };
}

/** Tokens among `tokens` that are real uploads for this table. */
export async function knownFiles(db: Deps['db'], tableId: string, tokens: string[]): Promise<Set<string>> {
  if (tokens.length === 0) return new Set();
  const rows = await db.selectFrom('base_files').select('token').where('table_id', '=', tableId).where('token', 'in', tokens).execute();
  return new Set(rows.map((r) => r.token));
}
