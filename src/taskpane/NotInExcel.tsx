import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { t, type Locale } from "../i18n";

/** Shown when the task pane is opened outside Excel and outside the preview host. */
export function NotInExcel({ locale }: { locale: Locale }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16 }}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(locale, "ui.notInExcel.title")}</MessageBarTitle>
          <p>{t(locale, "ui.notInExcel.body")}</p>
          <Link href="preview.html">{t(locale, "ui.notInExcel.preview")}</Link>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
