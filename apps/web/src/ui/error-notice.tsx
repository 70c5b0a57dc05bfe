import { ApiError } from '@concord/contracts';
import { WebApiError, isUnreachable } from '../lib/api-client.ts';
import { useT } from '../lib/i18n/i18n.tsx';

export interface ErrorNoticeProps {
  error: unknown;
  /** Offers a retry button when given. */
  onRetry?: () => void;
}

/** What went wrong, in words a user can act on, with the code and request id support will ask for. */
export function ErrorNotice({ error, onRetry }: ErrorNoticeProps) {
  const t = useT();
  const unreachable = isUnreachable(error);
  const message = unreachable ? t('error.unreachable.body') : error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  const requestId = error instanceof WebApiError ? error.requestId : undefined;
  // A refused request (wrong password, invalid field) only needs its message; failures get the details support asks for.
  if (error instanceof ApiError && error.status < 500 && !onRetry) {
    return (
      <div className="alert alert-error" role="alert" data-testid="error-notice" data-error-code={error.code}>
        <div>{message}</div>
      </div>
    );
  }
  return (
    <div className="alert alert-error" role="alert" data-testid="error-notice" data-error-code={code ?? undefined}>
      <strong className="alert-title">{unreachable ? t('error.unreachable.title') : t('error.generic.title')}</strong>
      <div>{message}</div>
      {(code || requestId) && (
        <dl className="error-meta">
          {code && (
            <>
              <dt>{t('error.code')}</dt>
              <dd>
                <code>{code}</code>
              </dd>
            </>
          )}
          {requestId && (
            <>
              <dt>{t('error.requestId')}</dt>
              <dd>
                <code>{requestId}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      {onRetry && (
        <div className="alert-actions">
          <button type="button" className="btn btn-secondary btn-sm" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      )}
    </div>
  );
}
