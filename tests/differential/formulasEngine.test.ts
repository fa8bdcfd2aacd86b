import { findPack } from "../../src/core/pack";
import type { Pack } from "../../src/core/pack/schema";
import { Recalculation, type WorkbookModel } from "../../src/formula";
import { workbookFromXlsx } from "../../src/formula/xlsx";
import { templateBytes } from "../../src/xlsx";
import { openXlsxStream } from "../../src/xlsxstream";
import { compareChecks, expectedChecks, filledModel, filledRaw } from "../support/differential";
import { randomFill } from "../support/formulaFill";

/**
 * Differential test (issue 15 item 4): workbooks made by `taizhang init`, filled at random (seeded)
 * and recalculated by the JS formula engine, show in every 校验 cell the text the core gives the
 * same entries. 1,000 workbooks per shipped pack; the blank file is written once per pack and the
 * entries typed into its cell model and into its raw cells (what the CLI's reader gives).
 */
const PER_PACK = Number(process.env.DIFFERENTIAL_WORKBOOKS ?? 1000);
const PACKS = ["township-2018", "model-unit"] as const;

jest.setTimeout(900_000);

describe.each(PACKS)("%s: the JS formula engine agrees with the core on every 校验 cell", (id) => {
  const pack = findPack(id) as Pack;
  let blankModel: WorkbookModel;
  let blankStream: ReturnType<typeof openXlsxStream>;

  beforeAll(async () => {
    const bytes = await templateBytes(pack, { township: "甲镇" });
    blankModel = workbookFromXlsx(bytes);
    blankStream = openXlsxStream(bytes);
  });

  it(`${PER_PACK} random workbooks, 0 differences`, () => {
    let cells = 0;
    let flagged = 0;
    const differences: string[] = [];
    for (let seed = 1; seed <= PER_PACK; seed++) {
      const fill = randomFill(pack, seed);
      const checks = expectedChecks(pack, filledRaw(blankStream.raw, fill), blankStream.meta, fill);
      const calc = new Recalculation(filledModel(blankModel, fill));
      const result = compareChecks(`${id}#${seed}`, checks, (sheet, address) => calc.value(sheet, address));
      cells += result.cells;
      flagged += checks.filter((c) => c.want.startsWith("✗") || c.want.startsWith("!")).length;
      differences.push(...result.differences);
    }
    if (process.env.DIFF_SHOW) for (const d of differences) console.log(d);
    console.log(
      `formulas engine ${id}: workbooks=${PER_PACK} verdicts=${cells} flagged=${flagged} differences=${differences.length}`,
    );
    expect(differences.slice(0, 20)).toEqual([]);

    // The fill must exercise the formulas: most rows compared, many of them flawed.
    expect(cells).toBeGreaterThan(PER_PACK * 20);
    expect(flagged).toBeGreaterThan(cells / 10);
  });
});
