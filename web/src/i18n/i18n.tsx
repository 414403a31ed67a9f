import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { de } from './messages.de';
import { en, type MessageKey } from './messages.en';
import { formatDateTime, formatRelative } from './format';

export type Language = 'en' | 'de';
export const LANGUAGES: Language[] = ['en', 'de'];
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, de };
/** A UI preference, the only kind of thing this application keeps in localStorage. */
const PREFERENCE = 'autocrm.language';

export function preferredLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(PREFERENCE);
    if (saved === 'en' || saved === 'de') return saved;
  } catch {
    // storage may be blocked; the browser's language then decides
  }
  return navigator.language?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** The message in the language, with {name} placeholders filled in. */
export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const text = CATALOGUES[language][key] ?? en[key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  dateTime(iso: string | null | undefined): string;
  relative(iso: string | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Language }) {
  const [language, setLanguageState] = useState<Language>(initial ?? preferredLanguage());
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(PREFERENCE, next);
    } catch {
      // not kept; still switched for this page
    }
  }, []);
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = language;
    return {
      language,
      setLanguage,
      t: (key, values) => translate(language, key, values),
      dateTime: (iso) => formatDateTime(iso, language),
      relative: (iso) => formatRelative(iso, language),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
