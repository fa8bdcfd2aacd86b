import { createRoot } from "react-dom/client";
import { localeFor } from "../i18n";
import { createExcelHost } from "./excelHost";
import { NotInExcel } from "./NotInExcel";
import { TaskpaneApp } from "./TaskpaneApp";
import { themeFor } from "./theme";

const root = createRoot(document.getElementById("root") as HTMLElement);

// Outside Office, onReady resolves with host null (design.md §8).
void Office.onReady().then((info) => {
  const locale = localeFor(Office.context?.displayLanguage);
  if (info.host !== Office.HostType.Excel) {
    root.render(<NotInExcel locale={locale} />);
    return;
  }
  root.render(
    <TaskpaneApp
      host={createExcelHost({ locale })}
      theme={themeFor(Office.context.officeTheme)}
      initialLocale={locale}
    />,
  );
});
