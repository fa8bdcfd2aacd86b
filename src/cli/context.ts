import { t, type Locale, type MessageParams } from "../i18n";
import type { CliIO } from "./io";

/** What every command gets: where to write, and the language to write in. */
export interface CliContext {
  io: CliIO;
  locale: Locale;
  /** CLI text by key under "cli.". */
  tr(key: string, params?: MessageParams): string;
}

export function cliContext(io: CliIO, locale: Locale): CliContext {
  return { io, locale, tr: (key, params = {}) => t(locale, `cli.${key}`, params) };
}
