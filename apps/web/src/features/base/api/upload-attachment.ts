import { uploadAttachment, type AttachmentDto } from '@concord/contracts';
import { apiUpload } from '../../../lib/api-client.ts';

/** Uploads files one after another for a table's attachment cells; the answers go into the cell's list. */
export async function uploadFiles(tableId: string, files: readonly File[]): Promise<AttachmentDto[]> {
  const out: AttachmentDto[] = [];
  for (const file of files) out.push(await apiUpload(uploadAttachment, { params: { tableId }, query: { filename: file.name } }, file));
  return out;
}

/** Where a stored file downloads from (the session cookie authorises it). */
export const fileUrl = (token: string, download = false) => `/api/v1/base/files/${encodeURIComponent(token)}${download ? '?download=1' : ''}`;
