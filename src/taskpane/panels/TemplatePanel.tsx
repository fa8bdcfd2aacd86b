import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { DEFAULT_UNIT_LABEL } from "../../core/layout";
import { compareVersions } from "../../core/pack/builtin";
import { parseDate } from "../../core/values";
import { localized } from "../../i18n";
import type { InstallOutcome, InstallProgress, InstallSettings, InstalledPack } from "../host";
import { useLocale } from "../locale";
import { rememberOpenedPack } from "../../core/pack/opened";
import { summarizePacks, type PackFileResult, type PackSummary } from "../packs";
import { PackFileImport } from "../components/PackFileImport";
import { SettingsImport, type ImportedSettings } from "../components/SettingsImport";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface TemplatePanelProps {
  packs: readonly PackSummary[];
  installed: InstalledPack | null;
  progress: InstallProgress | null;
  lastInstall: InstallOutcome | null;
  onInstall: (pack: PackSummary["pack"], settings: InstallSettings) => void;
}

type Action = "install" | "upgrade" | "reinstall" | "otherPack";

export function TemplatePanel({
  packs: builtIn,
  installed,
  progress,
  lastInstall,
  onInstall,
}: TemplatePanelProps) {
  const styles = useStyles();
  const { t, locale } = useLocale();
  // Packs opened from files this session come first and stand in for a built-in one of the same id.
  const [opened, setOpened] = useState<readonly PackSummary[]>([]);
  const [fromFile, setFromFile] = useState<PackFileResult | null>(null);
  const packs = [...opened, ...builtIn.filter((b) => !opened.some((o) => o.pack.id === b.pack.id))];
  const [packId, setPackId] = useState(installed?.packId ?? packs[0]?.pack.id ?? "");
  const [township, setTownship] = useState(installed?.township ?? "");
  const [date, setDate] = useState(installed?.assessmentDate ?? "");
  const [touched, setTouched] = useState(false);
  const [imported, setImported] = useState<ImportedSettings | null>(null);

  const chosen = packs.find((p) => p.pack.id === packId);
  const unitLabel = localized(locale, chosen?.pack.assessment.unitLabel ?? DEFAULT_UNIT_LABEL);
  const action = actionFor(installed, chosen);
  const townshipError =
    touched && township.trim() === "" ? t("ui.install.township.required", { label: unitLabel }) : undefined;
  const dateResult = parseDate(date);
  const dateError = touched && !dateResult.ok ? t("ui.install.date.invalid") : undefined;
  const busy = progress !== null;
  const packInfo = ({ pack, itemCount, vetoCount }: PackSummary) =>
    t(vetoCount > 0 ? "ui.install.packInfoVetoes" : "ui.install.packInfo", {
      source: localized(locale, pack.source.issuer),
      date: pack.source.date ?? t("ui.install.undated"),
      version: pack.version,
      items: itemCount,
      vetoes: vetoCount,
    });

  const submit = () => {
    setTouched(true);
    if (!chosen || township.trim() === "" || !dateResult.ok || action === "otherPack") return;
    if (imported && !imported.ok) return;
    onInstall(imported?.ok ? imported.pack : chosen.pack, {
      township: township.trim(),
      assessmentDate: dateResult.value,
      ...(imported?.ok ? { settings: imported.settings.json } : {}),
    });
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-busy={busy}
      // Our own Field messages say what is wrong, in the pane's language.
      noValidate
    >
      <Field label={t("ui.install.pack")} required>
        <Select
          value={chosen ? chosen.pack.id : ""}
          onChange={(_, data) => {
            setPackId(data.value);
            setImported(null);
          }}
          disabled={busy}
        >
          {/* Nothing chosen (e.g. the workbook's pack is not one of these): the field shows empty. */}
          {!chosen && <option value="" disabled hidden />}
          {packs.map((summary) => (
            // A native option holds text only: the pack's facts show as its tooltip and under the field.
            <option key={summary.pack.id} value={summary.pack.id} title={packInfo(summary)}>
              {localized(locale, summary.pack.title)}
            </option>
          ))}
        </Select>
      </Field>
      {chosen && (
        <Caption1>
          {localized(locale, chosen.pack.source.title)} · {packInfo(chosen)}
        </Caption1>
      )}
      <Field
        label={unitLabel}
        required
        validationState={townshipError ? "error" : "none"}
        validationMessage={townshipError}
      >
        <Input value={township} onChange={(_, d) => setTownship(d.value)} disabled={busy} />
      </Field>
      <Field
        label={t("ui.install.date")}
        required
        hint={t("ui.install.date.hint")}
        validationState={dateError ? "error" : "none"}
        validationMessage={dateError}
      >
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} disabled={busy} />
      </Field>
      <PackFileImport
        result={fromFile}
        disabled={busy}
        onResult={(result) => {
          setFromFile(result);
          if (!result.ok) return;
          rememberOpenedPack(result.pack);
          setOpened((list) => [
            ...summarizePacks([result.pack]),
            ...list.filter((s) => s.pack.id !== result.pack.id),
          ]);
          setPackId(result.pack.id);
          setImported(null);
        }}
      />
      <SettingsImport pack={chosen?.pack} imported={imported} disabled={busy} onImported={setImported} />
      {action === "otherPack" && installed && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t("ui.install.otherPack", { pack: installed.packId, version: installed.packVersion })}
          </MessageBarBody>
        </MessageBar>
      )}
      {installed && action !== "otherPack" && (
        <Caption1>
          {t("ui.install.installed", { pack: installed.packId, version: installed.packVersion })}
        </Caption1>
      )}
      {installed && action !== "otherPack" && !installed.formulasCurrent && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t("ui.install.formulasOutdated")}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" type="submit" disabled={busy || action === "otherPack"}>
        {t(`ui.install.action.${action}`)}
      </Button>
      {progress && (
        <Field validationMessage={t(progress.stepKey)} validationState="none">
          <ProgressBar value={progress.fraction} max={1} aria-label={t("ui.install.progress")} />
        </Field>
      )}
      {lastInstall && !progress && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t(lastInstall.upgradedFrom ? "ui.install.done.upgrade" : "ui.install.done.install", {
                from: lastInstall.upgradedFrom ?? "",
              })}
            </MessageBarTitle>
            {t("ui.install.summary", {
              added: lastInstall.added,
              kept: lastInstall.kept,
              retired: lastInstall.retired,
              sheets: lastInstall.sheetsCreated,
            })}
            {lastInstall.renamedSheets.map((r) => (
              <div key={r.used}>{t("ui.install.renamed", { wanted: r.wanted, used: r.used })}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

function actionFor(installed: InstalledPack | null, chosen: PackSummary | undefined): Action {
  if (!installed || !chosen) return "install";
  if (installed.packId !== chosen.pack.id) return "otherPack";
  return compareVersions(chosen.pack.version, installed.packVersion) > 0 ? "upgrade" : "reinstall";
}
