import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { formatPackPath } from "../../core/pack/problems";
import { t as translate, tableProblemLine } from "../../i18n";
import { useLocale } from "../locale";
import { readPackFile, type PackFileResult } from "../packs";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    flexWrap: "wrap",
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: { backgroundColor: tokens.colorNeutralBackground1Hover },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface PackFileImportProps {
  result: PackFileResult | null;
  disabled: boolean;
  onResult: (result: PackFileResult) => void;
}

/** 从文件安装模板: a pack JSON or a 细则 / 考核细则 workbook, picked or dropped; its problems by place. */
export function PackFileImport({ result, disabled, onResult }: PackFileImportProps) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);
  const open = (file: File | undefined) => {
    if (!file || disabled) return;
    setReading(true);
    const issuer = {
      zh: translate("zh-CN", "packTable.import.issuer"),
      en: translate("en-US", "packTable.import.issuer"),
    };
    void readPackFile(file, issuer)
      .then(onResult)
      .finally(() => setReading(false));
  };
  const lines =
    result && !result.ok
      ? [
          ...(result.unreadable !== undefined
            ? [t("ui.packFile.unreadable", { detail: result.unreadable })]
            : []),
          ...result.tableProblems.map((p) => tableProblemLine(locale, p)),
          ...result.packProblems.map(
            (p) => `${formatPackPath(p.path)}: ${translate(locale, `pack.${p.code}`, p.params)}`,
          ),
        ]
      : [];
  return (
    <Field
      label={t("ui.packFile.label")}
      hint={t("ui.packFile.hint")}
      validationState={lines.length > 0 ? "error" : result?.ok ? "success" : "none"}
      validationMessage={
        lines.length > 0 ? (
          <>
            {t("ui.packFile.problems", { file: result?.file ?? "", count: lines.length })}
            <ul className={styles.list} data-testid="pack-file-problems">
              {lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </>
        ) : result?.ok ? (
          t("ui.packFile.loaded", { file: result.file, pack: result.pack.id, version: result.pack.version })
        ) : undefined
      }
    >
      <div
        className={over ? `${styles.drop} ${styles.over}` : styles.drop}
        data-testid="pack-file-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          open(e.dataTransfer.files[0]);
        }}
      >
        <input
          ref={input}
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          aria-label={t("ui.packFile.choose")}
          data-testid="pack-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            open(file);
          }}
        />
        <Button size="small" disabled={disabled || reading} onClick={() => input.current?.click()}>
          {t("ui.packFile.choose")}
        </Button>
        <Caption1>{reading ? t("ui.packFile.reading") : t("ui.packFile.drop")}</Caption1>
      </div>
    </Field>
  );
}
