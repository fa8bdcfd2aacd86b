import { assess } from "../../core/assess";
import { layoutFor } from "../../core/layout";
import { BUILTIN_PACKS, findPack } from "../../core/pack/builtin";
import { isCalendarDate } from "../../core/pack";
import { buildTemplate, readMeta, readSnapshot, saveXlsx, writeResultSheets } from "../../xlsx";
import type { CliContext } from "../context";
import { CliError, EXIT } from "../errors";
import { checkOutput, writeAtomic } from "../files";

export interface InitOptions {
  pack: string;
  township: string;
  date?: string;
  output: string;
  force?: boolean;
}

/** `taizhang init`: a blank workbook for one township, ready to hand out. */
export async function initCommand(ctx: CliContext, options: InitOptions): Promise<number> {
  const [id, version] = options.pack.split("@", 2);
  const pack = findPack(id ?? "", version);
  if (!pack) {
    throw new CliError("unknownPack", {
      pack: options.pack,
      known: BUILTIN_PACKS.map((p) => `${p.id}@${p.version}`).join(", "),
    });
  }
  const township = options.township.trim();
  if (!township) throw new CliError("emptyTownship");
  if (
    options.date !== undefined &&
    !(/^\d{4}-\d{2}-\d{2}$/.test(options.date) && isCalendarDate(options.date))
  ) {
    throw new CliError("badDate", { date: options.date });
  }
  const output = { force: Boolean(options.force), inputs: [] };
  await checkOutput(options.output, output);

  const workbook = buildTemplate(pack, {
    township,
    ...(options.date ? { assessmentDate: options.date } : {}),
  });
  // The result sheets start with the blank workbook's own result: every item still a gap.
  const layout = layoutFor(pack);
  const { snapshot } = readSnapshot(workbook, layout, readMeta(workbook));
  writeResultSheets(workbook, assess(pack, snapshot), layout, "zh-CN");
  await writeAtomic(options.output, await saveXlsx(workbook), output);
  ctx.io.stderr(`${ctx.tr("init.done", { path: options.output, pack: pack.id, version: pack.version })}\n`);
  return EXIT.ok;
}
