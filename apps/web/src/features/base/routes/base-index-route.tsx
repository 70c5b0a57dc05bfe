import { Navigate, useParams } from 'react-router-dom';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { useBase } from '../api/get-base.ts';

/** /base/:baseId opens the first table (or says there is none yet). */
export function BaseIndexRoute() {
  const t = useT();
  const { baseId = '' } = useParams();
  const base = useBase(baseId);
  const first = base.data?.tables[0];
  if (first) return <Navigate to={`/base/${baseId}/${first.id}`} replace />;
  if (!base.data) return null;
  return <EmptyState title={t('base.table.empty')} />;
}
