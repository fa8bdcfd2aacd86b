import { promises as fs } from "node:fs";
import { applySettings, findPack, formatPackPath, type AppliedSettings, type Pack } from "../core/pack";
import { t } from "../i18n";
import type { CliContext } from "./context";
import { CliError } from "./errors";

/** Settings files are small: anything larger is not one. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface SettingsFile {
  /** The parsed JSON, to hand to the readers. */
  data: unknown;
  /** The pack it adjusts, adjusted, and the settings' identity. */
  pack: Pack;
  settings: AppliedSettings;
}

/**
 * Reads and validates a `--settings` file against the newest built-in version of the pack it
 * names (or `pack`, read from a `--pack-file`, when it names that one); every problem at once, each with its field, as one CliError (exit 2, nothing written).
 */
export async function readSettingsFile(ctx: CliContext, path: string, pack?: Pack): Promise<SettingsFile> {
  const stat = await fs.stat(path).catch(() => null);
  if (!stat) throw new CliError("inputMissing", { path });
  if (!stat.isFile() || stat.size > MAX_SETTINGS_BYTES)
    throw new CliError("badSettings", { path, problems: ctx.tr("error.settingsNotFile") });
  let data: unknown;
  try {
    data = JSON.parse(await fs.readFile(path, "utf8")) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError("badSettings", {
      path,
      problems: t(ctx.locale, "pack.settings.unreadable", { detail }),
    });
  }
  const packId =
    data !== null && typeof data === "object" ? (data as Record<string, unknown>)["pack"] : undefined;
  const base =
    typeof packId === "string" ? (pack && pack.id === packId ? pack : findPack(packId)) : undefined;
  if (!base) {
    throw new CliError("badSettings", {
      path,
      problems: ctx.tr("error.settingsPack", { pack: String(packId ?? "") }),
    });
  }
  const applied = applySettings(base, data);
  if (!applied.ok) {
    const problems = applied.problems
      .map((p) => `  ${formatPackPath(p.path)}: ${t(ctx.locale, `pack.${p.code}`, p.params)}`)
      .join("\n");
    throw new CliError("badSettings", { path, problems: `\n${problems}` });
  }
  return { data, pack: applied.pack, settings: applied.settings };
}
