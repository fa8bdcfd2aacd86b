import { findPack } from "../../src/core/pack";
import type { Pack } from "../../src/core/pack/schema";
import { Recalculation, type SheetModel, type WorkbookModel } from "../../src/formula";
import { workbookFromXlsx } from "../../src/formula/xlsx";
import { templateBytes } from "../../src/xlsx";
import { openXlsxStream } from "../../src/xlsxstream";
import {
  compareChecks,
  compareScores,
  expectedChecks,
  expectedScores,
  filledRaw,
} from "../support/differential";
import { type Fill, randomFill } from "../support/formulaFill";

/**
 * Differential test (issue 15 item 4): workbooks made by `taizhang init`, filled at random (seeded)
 * and recalculated by the JS formula engine, show in every 校验 cell the text the core gives the
 * same entries. 1,000 workbooks per shipped pack; the blank file is written once per pack and the
 * entries typed into its cell model and into its raw cells (what the CLI's reader gives).
 */
const PER_PACK = Number(process.env.DIFFERENTIAL_WORKBOOKS ?? 1000);
const PACKS = ["township-2018", "model-unit"] as const;

jest.setTimeout(900_000);

function filledModel(blank: WorkbookModel, fill: Fill): WorkbookModel {
  const sheets = new Map(blank.sheets);
  for (const w of fill.writes) {
    const sheet = sheets.get(w.sheet);
    if (!sheet) throw new Error(`no sheet ${w.sheet}`);
    const cells = new Map(sheet.cells);
    cells.set(`${columnName(w.column)}${w.row}`, { value: w.value });
    sheets.set(w.sheet, { cells } satisfies SheetModel);
  }
  return { ...blank, sheets };
}

function columnName(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

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
    let scores = 0;
    const differences: string[] = [];
    for (let seed = 1; seed <= PER_PACK; seed++) {
      const fill = randomFill(pack, seed);
      const raw = filledRaw(blankStream.raw, fill);
      const checks = expectedChecks(pack, raw, blankStream.meta, fill);
      const calc = new Recalculation(filledModel(blankModel, fill));
      const value = (sheet: string, address: string) => calc.value(sheet, address);
      const result = compareChecks(`${id}#${seed}`, checks, value);
      const scored = compareScores(`${id}#${seed}`, expectedScores(pack, raw, blankStream.meta), value);
      scores += scored.cells;
      differences.push(...scored.differences);
      cells += result.cells;
      flagged += checks.filter((c) => c.want.startsWith("✗") || c.want.startsWith("!")).length;
      differences.push(...result.differences);
    }
    if (process.env.DIFF_SHOW) for (const d of differences) console.log(d);
    console.log(
      `formulas engine ${id}: workbooks=${PER_PACK} verdicts=${cells} flagged=${flagged} scores=${scores} differences=${differences.length}`,
    );
    expect(differences.slice(0, 20)).toEqual([]);

    // The fill must exercise the formulas: most rows compared, many of them flawed.
    expect(cells).toBeGreaterThan(PER_PACK * 20);
    // Every item whose score is a formula, and 自评结果's formula figures, are compared too.
    expect(scores).toBeGreaterThan(PER_PACK * 20);
    expect(flagged).toBeGreaterThan(cells / 10);
  });
});
