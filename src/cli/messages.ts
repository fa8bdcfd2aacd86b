import { t } from "../i18n";
import { isXlsxError } from "../xlsx/errors"; // not the barrel: it loads ExcelJS, which --help must not
import type { CliContext } from "./context";
import { CliError } from "./errors";

/** The one place an error becomes a sentence for the user. Unknown errors keep their detail. */
export function errorMessage(ctx: CliContext, error: unknown): string {
  if (isXlsxError(error)) return ctx.tr("error.unusable", { reason: xlsxReason(ctx, error) });
  if (error instanceof CliError) return ctx.tr(`error.${error.code}`, error.params);
  const detail = error instanceof Error ? error.message : String(error);
  return ctx.tr("error.unexpected", { detail });
}

/** The reason alone, e.g. for a skipped file in a consolidation. */
export function reasonMessage(ctx: CliContext, error: unknown): string {
  if (isXlsxError(error)) return xlsxReason(ctx, error);
  return errorMessage(ctx, error);
}

function xlsxReason(
  ctx: CliContext,
  error: { code: string; params: Readonly<Record<string, string | number>> },
) {
  return t(ctx.locale, `xlsx.error.${error.code}`, error.params);
}
