import { useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../lib/i18n/i18n.tsx';
import type { EditorMove, EditorProps } from './field-ui-types.ts';

export interface PickerItem {
  key: string;
  label: string;
  /** How the item shows in the list and as a picked chip (defaults to the label). */
  node?: ReactNode;
  /** Kept with the value (e.g. a person's name, so the cell shows it before the server answers). */
  data?: unknown;
}

export interface PickerPopoverProps {
  editor: EditorProps;
  /** Candidates matching `query` (filtered by the caller, locally or on the server). */
  items: readonly PickerItem[];
  initial: readonly PickerItem[];
  multiple: boolean;
  query: string;
  onQuery: (q: string) => void;
  toValue: (picked: readonly PickerItem[]) => unknown;
  placeholder: string;
  loading?: boolean;
  /** Shown under the list (e.g. "Create option"). Gets the current query. */
  footer?: (commitWith: (extra: PickerItem) => void) => ReactNode;
}

/**
 * The shared popover of option, person, department and link editors: picked chips, a search box and a keyboard-driven
 * list. Single pickers commit on pick; multi pickers toggle and commit on Enter (empty search), Tab or leaving.
 */
export function PickerPopover({ editor, items, initial, multiple, query, onQuery, toValue, placeholder, loading, footer }: PickerPopoverProps) {
  const t = useT();
  const [picked, setPicked] = useState<readonly PickerItem[]>(initial);
  const [active, setActive] = useState(0);
  const done = useRef(false);
  const pickedRef = useRef(picked);
  pickedRef.current = picked;

  function finish(move: EditorMove, list = pickedRef.current) {
    if (done.current) return;
    done.current = true;
    editor.onCommit(toValue(list), move);
  }

  function cancel() {
    if (done.current) return;
    done.current = true;
    editor.onCancel();
  }

  function toggle(item: PickerItem) {
    if (!multiple) return finish(editor.variant === 'cell' ? 'down' : 'none', [item]);
    const has = picked.some((p) => p.key === item.key);
    setPicked(has ? picked.filter((p) => p.key !== item.key) : [...picked, item]);
    onQuery('');
  }

  function handleKeyDown(e: KeyboardEvent) {
    e.stopPropagation();
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(items.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[active];
      if (item && (query || !multiple)) toggle(item);
      else finish(editor.variant === 'cell' ? 'down' : 'none');
    } else if (e.key === 'Tab' && editor.variant === 'cell') {
      e.preventDefault();
      finish(e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      // Picks in a multi picker were deliberate clicks: Escape closes and keeps them; typed search text is dropped.
      const changed = picked.map((p) => p.key).join('\n') !== initial.map((p) => p.key).join('\n');
      if (multiple && changed) finish('none');
      else cancel();
    } else if (e.key === 'Backspace' && !query && multiple && picked.length) {
      setPicked(picked.slice(0, -1));
    }
  }

  function handleBlur(e: FocusEvent) {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    finish('none');
  }

  return (
    <div className="picker-popover" onKeyDown={handleKeyDown} onBlur={handleBlur}>
      <div className="picker-head">
        {picked.map((p) => (
          <span key={p.key} className="picker-picked">
            {p.node ?? p.label}
            <button
              type="button"
              aria-label={t('common.clear')}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setPicked(picked.filter((x) => x.key !== p.key))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          className="picker-search"
          autoFocus
          value={query}
          placeholder={placeholder}
          onChange={(e) => {
            onQuery(e.target.value);
            setActive(0);
          }}
        />
      </div>
      <ul className="picker-list" role="listbox">
        {items.map((item, i) => {
          const selected = picked.some((p) => p.key === item.key);
          return (
            <li key={item.key} role="option" aria-selected={selected}>
              <button
                type="button"
                className={`picker-item${i === active ? ' is-active' : ''}`}
                data-testid="picker-item"
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => toggle(item)}
              >
                <span className="picker-check">{selected ? '✓' : ''}</span>
                {item.node ?? item.label}
              </button>
            </li>
          );
        })}
        {!loading && items.length === 0 && <li className="picker-empty muted">{t('base.picker.noMatches')}</li>}
        {loading && items.length === 0 && <li className="picker-empty muted">{t('common.loading')}</li>}
      </ul>
      {footer?.((extra) => (multiple ? finish('none', [...pickedRef.current, extra]) : finish('none', [extra])))}
    </div>
  );
}
