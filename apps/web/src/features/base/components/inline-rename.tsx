import { useRef, useState } from 'react';

export interface InlineRenameProps {
  value: string;
  label: string;
  testId?: string;
  onSave: (name: string) => void;
  onDone: () => void;
}

/** A name edited in place: Enter or leaving saves (when changed), Escape keeps the old name. */
export function InlineRename({ value, label, testId, onSave, onDone }: InlineRenameProps) {
  const [text, setText] = useState(value);
  const finished = useRef(false);
  const finish = (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const name = text.trim();
    if (save && name && name !== value) onSave(name);
    onDone();
  };
  return (
    <input
      className="inline-rename"
      aria-label={label}
      data-testid={testId}
      autoFocus
      value={text}
      maxLength={100}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.nativeEvent.isComposing) return;
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
      onBlur={() => finish(true)}
    />
  );
}
