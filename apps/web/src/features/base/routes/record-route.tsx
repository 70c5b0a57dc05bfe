import { useNavigate, useOutletContext, useParams } from 'react-router-dom';
import { RecordPanel } from '../components/record/record-panel.tsx';
import type { WorkspaceOutlet } from '../components/table-workspace.tsx';

/** /base/:baseId/:tableId/:recordId: the expanded record beside the grid; ↑/↓ walk the grid's rows. */
export function RecordRoute() {
  const { recordId = '' } = useParams();
  const navigate = useNavigate();
  const ctx = useOutletContext<WorkspaceOutlet>();
  const index = ctx.cache.indexOf(recordId);
  const prevId = index > 0 ? (ctx.cache.rowAt(index - 1)?.id ?? null) : null;
  const nextId = index >= 0 ? (ctx.cache.rowAt(index + 1)?.id ?? null) : null;
  const go = (path: string) => navigate({ pathname: path, search: window.location.search });
  return (
    <RecordPanel
      key={recordId}
      table={ctx.table}
      recordId={recordId}
      fields={ctx.fields}
      writer={ctx.writer}
      canEdit={ctx.canEdit}
      prevId={prevId}
      nextId={nextId}
      onNavigate={(id) => go(`${ctx.tablePath}/${id}`)}
      onClose={() => go(ctx.tablePath)}
    />
  );
}
