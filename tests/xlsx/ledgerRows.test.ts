import * as ExcelJS from "exceljs";
import { assess } from "../../src/core/assess";
import { layoutFor } from "../../src/core/layout";
import { buildTemplate, readMeta, readSnapshot, saveXlsx } from "../../src/xlsx";
import { miniPack } from "../fixtures/miniPack";

// Issue 12 item 5, in the file `taizhang init` writes: T1.3 of the mini pack is a ledger-type item
// (决策台账) on 一、职能, whose 状态 column is E; row 3 holds the sheet's first item, T1.3 below.
const SHEET = "一、职能";

type Validations = { model: Record<string, ExcelJS.DataValidation | undefined> };
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: Validations }).dataValidations.model;

async function reloaded(edit: (ws: ExcelJS.Worksheet) => void = () => undefined) {
  const built = buildTemplate(miniPack, { township: "宣和镇", assessmentDate: "2018-12-31" });
  edit(built.getWorksheet(SHEET) as ExcelJS.Worksheet);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await saveXlsx(built)) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const layout = layoutFor(miniPack);
  const { snapshot } = readSnapshot(wb, layout, readMeta(wb));
  return { wb, ws: wb.getWorksheet(SHEET) as ExcelJS.Worksheet, assessment: assess(miniPack, snapshot) };
}

const rowOf = (ws: ExcelJS.Worksheet, itemId: string): number => {
  for (let r = 3; r < 40; r++) if (ws.getCell(`A${r}`).value === itemId) return r;
  throw new Error(`${itemId} not on ${ws.name}`);
};

describe("ledger-type rows in a new workbook", () => {
  it("show the ledger's result with no dropdown and the read-only fill; status rows keep theirs", async () => {
    const { ws } = await reloaded();
    const ledgerRow = rowOf(ws, "T1.3");
    const statusRow = rowOf(ws, "T1.1");
    expect(ws.getCell(`E${ledgerRow}`).value).toBe("0 条记录");
    expect(validations(ws)[`E${ledgerRow}`]).toBeUndefined();
    expect(validations(ws)[`E${statusRow}`]?.formulae).toEqual(['"完成,部分完成,未开始,不适用"']);
    expect(ws.getCell(`E${ledgerRow}`).fill).toEqual(ws.getCell(`A${ledgerRow}`).fill);
  });

  it("the reader skips that text: same findings and score as a blank cell", async () => {
    const shown = await reloaded();
    const blank = await reloaded((ws) => {
      ws.getCell(`E${rowOf(ws, "T1.3")}`).value = null;
    });
    expect(shown.assessment.findings).toEqual(blank.assessment.findings);
    expect(shown.assessment.items).toEqual(blank.assessment.items);
    expect(shown.assessment.score).toBe(blank.assessment.score);
  });

  it("an older workbook with 不适用 and a reason typed there still reads as before (leaves 应得)", async () => {
    const { assessment } = await reloaded((ws) => {
      const r = rowOf(ws, "T1.3");
      ws.getCell(`E${r}`).value = "不适用";
      ws.getCell(`I${r}`).value = "本年度未作出重大行政决策";
    });
    const item = assessment.items.find((i) => i.itemId === "T1.3");
    expect(item?.state).toBe("notApplicable");
    expect(item?.applicable).toBe(false);
  });
});
