import { useT, type MessageKey } from '../lib/i18n/i18n.tsx';

export type ModuleName = 'base' | 'crm' | 'hire' | 'okr';

const TITLES: Record<ModuleName, { name: MessageKey; blurb: MessageKey }> = {
  base: { name: 'nav.base', blurb: 'module.base.blurb' },
  crm: { name: 'nav.crm', blurb: 'module.crm.blurb' },
  hire: { name: 'nav.hire', blurb: 'module.hire.blurb' },
  okr: { name: 'nav.okr', blurb: 'module.okr.blurb' },
};

export interface ComingSoonPageProps {
  module: ModuleName;
}

/** Placeholder for a module that is not built yet. */
export function ComingSoonPage({ module }: ComingSoonPageProps) {
  const t = useT();
  const { name, blurb } = TITLES[module];
  return (
    <div className="status-page" data-testid="coming-soon" data-module={module}>
      <div className="status-icon status-icon-blue" aria-hidden="true">
        <svg viewBox="0 0 48 48" width="48" height="48">
          <rect x="8" y="8" width="32" height="32" rx="8" fill="none" stroke="currentColor" strokeWidth="3" />
          <path d="M24 16v9l6 4" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <h1>{t(name)}</h1>
      <p className="status-lead">{t('module.comingSoon')}</p>
      <p className="muted">{t(blurb)}</p>
    </div>
  );
}
