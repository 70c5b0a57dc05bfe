import type { ReactNode } from 'react';

export interface AlertProps {
  tone: 'error' | 'info' | 'success' | 'warning';
  children: ReactNode;
  title?: ReactNode;
}

export function Alert({ tone, children, title }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong className="alert-title">{title}</strong>}
      <div>{children}</div>
    </div>
  );
}
