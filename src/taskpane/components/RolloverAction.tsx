import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Locale } from "../../i18n";
import { useLocale } from "../locale";
import type { NextYearOutcome } from "../rollover";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
});

export interface RolloverActionProps {
  /** The workbook's 评估年度, when known: the default new year is the one after it. */
  currentYear: number | null;
  onStart: (year: string, locale: Locale) => Promise<NextYearOutcome>;
}

/** 开始新评估年度 on the 模板 tab: next year's workbook from this one, opened beside it. */
export function RolloverAction({ currentYear, onStart }: RolloverActionProps) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const [year, setYear] = useState(currentYear ? String(currentYear + 1) : "");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<NextYearOutcome | null>(null);
  const start = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await onStart(year.trim(), locale));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      setOutcome({ ok: false, key: "ui.rollover.failed", params: { detail } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.box} aria-label={t("ui.rollover.title")}>
      <Subtitle2>{t("ui.rollover.title")}</Subtitle2>
      <Field label={t("ui.rollover.year")} hint={t("ui.rollover.hint")}>
        <Input value={year} inputMode="numeric" onChange={(_e, d) => setYear(d.value)} />
      </Field>
      <Button appearance="secondary" disabled={busy} onClick={() => void start()}>
        {t("ui.rollover.start")}
      </Button>
      {outcome ? (
        <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline">
          <MessageBarBody>
            {outcome.ok
              ? t("ui.rollover.done", {
                  file: outcome.fileName,
                  carried: outcome.carried,
                  archived: outcome.archived,
                })
              : t(outcome.key, outcome.params)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
