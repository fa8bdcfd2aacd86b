import { Badge, Tooltip } from "@fluentui/react-components";
import type { LocalizedText } from "../../core/pack/schema";
import { localized } from "../../i18n";
import { useLocale } from "../locale";

/** 本地设定: marks a number the source document does not state, with the pack's reason on hover. */
export function LocalMark({ note }: { note?: LocalizedText | undefined }) {
  const { t, locale } = useLocale();
  const text = note ? localized(locale, note) : t("ui.local.legend");
  return (
    <Tooltip content={text} relationship="description">
      <Badge size="small" appearance="tint" color="warning" data-testid="local-mark" aria-label={text}>
        {t("ui.local.mark")}
      </Badge>
    </Tooltip>
  );
}
