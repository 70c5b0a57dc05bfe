import { useId, useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import { usePeople } from '../api/get-people.ts';

export interface PickedPerson {
  id: string;
  name: string;
}

export interface PersonPickerProps {
  label: string;
  value: PickedPerson | null;
  /** Someone who may not be picked (a person cannot manage themselves). */
  excludeId?: string;
  error?: string;
  onChange: (value: PickedPerson | null) => void;
}

/** Picks one person by server-side search (name, pinyin, initials, email). */
export function PersonPicker({ label, value, excludeId, error, onChange }: PersonPickerProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const results = usePeople({ q, departmentId: null, includeInactive: false }, { enabled: q.length > 0 });
  const options = q ? (results.data?.pages[0]?.items ?? []).filter((p) => p.id !== excludeId).slice(0, 8) : [];

  function handlePick(p: PickedPerson) {
    onChange(p);
    setText('');
  }

  return (
    <div className={`field person-picker${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {value ? (
        <div className="picked">
          <Avatar name={value.name} size="sm" />
          <span>{value.name}</span>
          <button type="button" className="icon-btn" aria-label={t('common.clear')} onClick={() => onChange(null)}>
            ×
          </button>
        </div>
      ) : (
        <input id={id} type="search" value={text} placeholder={t('picker.searchPerson')} autoComplete="off" onChange={(e) => setText(e.target.value)} />
      )}
      {!value && options.length > 0 && (
        <ul className="picker-options" role="listbox">
          {options.map((p) => (
            <li key={p.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => handlePick({ id: p.id, name: p.name })}>
                <Avatar name={p.name} size="sm" />
                <span>{p.name}</span>
                <span className="muted">{p.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!value && q && results.data && options.length === 0 && <p className="field-hint">{t('directory.noMatches')}</p>}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
