import type { FastifyInstance } from 'fastify';
import { ZodError, type z } from 'zod';
import type { ErrorKind, LocalizedText } from '@concord/contracts';
import { AppError, fromZodError } from '../../platform/errors.ts';
import { openRoute, type OpenRouteArgs, type OpenRouteDef } from '../../platform/http/open-api.ts';

/** Feishu Base error codes we answer with (names as Feishu spells them in `msg`). */
export const FEISHU = {
  WrongRequestBody: 1254001,
  Fail: 1254002,
  PageSizeInvalid: 1254011,
  NotSupportFieldOrView: 1254012,
  TableNameDuplicated: 1254013,
  FieldNameDuplicated: 1254014,
  FieldTypeValueNotMatch: 1254015,
  InvalidSort: 1254016,
  InvalidFilter: 1254018,
  InvalidFieldNames: 1254024,
  InvalidClientToken: 1254037,
  BaseTokenNotFound: 1254040,
  TableIdNotFound: 1254041,
  ViewIdNotFound: 1254042,
  RecordIdNotFound: 1254043,
  FieldIdNotFound: 1254044,
  FieldNameNotFound: 1254045,
  RecordAddOnceExceedLimit: 1254104,
  PermissionDenied: 1254302,
} as const;

/**
 * Which of Feishu's per-endpoint HTTP status tables applies: record endpoints and metadata endpoints answer most
 * business errors with HTTP 200; `records/batch_get` uses real statuses (docs: bitable-v1 error tables).
 */
export type StatusTable = 'meta' | 'record' | 'batchGet';

const ALWAYS_400 = new Set([1254011, 1254028, 1254029, 1254036, 1254037, 1254074, 1254607, 1255006]);
const ALWAYS_403 = new Set([1254027, 1254302, 1254303, 1254304, 1254306, 1254608]);

/** The HTTP status Feishu pairs with `code` on endpoints of `table`. */
export function httpStatusFor(table: StatusTable, code: number): number {
  if (ALWAYS_403.has(code)) return 403;
  if (code === 1255040) return 504;
  if (table === 'batchGet') {
    if (code >= 1254040 && code <= 1254045) return 404;
    if ((code >= 1254060 && code <= 1254074) || (code >= 1255001 && code <= 1255005)) return 500;
    return 400;
  }
  if (ALWAYS_400.has(code)) return 400;
  // Field property errors (create/update field) are 400; a value that does not fit its field is 400 on record writes.
  if (table === 'meta' && code >= 1254080 && code <= 1254096) return 400;
  if (table === 'record' && code === FEISHU.FieldTypeValueNotMatch) return 400;
  return 200;
}

/** A Feishu-coded error; `name` is Feishu's short error name, which leads the message like Feishu's `msg`. */
export function feishuError(code: number, name: string, text: LocalizedText, kind: ErrorKind = 'validation'): AppError {
  const slug = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return new AppError(kind, `base.open.${slug}`, { en: `${name}: ${text.en}`, zh: `${name}：${text.zh}` }, { feishuCode: code });
}

const FALLBACK_CODE: Record<ErrorKind, number> = {
  validation: FEISHU.WrongRequestBody,
  unauthorized: 99991663,
  forbidden: FEISHU.PermissionDenied,
  not_found: FEISHU.Fail,
  conflict: FEISHU.Fail,
  invariant: FEISHU.Fail,
  rate_limited: 1254290,
  unavailable: 1255001,
};

/** Gives any error from a Base service the Feishu code and the HTTP status this endpoint uses for it. */
export function toFeishuFailure(err: unknown, table: StatusTable): unknown {
  const appErr = err instanceof ZodError ? fromZodError(err, 'input') : err;
  if (!(appErr instanceof AppError)) return err;
  const details = (appErr.details ?? {}) as { feishuCode?: number };
  const code = details.feishuCode ?? FALLBACK_CODE[appErr.kind];
  return new AppError(appErr.kind, appErr.code, appErr.text, { ...details, feishuCode: code, httpStatus: httpStatusFor(table, code) });
}

export const BITABLE_PREFIX = '/open-apis/bitable/v1';

/**
 * Mounts one Bitable v1 endpoint under `/open-apis/bitable/v1`: `openRoute` plus Feishu's per-endpoint HTTP status.
 * @example bitableRoute(app, 'meta', { method: 'GET', path: '/apps/:app_token', scope: 'bitable:readonly', params }, async ({ params }) => …)
 */
export function bitableRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  app: FastifyInstance,
  table: StatusTable,
  def: Omit<OpenRouteDef<P, Q, B>, 'url'> & { path: string },
  handler: (args: OpenRouteArgs<P, Q, B>) => Promise<unknown>,
): void {
  const { path, ...rest } = def;
  openRoute<P, Q, B>(app, { ...rest, url: `${BITABLE_PREFIX}${path}` }, async (args) => {
    try {
      return await handler(args);
    } catch (err) {
      throw toFeishuFailure(err, table);
    }
  });
}
