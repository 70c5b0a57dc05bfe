import { useQuery } from '@tanstack/react-query';
import { Navigate, useParams } from 'react-router-dom';
import { getTable } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';

/**
 * /inbox/record/:tableId/:recordId: a notification link made from an event that did not carry the record's base.
 * Looks the base up from the table and goes to the record's page.
 */
export function RecordLinkRoute() {
  const t = useT();
  const { tableId = '', recordId = '' } = useParams();
  const table = useQuery({ queryKey: ['notify', 'link-table', tableId], queryFn: () => api(getTable, { params: { tableId } }) });
  if (table.error) return <ErrorNotice error={table.error} />;
  if (!table.data) return <PageSpinner label={t('notify.openingRecord')} />;
  return <Navigate to={`/base/${table.data.baseId}/${tableId}/${encodeURIComponent(recordId)}`} replace />;
}
