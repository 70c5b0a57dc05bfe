import { useState } from 'react';
import { fromInputValue, toInputValue, zonedParts, zonedToEpoch } from '../utils/zoned-time.ts';
import { optionsOf } from './field-options.ts';
import type { EditorProps } from './field-ui-types.ts';
import { useEditorKeys } from './use-editor-keys.ts';

function initial(props: EditorProps, fromValue: () => string): string {
  return props.initialText ?? fromValue();
}

/** Text, phone, email: one line. The server checks and normalises phones (E.164) and emails. */
export function TextEditor(props: EditorProps) {
  const [text, setText] = useState(() => initial(props, () => (typeof props.value === 'string' ? props.value : '')));
  const keys = useEditorKeys(props, () => text);
  const type = props.field.type === 'email' ? 'email' : props.field.type === 'phone' ? 'tel' : 'text';
  return (
    <input
      className="editor-input"
      type={type}
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={keys.onKeyDown}
      onBlur={keys.onBlur}
    />
  );
}

export function LongTextEditor(props: EditorProps) {
  const [text, setText] = useState(() => initial(props, () => (typeof props.value === 'string' ? props.value : '')));
  const keys = useEditorKeys(props, () => text, true);
  return (
    <textarea
      className="editor-input editor-textarea"
      autoFocus
      rows={props.variant === 'form' ? 4 : 5}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={keys.onKeyDown}
      onBlur={keys.onBlur}
    />
  );
}

/** The URL's link; the cell shows it as a link opening in a new tab. */
export function UrlEditor(props: EditorProps) {
  const current = props.value && typeof props.value === 'object' && 'link' in props.value ? String((props.value as { link: unknown }).link) : '';
  const [text, setText] = useState(() => initial(props, () => current));
  const keys = useEditorKeys(props, () => (text.trim() ? { link: text.trim(), text: text.trim() } : null));
  return (
    <input
      className="editor-input"
      type="url"
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={keys.onKeyDown}
      onBlur={keys.onBlur}
    />
  );
}

/**
 * Numbers, currency, rating. Sends what was typed when it is not a plain number ("1,200", "¥3,000"), so the server's
 * parser (thousands separators, full-width digits) decides. Percent and progress are typed as percentages.
 */
export function NumberEditor(props: EditorProps) {
  const scaled = props.field.type === 'percent' || props.field.type === 'progress';
  const [text, setText] = useState(() =>
    initial(props, () => (typeof props.value === 'number' ? String(scaled ? Math.round(props.value * 1e8) / 1e6 : props.value) : '')),
  );
  const read = () => {
    const s = text.trim();
    if (!s) return null;
    const n = Number(s.replace(/,/g, ''));
    if (!Number.isFinite(n)) return s;
    return scaled ? (s.endsWith('%') ? s : n / 100) : n;
  };
  const keys = useEditorKeys(props, read);
  return (
    <input
      className="editor-input editor-number"
      inputMode="decimal"
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={keys.onKeyDown}
      onBlur={keys.onBlur}
    />
  );
}

/** A native date (or date-time) input, read and written in the field's time zone. */
export function DateEditor(props: EditorProps) {
  const o = optionsOf(props.field, 'date');
  const tz = o.timeZone ?? 'Asia/Shanghai';
  const withTime = o.includeTime ?? false;
  const [text, setText] = useState(() => (typeof props.value === 'number' ? toInputValue(zonedParts(props.value, tz), withTime) : ''));
  const keys = useEditorKeys(props, () => {
    const w = fromInputValue(text);
    return w ? zonedToEpoch(w, tz) : null;
  });
  return (
    <span className="editor-date">
      <input
        className="editor-input"
        type={withTime ? 'datetime-local' : 'date'}
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={keys.onKeyDown}
        onBlur={keys.onBlur}
      />
      <span className="editor-tz">{tz}</span>
    </span>
  );
}
