import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { startNextYear } from "../../src/taskpane/rollover";
import { assessWorkbookBytes, templateBytes } from "../../src/xlsx";

jest.setTimeout(120_000);

describe("开始新评估年度 (the pane's rollover, on the host's file bytes)", () => {
  it("opens next year's workbook made from the open one, and refuses a year not after it", async () => {
    const township = findPack("township-2018") as Pack;
    const bytes = await templateBytes(township, {
      township: "宣和镇",
      assessmentDate: "2018-12-31",
      assessmentYear: 2018,
    });
    const opened: { bytes: Uint8Array; fileName: string }[] = [];
    const host = {
      workbookBytes: async () => bytes,
      openNewWorkbook: async (b: Uint8Array, fileName: string) => void opened.push({ bytes: b, fileName }),
    };
    const outcome = await startNextYear(host, "2019", "宣和镇", "zh-CN");
    expect(outcome).toMatchObject({ ok: true, fileName: "宣和镇2019.xlsx" });
    const next = await assessWorkbookBytes(opened[0]!.bytes);
    expect(next.assessment.assessmentYear).toBe(2019);
    expect(next.assessment.township).toBe("宣和镇");
    expect(next.workbook.getWorksheet("历年")).toBeDefined();

    expect(await startNextYear(host, "2018", "宣和镇", "zh-CN")).toEqual({
      ok: false,
      key: "cli.error.badRolloverYear",
      params: { year: "2018", from: 2018 },
    });
    expect(opened).toHaveLength(1);
  });
});
