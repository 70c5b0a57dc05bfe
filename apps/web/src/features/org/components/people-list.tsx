import type { PersonDto } from '@concord/contracts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Avatar } from '../../../ui/avatar.tsx';
import { Button } from '../../../ui/button.tsx';

export interface PeopleListProps {
  people: readonly PersonDto[];
  selectedId: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  onSelect: (person: PersonDto) => void;
  onLoadMore: () => void;
}

export function PeopleList({ people, selectedId, hasMore, loadingMore, onSelect, onLoadMore }: PeopleListProps) {
  const t = useT();
  return (
    <>
      <ul className="people-list" aria-label={t('directory.people')}>
        {people.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`person-row${p.id === selectedId ? ' is-selected' : ''}${p.active ? '' : ' is-inactive'}`}
              data-testid="person-row"
              data-person-id={p.id}
              aria-current={p.id === selectedId || undefined}
              onClick={() => onSelect(p)}
            >
              <Avatar name={p.name} />
              <span className="person-row-main">
                <span className="person-row-name">
                  {p.name}
                  {!p.active && <span className="badge badge-muted">{t('person.inactive')}</span>}
                </span>
                <span className="person-row-sub">{[p.title, p.email].filter(Boolean).join(' · ')}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {hasMore && (
        <div className="list-more">
          <Button size="sm" busy={loadingMore} onClick={onLoadMore}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}
