import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { isUnreachable } from '../lib/api-client.ts';
import { useT } from '../lib/i18n/i18n.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorNotice } from '../ui/error-notice.tsx';

/** Unknown address inside the app. */
export function NotFoundPage() {
  const t = useT();
  return (
    <div className="status-page" data-testid="not-found">
      <p className="status-code">404</p>
      <h1>{t('error.notFound.title')}</h1>
      <p className="muted">{t('error.notFound.body')}</p>
      <Link className="btn btn-primary" to="/directory">
        {t('error.backHome')}
      </Link>
    </div>
  );
}

export interface UnreachablePageProps {
  onRetry: () => void;
}

/** The server is down or the network is gone; retries on its own every few seconds and when the browser comes back online. */
export function UnreachablePage({ onRetry }: UnreachablePageProps) {
  const t = useT();
  useEffect(() => {
    const timer = setInterval(onRetry, 5_000);
    window.addEventListener('online', onRetry);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', onRetry);
    };
  }, [onRetry]);
  return (
    <div className="status-page" data-testid="unreachable">
      <div className="status-icon" aria-hidden="true">
        <svg viewBox="0 0 48 48" width="48" height="48">
          <path d="M8 20a24 24 0 0 1 32 0M14 27a15 15 0 0 1 20 0M20 34a6 6 0 0 1 8 0" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          <path d="M8 8l32 32" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </svg>
      </div>
      <h1>{t('error.unreachable.title')}</h1>
      <p className="muted">{t('error.unreachable.body')}</p>
      <Button variant="primary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}

function isChunkLoadError(error: unknown): boolean {
  return error instanceof TypeError && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
}

/** The router's error boundary: says what went wrong (message, code and request id when the server sent them). */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (isUnreachable(error) || isChunkLoadError(error)) return <UnreachablePage onRetry={() => window.location.reload()} />;
  const shown = isRouteErrorResponse(error) ? new Error(`${error.status} ${error.statusText}`) : error;
  return (
    <div className="status-page status-page-left" data-testid="error-page">
      <h1>{t('error.page.title')}</h1>
      <p className="muted">{t('error.page.body')}</p>
      <ErrorNotice error={shown} />
      <div className="button-row">
        <Button variant="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
        <Link className="btn btn-secondary" to="/directory">
          {t('error.backHome')}
        </Link>
      </div>
    </div>
  );
}
