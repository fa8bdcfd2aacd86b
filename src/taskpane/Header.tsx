import { Caption1, Select, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { LOCALES, type Locale } from "../i18n";
import { useLocale } from "./locale";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  lang: { minWidth: "96px", width: "96px" },
});

export function Header() {
  const styles = useStyles();
  const { t, locale, setLocale } = useLocale();
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Subtitle1 as="h1">{t("ui.app.title")}</Subtitle1>
        <Caption1>{t("ui.app.subtitle")}</Caption1>
      </div>
      <Select
        className={styles.lang}
        aria-label={t("ui.lang.label")}
        value={locale}
        onChange={(_, data) => setLocale(data.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(l === "zh-CN" ? "ui.lang.zh" : "ui.lang.en")}
          </option>
        ))}
      </Select>
    </header>
  );
}
