import { Body1 } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { localeFor, t } from "../i18n";
import { App } from "../taskpane/App";
import { themeFor } from "../taskpane/theme";
import { PreviewHost } from "./PreviewHost";

const locale = localeFor(new URLSearchParams(location.search).get("lang"));

createRoot(document.getElementById("root") as HTMLElement).render(
  <PreviewHost
    locale={locale}
    workbook={<Body1 style={{ padding: 12 }}>{t(locale, "ui.preview.emptyWorkbook")}</Body1>}
    pane={<App theme={themeFor(undefined)} initialLocale={locale} />}
  />,
);
