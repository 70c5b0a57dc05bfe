import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, HTTP_STATUS, fromZodError, localize } from '../errors.ts';
import { pickLocale } from './actor.ts';

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return fromZodError(err, 'input');
  const fe = err as Partial<FastifyError>;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation', 'request.malformed_json', { en: 'The request body is not valid JSON', zh: '请求体不是有效的 JSON' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('validation', 'request.too_large', { en: 'The request body is too large', zh: '请求体过大' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('validation', 'request.unsupported_media_type', { en: 'Unsupported content type', zh: '不支持的内容类型' });
  }
  if (fe.statusCode === 429)
    return new AppError('rate_limited', 'request.rate_limited', { en: 'Too many requests; try again later', zh: '请求过于频繁，请稍后再试' });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('validation', 'request.invalid', { en: fe.message ?? 'Bad request', zh: `请求无效：${fe.message ?? ''}` });
  }
  return null;
}

/** Feishu's envelope for /open-apis failures: `{code, msg}` with the Feishu code in `details.feishuCode` when a service set one. */
function isOpenApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/open-apis/');
}

/** The one error handler: AppError kind → HTTP status, `{error:{code,message,details}}`; unknown errors → 500 with a request id. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const locale = req.ctx?.locale ?? pickLocale(null, req.headers['accept-language']);
    const appErr = toAppError(err);
    if (isOpenApi(req)) {
      const feishu = (appErr?.details as { feishuCode?: number; httpStatus?: number } | undefined) ?? {};
      const status = appErr ? (feishu.httpStatus ?? HTTP_STATUS[appErr.kind]) : 500;
      if (!appErr) req.log.error({ err }, 'unhandled error');
      return reply.code(status).send({
        code: feishu.feishuCode ?? (appErr ? 1254000 : 1255001),
        msg: appErr ? appErr.text.en : 'internal error',
        error: { log_id: req.id },
      });
    }
    if (!appErr) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({
        error: { code: 'internal', message: locale === 'zh-CN' ? '服务器内部错误' : 'Internal server error', requestId: req.id },
      });
    }
    return reply.code(HTTP_STATUS[appErr.kind]).send({
      error: { code: appErr.code, message: localize(appErr.text, locale), details: appErr.details, requestId: req.id },
    });
  });
}
