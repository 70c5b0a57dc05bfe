import type { MouseEvent } from 'react';
import { Avatar } from '../../../ui/avatar.tsx';
import { choiceStyle, optionsOf } from './field-options.ts';
import { cellText } from './format.ts';
import type { CellProps } from './field-ui-types.ts';
import { useLinkName } from './link-names.tsx';

/** Plain text (also numbers, dates, computed values) through the field's formatter. */
export function TextCell({ field, value }: CellProps) {
  const text = cellText(field, value);
  return text ? <span className="cell-text">{text}</span> : null;
}

export function LongTextCell({ field, value }: CellProps) {
  const text = cellText(field, value);
  return text ? <span className="cell-text cell-multiline">{text}</span> : null;
}

export function ProgressCell({ value }: CellProps) {
  if (typeof value !== 'number') return null;
  const pct = Math.max(0, Math.min(1, value)) * 100;
  return (
    <span className="cell-progress">
      <span className="cell-progress-bar">
        <span style={{ width: `${pct}%` }} />
      </span>
      <span className="cell-progress-text">{Math.round(pct)}%</span>
    </span>
  );
}

const RATING_SYMBOLS = { star: '★', heart: '♥', thumb: '👍', fire: '🔥' } as const;

export function RatingCell({ field, value, onChange }: CellProps) {
  const o = optionsOf(field, 'rating');
  const max = o.max ?? 5;
  const n = typeof value === 'number' ? value : 0;
  const symbol = RATING_SYMBOLS[o.symbol ?? 'star'];
  function handleClick(e: MouseEvent, i: number) {
    if (!onChange) return;
    e.stopPropagation();
    onChange(i === n ? null : i);
  }
  return (
    <span className="cell-rating" aria-label={`${n}/${max}`}>
      {Array.from({ length: max }, (_, k) => (
        <span key={k} className={k < n ? 'is-on' : undefined} onMouseDown={(e) => handleClick(e, k + 1)}>
          {symbol}
        </span>
      ))}
    </span>
  );
}

export function SelectCell({ field, value }: CellProps) {
  const list = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  return (
    <span className="cell-chips">
      {list.map((name) => (
        <span key={name} className="choice-chip" style={choiceStyle(field, name)}>
          {name}
        </span>
      ))}
    </span>
  );
}

export function CheckboxCell({ value, onChange }: CellProps) {
  const checked = value === true;
  function handleMouseDown(e: MouseEvent) {
    if (!onChange) return;
    e.stopPropagation();
    onChange(!checked);
  }
  return (
    <span
      className={`cell-checkbox${checked ? ' is-checked' : ''}${onChange ? ' is-writable' : ''}`}
      role="checkbox"
      aria-checked={checked}
      onMouseDown={handleMouseDown}
    >
      {checked && (
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      )}
    </span>
  );
}

/** People and departments: `[{id, name}]`. */
export function PeopleCell({ value }: CellProps) {
  const list = Array.isArray(value) ? (value as { id: string; name?: string }[]) : [];
  return (
    <span className="cell-chips">
      {list.map((p) => (
        <span key={p.id} className="person-chip">
          <Avatar name={p.name ?? p.id} size="sm" />
          <span>{p.name ?? p.id}</span>
        </span>
      ))}
    </span>
  );
}

export function UrlCell({ value }: CellProps) {
  if (!value || typeof value !== 'object' || !('link' in value)) return null;
  const { link, text } = value as { link: string; text?: string };
  const safe = /^(https?:|mailto:)/i.test(link) ? link : `https://${link}`;
  return (
    <a className="cell-text cell-link" href={safe} target="_blank" rel="noopener noreferrer" onMouseDown={(e) => e.stopPropagation()}>
      {text || link}
    </a>
  );
}

function LinkChip({ id }: { id: string }) {
  const name = useLinkName(id);
  return (
    <span className="link-chip" title={id}>
      {name ?? id}
    </span>
  );
}

export function LinkCell({ value }: CellProps) {
  const ids = Array.isArray(value) ? (value as string[]) : [];
  return (
    <span className="cell-chips">
      {ids.map((id) => (
        <LinkChip key={id} id={id} />
      ))}
    </span>
  );
}
