import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SessionUser } from '@concord/contracts';
import { useLogout } from '../features/org/index.ts';
import { useT } from '../lib/i18n/i18n.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { useDismiss } from './use-dismiss.ts';

export interface UserMenuProps {
  user: SessionUser;
}

/** The avatar button with who is signed in, personal tokens and sign-out. */
export function UserMenu({ user }: UserMenuProps) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);

  function handleLogout() {
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  }

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-menu-button"
        data-testid="user-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('user.menu')}
        onClick={() => setOpen(!open)}
      >
        <Avatar name={user.name} size="sm" />
        <span className="user-menu-name">{user.name}</span>
      </button>
      {open && (
        <div className="menu" role="menu">
          <div className="menu-header">
            <Avatar name={user.name} />
            <div>
              <div className="cell-strong">{user.name}</div>
              <div className="muted small">{user.email}</div>
              <div className="muted small">{user.role === 'admin' ? t('role.admin') : t('role.member')}</div>
            </div>
          </div>
          <Link to="/account/tokens" className="menu-item" role="menuitem" onClick={close}>
            {t('tokens.title')}
          </Link>
          <button type="button" className="menu-item" role="menuitem" data-testid="logout" disabled={logout.isPending} onClick={handleLogout}>
            {t('user.logout')}
          </button>
        </div>
      )}
    </div>
  );
}
