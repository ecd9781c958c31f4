import { type Bilingual, splitBilingual } from '@sscard/rules';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { en } from './en.js';
import { formatDateTime } from './format-date-time.js';
import { type Messages, zhCN } from './zh-CN.js';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const STORAGE_KEY = 'sscard.lang';
const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

/** Chinese unless the person chose English on this browser before. */
export function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export interface I18n {
  lang: Lang;
  t: Messages;
  setLang(lang: Lang): void;
  /** The half of an API or rules message ("中文 / English") in the interface language. */
  pick(message: string): string;
  /** A rules label ({ zh, en }) in the interface language. */
  label(value: Bilingual): string;
  /** An instant from the API (ISO 8601) on Beijing's clock, written the interface language's way. */
  dateTime(value: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);
  useEffect(() => {
    // Screen readers pick their voice from the page's language.
    document.documentElement.lang = lang;
    document.title = MESSAGES[lang].app.name;
  }, [lang]);
  const value = useMemo<I18n>(() => {
    const english = lang === 'en';
    return {
      lang,
      t: MESSAGES[lang],
      setLang,
      pick: (message) => {
        const halves = splitBilingual(message);
        return english ? halves.en : halves.zh;
      },
      label: (value) => (english ? value.en : value.zh),
      dateTime: (value) => formatDateTime(value, english),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
