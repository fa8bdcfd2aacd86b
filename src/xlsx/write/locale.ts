import type { Locale } from "../../i18n";

/** Workbooks are written in Chinese, as the add-in writes them; English is for the CLI's own text. */
export const WORKBOOK_LOCALE: Locale = "zh-CN";
