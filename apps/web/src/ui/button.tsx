import type { ReactNode } from 'react';
import { Spinner } from './spinner.tsx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps {
  children: ReactNode;
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  type?: 'button' | 'submit';
  /** Submits the form with this id from outside it (a dialog footer). */
  form?: string;
  disabled?: boolean;
  /** Shows a spinner and blocks clicks while an action runs. */
  busy?: boolean;
  title?: string;
  ariaLabel?: string;
  testId?: string;
  onClick?: () => void;
}

export function Button({
  children,
  variant = 'secondary',
  size = 'md',
  type = 'button',
  form,
  disabled,
  busy,
  title,
  ariaLabel,
  testId,
  onClick,
}: ButtonProps) {
  return (
    <button
      type={type}
      form={form}
      className={`btn btn-${variant}${size === 'sm' ? ' btn-sm' : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      title={title}
      aria-label={ariaLabel}
      data-testid={testId}
      onClick={onClick}
    >
      {busy && <Spinner size="sm" />}
      {children}
    </button>
  );
}
