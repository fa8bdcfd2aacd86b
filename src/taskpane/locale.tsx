import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { localeReady, t as translate, type Locale, type MessageParams } from "../i18n";

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: string, params?: MessageParams) => string;
}

const LocaleContext = createContext<LocaleState | null>(null);

export function LocaleProvider({ initial, children }: { initial: Locale; children: ReactNode }) {
  const [locale, setShownLocale] = useState<Locale>(initial);
  // The pane's build fetches the English messages on first use: switch once they are there.
  const setLocale = useCallback(
    (next: Locale) => void localeReady(next).then(() => setShownLocale(next)),
    [],
  );
  const t = useCallback((key: string, params?: MessageParams) => translate(locale, key, params), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error("useLocale outside LocaleProvider");
  return state;
}
