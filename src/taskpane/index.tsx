import { createRoot } from "react-dom/client";
import { packsReady } from "../core/pack/builtin";
import { localeFor, localeReady } from "../i18n";
import { createExcelHost } from "./excelHost";
import { receiveReport, type ReportDialogOffice } from "./reportOpen";
import { TaskpaneApp } from "./TaskpaneApp";
import { themeFor } from "./theme";

const root = createRoot(document.getElementById("root") as HTMLElement);

// Outside Office, onReady resolves with host null (design.md §8). The built-in packs' chunk is
// fetched meanwhile: the pane draws once both are there (and the English messages, in English).
void Promise.all([Office.onReady(), packsReady()]).then(async ([info]) => {
  const locale = localeFor(Office.context?.displayLanguage);
  // ?report: the gap report's dialog on hosts that ignore downloads (reportOpen.ts).
  if (new URLSearchParams(location.search).has("report")) {
    receiveReport(Office as unknown as ReportDialogOffice, (html) => {
      document.open();
      document.write(html);
      document.close();
    });
    return;
  }
  await localeReady(locale);
  if (info.host !== Office.HostType.Excel) {
    // Only a plain browser gets here; Excel never needs this page's code (issue 14).
    const { NotInExcel } = await import(/* webpackChunkName: "not-in-excel" */ "./NotInExcel");
    root.render(<NotInExcel locale={locale} />);
    return;
  }
  const theme = themeFor(Office.context.officeTheme);
  // ?selftest: the adapter's contract against this Excel (README, "Checking the add-in in real Excel").
  if (new URLSearchParams(location.search).has("selftest")) {
    // A page for checking the add-in, not for daily use: its code is fetched only here (issue 14).
    const { SelfTestPage } = await import(/* webpackChunkName: "selftest" */ "./SelfTestPage");
    root.render(<SelfTestPage locale={locale} theme={theme} />);
    return;
  }
  root.render(<TaskpaneApp host={createExcelHost({ locale })} theme={theme} initialLocale={locale} />);
});
