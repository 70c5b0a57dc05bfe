import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@concord/contracts';
import { setApiLanguage } from '../api-client.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-cn.ts';

export type { MessageKey };
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: TranslateVars) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };
const STORAGE_KEY = 'concord.locale';

/** The browser's language: any Chinese variant → zh-CN, everything else → English. */
export function browserLocale(): Locale {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language];
  return /^zh/i.test(langs[0] ?? '') ? 'zh-CN' : 'en';
}

function storedLocale(): Locale | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

/** The language to start with before the session is known: a choice made on this device, else the browser's. */
export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale();
}

/** Looks up `key` in `locale` and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: TranslateVars): string {
  const text = DICTIONARIES[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

interface I18nContextValue {
  locale: Locale;
  t: Translate;
  /** Switches the UI language (and remembers it on this device). */
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  setApiLanguage(locale);
}

export interface I18nProviderProps {
  children: ReactNode;
}

export function I18nProvider({ children }: I18nProviderProps) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });

  useEffect(() => {
    applyLocale(locale);
    document.title = translate(locale, 'app.title');
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice still applies to this tab.
    }
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(() => ({ locale, setLocale, t: (key, vars) => translate(locale, key, vars) }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, `t()` and the switch. */
export function useI18n(): I18nContextValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Shorthand for components that only translate. */
export function useT(): Translate {
  return useI18n().t;
}
