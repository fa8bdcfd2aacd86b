import { hasMessage, t, type Locale } from "../i18n";

/** An error the user can act on: an i18n key and its params (design.md §9: one place shows messages). */
export interface UserError {
  code: string;
  params?: Readonly<Record<string, string | number | boolean>>;
}

export function isUserError(value: unknown): value is UserError {
  return (
    typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string"
  );
}

/** The sentence for any thrown value: its own message key when it has one, else a plain fallback. */
export function errorText(locale: Locale, error: unknown): string {
  if (isUserError(error) && hasMessage(locale, error.code)) return t(locale, error.code, error.params);
  const detail = error instanceof Error ? error.message : String(error);
  return t(locale, "ui.error.unexpected", { detail });
}
