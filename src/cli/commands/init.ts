import { assess } from "../../core/assess";
import { layoutFor } from "../../core/layout";
import { defaultAssessmentYear, FIRST_ASSESSMENT_YEAR } from "../../core/assessmentYear";
import { isCalendarDate, type Pack } from "../../core/pack";
import { buildTemplate, formulasFor, readMeta, readSnapshot, saveXlsx, writeResultSheets } from "../../xlsx";
import type { CliContext } from "../context";
import { CliError, EXIT } from "../errors";
import { checkOutput, writeAtomic } from "../files";
import { readPackFile } from "../packFile";
import { readSettingsFile } from "../settingsFile";
import { builtin } from "./pack";

export interface InitOptions {
  /** A built-in pack, id or id@version; or else `packFile`. */
  pack?: string;
  /** A pack file: template JSON, a 细则 workbook or a plain 考核细则 table. */
  packFile?: string;
  township: string;
  date?: string;
  /** 评估年度; defaults to the year of --date, or the year before when --date is in January–March. */
  year?: string;
  /** A local settings file (JSON) that adjusts the pack; recorded in the workbook. */
  settings?: string;
  output: string;
  force?: boolean;
}

/** `taizhang init`: a blank workbook for one township, ready to hand out. */
export async function initCommand(ctx: CliContext, options: InitOptions): Promise<number> {
  const shipped = await chosenPack(ctx, options);
  const township = options.township.trim();
  if (!township) throw new CliError("emptyTownship");
  if (options.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new CliError("badDate", { date: options.date });
    // Well formed but not in the calendar (2019-02-30): the format advice would mislead.
    if (!isCalendarDate(options.date)) throw new CliError("impossibleDate", { date: options.date });
  }
  const year = assessmentYearOption(options.year, options.date);
  const adjusted = options.settings ? await readSettingsFile(ctx, options.settings, shipped) : undefined;
  if (adjusted && adjusted.pack.id !== shipped.id) {
    throw new CliError("settingsOtherPack", { settingsPack: adjusted.pack.id, pack: shipped.id });
  }
  const pack = adjusted && adjusted.pack.version === shipped.version ? adjusted.pack : shipped;
  if (adjusted && pack !== adjusted.pack) {
    throw new CliError("settingsOtherPack", {
      settingsPack: `${adjusted.pack.id}@${adjusted.pack.version}`,
      pack: `${shipped.id}@${shipped.version}`,
    });
  }
  const output = { force: Boolean(options.force), inputs: options.packFile ? [options.packFile] : [] };
  await checkOutput(options.output, output);

  const workbook = buildTemplate(pack, {
    township,
    ...(options.date ? { assessmentDate: options.date } : {}),
    ...(year !== undefined ? { assessmentYear: year } : {}),
    ...(adjusted ? { settings: adjusted.settings.json } : {}),
  });
  // The result sheets start with the blank workbook's own result: every item still a gap.
  const layout = layoutFor(pack);
  const { snapshot } = readSnapshot(workbook, layout, readMeta(workbook));
  writeResultSheets(workbook, assess(pack, snapshot), layout, "zh-CN", formulasFor(pack));
  await writeAtomic(options.output, await saveXlsx(workbook), output);
  ctx.io.stderr(`${ctx.tr("init.done", { path: options.output, pack: pack.id, version: pack.version })}\n`);
  return EXIT.ok;
}

/** The pack to install: --pack-file's, else the built-in --pack; naming both, they must agree. */
async function chosenPack(ctx: CliContext, options: InitOptions): Promise<Pack> {
  if (!options.packFile) {
    if (!options.pack) throw new CliError("noPack");
    return builtin(options.pack);
  }
  const pack = await readPackFile(ctx, options.packFile);
  const named = options.pack?.split("@", 1)[0];
  if (named !== undefined && named !== pack.id)
    throw new CliError("packFileOther", { pack: named, given: pack.id });
  return pack;
}

/** --year as given (checked), or its default from --date; undefined when neither is known. */
function assessmentYearOption(year: string | undefined, date: string | undefined): number | undefined {
  if (year === undefined) return date ? defaultAssessmentYear(date) : undefined;
  const value = Number(year);
  const latest = date ? Number(date.slice(0, 4)) : 9999;
  if (!/^\d{4}$/.test(year) || value < FIRST_ASSESSMENT_YEAR || value > latest) {
    throw new CliError("badYear", { year });
  }
  return value;
}
