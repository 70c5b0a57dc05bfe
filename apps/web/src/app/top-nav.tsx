import { useCallback, useRef, useState } from 'react';
import { Link, NavLink, useLocation } from 'react-router-dom';
import type { SessionUser } from '@concord/contracts';
import { LocaleSwitch } from '../features/org/index.ts';
import { InboxBell } from '../features/notify/index.ts';
import { useT, type MessageKey } from '../lib/i18n/i18n.tsx';
import { useRealtimeStatus } from '../lib/realtime.tsx';
import { UserMenu } from './user-menu.tsx';
import { useDismiss } from './use-dismiss.ts';

type NavKey = 'base' | 'crm' | 'hire' | 'okr' | 'directory' | 'admin';

const MODULES: readonly { key: NavKey; to: string; label: MessageKey; adminOnly?: boolean }[] = [
  { key: 'base', to: '/base', label: 'nav.base' },
  { key: 'crm', to: '/crm', label: 'nav.crm' },
  { key: 'hire', to: '/hire', label: 'nav.hire' },
  { key: 'okr', to: '/okr', label: 'nav.okr' },
  { key: 'directory', to: '/directory', label: 'nav.directory' },
  { key: 'admin', to: '/admin', label: 'nav.admin', adminOnly: true },
];

export interface TopNavProps {
  user: SessionUser;
}

/** The white top bar: modules (a menu button on phones), connection state, language and the user menu. */
export function TopNav({ user }: TopNavProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const [shownPath, setShownPath] = useState(pathname);
  // Any navigation (a link, the back button) closes the phone menu.
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }
  const navRef = useRef<HTMLElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(navRef, open, close);
  const realtime = useRealtimeStatus();
  const modules = MODULES.filter((m) => !m.adminOnly || user.role === 'admin');

  return (
    <header className="topbar">
      <nav ref={navRef} className={`topnav${open ? ' is-open' : ''}`} data-testid="top-nav" aria-label={t('nav.label')}>
        <button
          type="button"
          className="nav-toggle"
          data-testid="nav-toggle"
          aria-expanded={open}
          aria-controls="nav-links"
          aria-label={open ? t('nav.close') : t('nav.open')}
          onClick={() => setOpen(!open)}
        >
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            {open ? (
              <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            ) : (
              <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            )}
          </svg>
        </button>
        <Link to="/directory" className="brand" onClick={close}>
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Concord</span>
        </Link>
        <ul id="nav-links" className="nav-links">
          {modules.map((m) => (
            <li key={m.key}>
              <NavLink to={m.to} data-nav={m.key} className={({ isActive }) => `nav-link${isActive ? ' is-active' : ''}`} onClick={close}>
                {t(m.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="topbar-right">
        {realtime === 'reconnecting' && (
          <span className="conn-pill" role="status" data-testid="realtime-reconnecting">
            {t('realtime.reconnecting')}
          </span>
        )}
        <InboxBell userId={user.id} />
        <LocaleSwitch compact />
        <UserMenu user={user} />
      </div>
    </header>
  );
}
