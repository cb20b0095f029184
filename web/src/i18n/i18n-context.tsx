import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.js';
import { zh } from './zh.js';
import { translate, type MessageParams } from './translate.js';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

const dictionaries: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, zh };
const STORAGE_KEY = 'credence.lang';
/** BCP 47 tags for the `lang` attribute and for Intl formatting. */
export const LOCALE: Readonly<Record<Language, string>> = { en: 'en', zh: 'zh-CN' };

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18n {
  readonly lang: Language;
  readonly locale: string;
  readonly setLang: (lang: Language) => void;
  readonly t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return window.navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
  }, [lang]);
  const setLang = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({
    lang,
    locale: LOCALE[lang],
    setLang,
    t: (key, params) => translate(dictionaries[lang][key], params),
  }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
