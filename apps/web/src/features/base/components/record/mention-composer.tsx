import { useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../../lib/use-debounced-value.ts';
import { Avatar } from '../../../../ui/avatar.tsx';
import { Button } from '../../../../ui/button.tsx';
import { usePeopleSearch } from '../../api/search-people.ts';

export interface Mention {
  id: string;
  name: string;
}

export interface MentionComposerProps {
  busy: boolean;
  onSend: (body: string, mentions: string[]) => Promise<unknown>;
}

/** The "@word" being typed just before the caret, if any. */
function mentionQuery(text: string, caret: number): { start: number; q: string } | null {
  const m = /(?:^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[1]!.length - 1, q: m[1]! } : null;
}

/** A comment box where "@" searches the directory; picked people are mentioned (and notified) when sent. */
export function MentionComposer({ busy, onSend }: MentionComposerProps) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [query, setQuery] = useState<{ start: number; q: string } | null>(null);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(query?.q ?? '', 150);
  const people = usePeopleSearch(q);
  const options = query ? (people.data ?? []).slice(0, 6) : [];

  function update(value: string, caret: number) {
    setText(value);
    setQuery(mentionQuery(value, caret));
    setActive(0);
  }

  function pick(p: Mention) {
    if (!query) return;
    const before = text.slice(0, query.start);
    const after = text.slice(query.start + 1 + query.q.length);
    const insert = `@${p.name} `;
    setText(before + insert + after);
    setMentions((m) => (m.some((x) => x.id === p.id) ? m : [...m, p]));
    setQuery(null);
    requestAnimationFrame(() => {
      const caret = before.length + insert.length;
      ref.current?.focus();
      ref.current?.setSelectionRange(caret, caret);
    });
  }

  async function send() {
    const body = text.trim();
    if (!body) return;
    const ids = mentions.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id);
    await onSend(body, ids);
    setText('');
    setMentions([]);
  }

  function handleKeyDown(e: KeyboardEvent) {
    if (e.nativeEvent.isComposing) return;
    if (options.length && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (options.length && (e.key === 'Enter' || e.key === 'Tab')) {
      e.preventDefault();
      const p = options[active];
      if (p) pick({ id: p.id, name: p.name });
    } else if (e.key === 'Escape' && query) {
      e.stopPropagation();
      setQuery(null);
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <div className="mention-composer">
      <textarea
        ref={ref}
        rows={3}
        value={text}
        placeholder={t('base.comments.placeholder')}
        data-testid="comment-input"
        onChange={(e) => update(e.target.value, e.target.selectionStart)}
        onKeyDown={handleKeyDown}
      />
      {options.length > 0 && (
        <ul className="mention-options" role="listbox" data-testid="mention-options">
          {options.map((p, i) => (
            <li key={p.id} role="option" aria-selected={i === active}>
              <button
                type="button"
                className={i === active ? 'is-active' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick({ id: p.id, name: p.name })}
              >
                <Avatar name={p.name} size="sm" />
                <span>{p.name}</span>
                <span className="muted small">{p.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mention-actions">
        <Button size="sm" variant="primary" busy={busy} testId="comment-send" onClick={() => void send()}>
          {t('base.comments.send')}
        </Button>
      </div>
    </div>
  );
}
