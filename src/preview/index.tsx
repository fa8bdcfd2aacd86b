import { createRoot } from "react-dom/client";
import { FakeExcel } from "../excel/fake";
import { localeFor } from "../i18n";
import { createExcelHost } from "../taskpane/excelHost";
import { TaskpaneApp } from "../taskpane/TaskpaneApp";
import { themeFor } from "../taskpane/theme";
import { PreviewHost } from "./PreviewHost";
import { WorkbookGrid } from "./WorkbookGrid";

const params = new URLSearchParams(location.search);
const locale = localeFor(params.get("lang"));
// The workbook lives in this page only; Excel on the web with ExcelApi 1.14 is what it stands in for.
const excel = new FakeExcel({ apiVersion: "1.14", sheets: ["Sheet1"] });
const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported, locale });

createRoot(document.getElementById("root") as HTMLElement).render(
  <PreviewHost
    locale={locale}
    workbook={<WorkbookGrid excel={excel} locale={locale} />}
    pane={<TaskpaneApp host={host} theme={themeFor(undefined)} initialLocale={locale} />}
  />,
);
