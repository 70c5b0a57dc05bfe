import type { Room } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { usePresence } from '../../../lib/realtime.tsx';
import { Avatar } from '../../../ui/avatar.tsx';
import { useMe } from '../../org/index.ts';
import './presence.css';

const SHOWN = 4;

export interface TablePresenceProps {
  tableId: string;
}

/** Avatars of the other people looking at this table right now (from the table room's presence messages). */
export function TablePresence({ tableId }: TablePresenceProps) {
  const t = useT();
  const me = useMe().data?.user?.id;
  const room: Room = `table:${tableId}`;
  const others = usePresence(room).filter((u) => u.id !== me);
  const hidden = others.slice(SHOWN);
  return (
    <div className="presence" data-testid="presence" data-count={others.length} aria-label={t('base.presence.label')} role="list">
      {others.slice(0, SHOWN).map((u) => (
        <span key={u.id} className="presence-user" role="listitem" data-testid="presence-user" data-user-id={u.id} title={u.name}>
          <Avatar name={u.name} size="sm" />
        </span>
      ))}
      {hidden.length > 0 && (
        <span className="presence-more" role="listitem" title={hidden.map((u) => u.name).join('、')}>
          {t('base.presence.more', { count: hidden.length })}
        </span>
      )}
    </div>
  );
}
