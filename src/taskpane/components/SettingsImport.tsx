import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { formatPackPath } from "../../core/pack/problems";
import type { Pack } from "../../core/pack/schema";
import type { SettingsResult } from "../../core/pack/settings";
import { localized, t as translate } from "../../i18n";
import { readJsonFile } from "../localFile";
import { useLocale } from "../locale";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A settings file read in the pane: the adjusted pack, or every problem with its field. */
export type ImportedSettings = SettingsResult & { file: string };

/** Settings files are small; anything larger is refused before it is read. */
const MAX_BYTES = 1024 * 1024;

/** Reads a local settings file (JSON) and applies it to `pack`, as `taizhang init --settings` does. */
export async function readSettings(file: File, pack: Pack): Promise<ImportedSettings> {
  const unreadable = (detail: string): ImportedSettings => ({
    ok: false,
    file: file.name,
    problems: [{ code: "settings.unreadable", path: [], params: { detail } }],
  });
  const read = await readJsonFile(file, MAX_BYTES);
  if (!read.ok) return unreadable(read.detail);
  // The settings schema (zod) is loaded only when a settings file is opened.
  const { applySettings } = await import(/* webpackChunkName: "pack-checks" */ "../../core/pack/settings");
  return { ...applySettings(pack, read.data), file: file.name };
}

export interface SettingsImportProps {
  pack: Pack | undefined;
  imported: ImportedSettings | null;
  disabled: boolean;
  onImported: (imported: ImportedSettings | null) => void;
}

/** 导入设置文件: a coordinator's points, 评分标准, bands and local figures, applied before install. */
export function SettingsImport({ pack, imported, disabled, onImported }: SettingsImportProps) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const problems = imported && !imported.ok ? imported.problems : [];
  return (
    <Field
      label={t("ui.settings.label")}
      hint={t("ui.settings.hint")}
      validationState={problems.length > 0 ? "error" : imported?.ok ? "success" : "none"}
      validationMessage={
        problems.length > 0 ? (
          <ul className={styles.list} data-testid="settings-problems">
            {problems.map((p, i) => (
              <li key={i}>
                {formatPackPath(p.path)}: {translate(locale, `pack.${p.code}`, p.params)}
              </li>
            ))}
          </ul>
        ) : imported?.ok ? (
          t("ui.settings.applied", {
            name: imported.settings.name ? localized(locale, imported.settings.name) : imported.file,
            hash: imported.settings.hash,
          })
        ) : undefined
      }
    >
      <div className={styles.row}>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t("ui.settings.choose")}
          data-testid="settings-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file && pack) void readSettings(file, pack).then(onImported);
          }}
        />
        <Button size="small" disabled={disabled || !pack} onClick={() => input.current?.click()}>
          {t("ui.settings.choose")}
        </Button>
        {imported && (
          <Button size="small" appearance="subtle" disabled={disabled} onClick={() => onImported(null)}>
            {t("ui.settings.clear")}
          </Button>
        )}
        {!imported && <Caption1>{t("ui.settings.none")}</Caption1>}
      </div>
    </Field>
  );
}
