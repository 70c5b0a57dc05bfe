import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '@concord/contracts';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { reasonText } from './reason-text.ts';

export interface DuplicateListProps {
  matches: readonly DuplicateMatch[];
  baseId: string;
  tableId: string;
}

/** Likely duplicates, each a link to the record with its score and the reasons it looks alike. */
export function DuplicateList({ matches, baseId, tableId }: DuplicateListProps) {
  const { t, locale } = useI18n();
  return (
    <ul>
      {matches.map((m) => (
        <li key={m.recordId} data-testid="duplicate-match" data-record-id={m.recordId} data-decision={m.decision}>
          <Link to={{ pathname: `/base/${baseId}/${tableId}/${m.recordId}`, search: window.location.search }} className="duplicate-title">
            {m.title || m.recordId}
          </Link>{' '}
          <span className="duplicate-score">{t('base.dup.score', { n: Math.round(m.score * 100) })}</span>
          <div className="muted small">{reasonText(m.reasons, locale)}</div>
        </li>
      ))}
    </ul>
  );
}
