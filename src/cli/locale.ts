import { DEFAULT_LOCALE, type Locale } from "../i18n";

/** --lang wins, then LC_ALL, LC_MESSAGES, LANG (POSIX order); Chinese unless one says English. */
export function cliLocale(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  const fromArgs = langArgument(argv);
  const value = fromArgs ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "";
  return parseLocale(value) ?? DEFAULT_LOCALE;
}

export function parseLocale(value: string): Locale | null {
  if (/^en\b|^en[_-]/i.test(value)) return "en-US";
  if (/^zh\b|^zh[_-]/i.test(value)) return "zh-CN";
  return null;
}

function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--lang") return argv[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}
