import { useState } from 'react';

export interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel: string;
  copiedLabel: string;
  testId?: string;
}

/** A read-only value (a secret shown once) with a copy button. */
export function CopyField({ label, value, copyLabel, copiedLabel, testId }: CopyFieldProps) {
  const [copied, setCopied] = useState(false);

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // Clipboard blocked (plain http): the value stays selectable.
    }
  }

  return (
    <div className="copy-field">
      <span className="copy-field-label">{label}</span>
      <div className="copy-field-row">
        <code data-testid={testId}>{value}</code>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => void handleCopy()}>
          {copied ? copiedLabel : copyLabel}
        </button>
      </div>
    </div>
  );
}
