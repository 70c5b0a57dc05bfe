import { z } from 'zod';
import { defineRoute } from '../http.ts';
import { id } from '../common.ts';

/** An uploaded file as an attachment cell holds it (Feishu's shape). */
export const attachmentDto = z.object({ file_token: z.string(), name: z.string(), size: z.number().int(), type: z.string() });
export type AttachmentDto = z.infer<typeof attachmentDto>;

/** Uploads one file (raw body) for attachment cells of a table; put the returned object into the cell. */
export const uploadAttachment = defineRoute({
  method: 'post',
  path: '/base/tables/:tableId/attachments',
  access: 'user',
  rawBody: true,
  params: z.object({ tableId: id }),
  query: z.object({ filename: z.string().trim().min(1).max(255) }),
  output: attachmentDto,
  status: 201,
});
