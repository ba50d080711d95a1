// The reader's language: Simplified Chinese first, English as a switch. The words are in
// shared/i18n.ts, which the desktop menu reads too; the menu follows the reader's choice.

import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client.ts';
import { MESSAGES, type Lang, type Messages } from '../../shared/i18n.ts';

const LANG_KEY = 'clauseway.lang';

interface LangContext {
  lang: Lang;
  t: Messages;
  setLang: (l: Lang) => void;
}

const Context = createContext<LangContext>({ lang: 'zh', t: MESSAGES.zh, setLang: () => undefined });

export function LanguageProvider({ children }: { children: ReactNode }): ReactNode {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    // Only the desktop menu listens; when the engine cannot be reached the page says so elsewhere.
    api.setLanguage(lang).catch(() => undefined);
  }, [lang]);
  const value = useMemo(
    () => ({
      lang,
      t: MESSAGES[lang],
      setLang: (l: Lang) => {
        localStorage.setItem(LANG_KEY, l);
        setLangState(l);
      },
    }),
    [lang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useI18n = (): LangContext => useContext(Context);
