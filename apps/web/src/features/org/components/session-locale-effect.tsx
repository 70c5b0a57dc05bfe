import { useEffect, useRef } from 'react';
import { useI18n } from '../../../lib/i18n/i18n.tsx';
import { useMe } from '../api/get-me.ts';

/** Applies the signed-in user's saved language when the session loads (a user without one keeps the browser's). */
export function SessionLocaleEffect() {
  const saved = useMe().data?.user?.locale ?? null;
  const { setLocale } = useI18n();
  const applied = useRef<string | null>(null);
  useEffect(() => {
    // Only when the saved value changes (sign-in, another account): a local switch must not be undone.
    if (saved && saved !== applied.current) setLocale(saved);
    applied.current = saved;
  }, [saved, setLocale]);
  return null;
}
