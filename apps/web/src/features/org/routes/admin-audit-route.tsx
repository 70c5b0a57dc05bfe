import { Fragment, useMemo, useState } from 'react';
import { formatDateTime } from '../../../lib/dates.ts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { useAudit } from '../api/list-audit.ts';

/** Who did what, when and from where; newest first, filterable by action. */
export function AdminAuditRoute() {
  const { t, locale } = useI18n();
  const [action, setAction] = useState('');
  const debounced = useDebouncedValue(action.trim(), 300);
  const audit = useAudit(debounced);
  const [open, setOpen] = useState<number | null>(null);
  const rows = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);

  return (
    <section className="panel">
      <div className="toolbar">
        <input
          type="search"
          className="toolbar-search"
          value={action}
          placeholder={t('audit.filterPlaceholder')}
          aria-label={t('audit.filterPlaceholder')}
          onChange={(e) => setAction(e.target.value)}
        />
      </div>
      {audit.error && <ErrorNotice error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isPending && <PageSpinner label={t('common.loading')} />}
      {audit.data && rows.length === 0 && <EmptyState title={t('audit.empty')} />}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table-compact">
            <thead>
              <tr>
                <th>{t('audit.at')}</th>
                <th>{t('audit.actor')}</th>
                <th>{t('audit.action')}</th>
                <th className="hide-sm">{t('audit.target')}</th>
                <th className="hide-sm">IP</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <Fragment key={e.id}>
                  <tr
                    data-testid="audit-row"
                    className={e.details ? 'is-clickable' : undefined}
                    onClick={() => e.details && setOpen(open === e.id ? null : e.id)}
                  >
                    <td className="nowrap">{formatDateTime(e.at, locale)}</td>
                    <td>{e.actorName ?? e.actorId ?? t(`audit.actorType.${e.actorType}`)}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td className="hide-sm cell-wrap">{e.targetType ? `${e.targetType}:${e.targetId ?? ''}` : ''}</td>
                    <td className="hide-sm">{e.ip ?? ''}</td>
                  </tr>
                  {open === e.id && e.details && (
                    <tr className="audit-details">
                      <td colSpan={5}>
                        <pre>{JSON.stringify(e.details, null, 2)}</pre>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.hasNextPage && (
        <div className="list-more">
          <Button size="sm" busy={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </section>
  );
}
