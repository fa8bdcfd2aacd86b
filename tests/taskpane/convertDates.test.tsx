import { deserialize, serialize } from "node:v8";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme } from "@fluentui/react-components";
import { FakeExcel } from "../../src/sim";
import { createExcelHost } from "../../src/taskpane/excelHost";
import { TaskpaneApp } from "../../src/taskpane/TaskpaneApp";
import { townshipPack } from "../excel/helpers";

jest.setTimeout(60_000);

// jsdom's window has no structuredClone; the simulator copies validation rules with it.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

// 2018-04-01 and 2018-05-10 as Excel serials, by hand: 43101 (2018-01-01) + 90 and + 129.
const APR_1 = 43191;
const MAY_10 = 43230;
// The finding's text, after the item ids the list puts before it.
const REVIEW_WARNING = new RegExp(
  "“完成日期”中的“2018\\.4\\.1”是文本,按 2018-04-01 计;请改为真正的日期\\(点“转换为日期”\\)$",
);

const G21 = "二(一)依法决策";

/** The pane on the simulator, over a ledger record whose dates a clerk typed as text. */
async function paneWithTextDates() {
  const excel = new FakeExcel({ apiVersion: "1.20" });
  const host = createExcelHost({
    run: excel.run,
    runWith: excel.runWith,
    isSetSupported: excel.isSetSupported,
  });
  await host.install(townshipPack(), { township: "宣和镇", assessmentDate: "2018-12-31" }, () => undefined);
  // 状态, 完成日期, 佐证材料 of two items; a leading apostrophe keeps a date as text, as a paste can.
  excel.user.setValues(G21, "E4:G5", [
    ["完成", "'2018.4.1", "会议纪要"],
    ["完成", "'2018-05-10", "审查意见书"],
  ]);
  await excel.settle();
  render(<TaskpaneApp host={host} theme={webLightTheme} initialLocale="zh-CN" />);
  await userEvent.click(await screen.findByRole("tab", { name: "校验" }));
  await screen.findByText(REVIEW_WARNING);
  return excel;
}

describe("the pane's 转换为日期 (issue 15)", () => {
  it("converts the one cell clicked to a real date, and its warning goes", async () => {
    const excel = await paneWithTextDates();
    const undo = excel.undoSteps;
    await userEvent.click(screen.getByRole("button", { name: "转换为日期 F4" }));
    await waitFor(() => expect(screen.queryByText(REVIEW_WARNING)).toBeNull());
    expect(excel.cell(G21, "F4")).toMatchObject({ value: APR_1, numberFormat: "yyyy-mm-dd" });
    expect(excel.undoSteps - undo).toBe(1);
    // The other text date is untouched and still offered.
    expect(excel.value(G21, "F5")).toBe("2018-05-10");
    expect(screen.getByRole("button", { name: "转换为日期 F5" })).toBeTruthy();
    // One left: no bulk button for a single cell.
    expect(screen.queryByRole("button", { name: "全部转换" })).toBeNull();
  });

  it("全部转换 converts every text date in one undo step", async () => {
    const excel = await paneWithTextDates();
    expect(screen.getByText("有 2 个日期填成了文本。")).toBeTruthy();
    const undo = excel.undoSteps;
    await userEvent.click(screen.getByRole("button", { name: "全部转换" }));
    await waitFor(() => expect(screen.queryByRole("button", { name: /^转换为日期/ })).toBeNull());
    expect(excel.cell(G21, "F4")).toMatchObject({ value: APR_1, numberFormat: "yyyy-mm-dd" });
    expect(excel.cell(G21, "F5")).toMatchObject({ value: MAY_10, numberFormat: "yyyy-mm-dd" });
    expect(excel.undoSteps - undo).toBe(1);
    expect(excel.values(G21, "E4:G5")).toEqual([
      ["完成", APR_1, "会议纪要"],
      ["完成", MAY_10, "审查意见书"],
    ]);
  });
});
