import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Assessment } from "../../core/assessment";
import { localized } from "../../i18n";
import { formatPoints as pts } from "../../core/score/round";
import { useLocale } from "../locale";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Items set apart from the score: 待完成 (not yet due) and 声明事项 (declared empty ledgers). */
export function AsideItems({ assessment }: { assessment: Assessment }) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  return (
    <>
      {assessment.pending.length > 0 && (
        <section data-testid="pending">
          <Subtitle2 as="h2">{t("ui.score.pending")}</Subtitle2>
          <ul className={styles.list}>
            {assessment.pending.map((p) => (
              <li key={p.itemId}>
                <Caption1>
                  {t("ui.score.pendingItem", {
                    item: p.itemId,
                    title: localized(locale, p.title),
                    points: pts(p.points),
                    due: p.due,
                  })}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
      {assessment.declarations.length > 0 && (
        <section data-testid="declarations">
          <Subtitle2 as="h2">{t("ui.score.declarations")}</Subtitle2>
          <ul className={styles.list}>
            {assessment.declarations.map((d) => (
              <li key={d.ledgerId}>
                <Caption1>
                  {t("ui.score.declaration", {
                    ledger: localized(locale, d.title),
                    items: d.itemIds.join(", "),
                    reason: d.reason,
                  })}
                </Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
