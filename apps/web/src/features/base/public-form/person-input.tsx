import { useState } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { Avatar } from '../../../ui/avatar.tsx';
import { usePeopleSearch } from '../api/search-people.ts';
import type { PickedPerson } from './form-values.ts';

export interface PersonInputProps {
  inputId: string;
  value: readonly PickedPerson[];
  multiple: boolean;
  invalid: boolean;
  onChange: (value: PickedPerson[]) => void;
}

/** Picks people from the directory by name, pinyin or email (signed-in visitors only: the directory is not public). */
export function PersonInput({ inputId, value, multiple, invalid, onChange }: PersonInputProps) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 200);
  const results = usePeopleSearch(q);
  const picked = new Set(value.map((p) => p.id));
  const options = q ? (results.data ?? []).filter((p) => !picked.has(p.id)).slice(0, 8) : [];

  function handlePick(p: PickedPerson) {
    onChange(multiple ? [...value, p] : [p]);
    setText('');
  }

  return (
    <div className="pf-person">
      {value.length > 0 && (
        <ul className="pf-person-picked">
          {value.map((p) => (
            <li key={p.id} className="person-chip">
              <Avatar name={p.name} size="sm" />
              <span>{p.name}</span>
              <button
                type="button"
                className="icon-btn"
                aria-label={t('publicForm.removePerson', { name: p.name })}
                onClick={() => onChange(value.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {(multiple || value.length === 0) && (
        <input
          id={inputId}
          type="search"
          value={text}
          autoComplete="off"
          placeholder={t('picker.searchPerson')}
          aria-invalid={invalid || undefined}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      {options.length > 0 && (
        <ul className="picker-options pf-person-options" role="listbox">
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
    </div>
  );
}
