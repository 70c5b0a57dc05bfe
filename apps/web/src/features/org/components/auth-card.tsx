import type { ReactNode } from 'react';
import { LocaleSwitch } from './locale-switch.tsx';

export interface AuthCardProps {
  title: string;
  subtitle?: string;
  children: ReactNode;
}

/** The centred card for sign-in and first-run setup, with the language switch above it. */
export function AuthCard({ title, subtitle, children }: AuthCardProps) {
  return (
    <div className="auth-page">
      <div className="auth-topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Concord
        </span>
        <LocaleSwitch compact />
      </div>
      <main className="auth-card">
        <h1>{title}</h1>
        {subtitle && <p className="auth-subtitle">{subtitle}</p>}
        {children}
      </main>
    </div>
  );
}
