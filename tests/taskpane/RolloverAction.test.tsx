import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme, FluentProvider } from "@fluentui/react-components";
import { RolloverAction } from "../../src/taskpane/components/RolloverAction";
import { LocaleProvider } from "../../src/taskpane/locale";
import type { NextYearOutcome } from "../../src/taskpane/rollover";

// The action's work (startNextYear) runs on real files in tests/taskpane/rollover.test.ts; jsdom
// lacks the Blob and TextDecoder parts ExcelJS needs, so here it is a recorded callback.
describe("开始新评估年度 on the 模板 tab", () => {
  it("offers the year after the workbook's, and says what it made or why it could not", async () => {
    const calls: [string, string][] = [];
    const outcomes: NextYearOutcome[] = [
      { ok: true, fileName: "宣和镇2019.xlsx", carried: 4, archived: 7 },
      { ok: false, key: "cli.error.badRolloverYear", params: { year: "2018", from: 2018 } },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <LocaleProvider initial="zh-CN">
          <RolloverAction
            currentYear={2018}
            onStart={async (year, locale) => {
              calls.push([year, locale]);
              return outcomes.shift()!;
            }}
          />
        </LocaleProvider>
      </FluentProvider>,
    );
    const year = screen.getByRole("textbox", { name: "新的评估年度" });
    expect((year as HTMLInputElement).value).toBe("2019");
    await userEvent.click(screen.getByRole("button", { name: "生成新年度工作簿" }));
    expect(
      await screen.findByText("已生成 宣和镇2019.xlsx:4 条台账记录转入新年度,7 条存入“历年”表。"),
    ).toBeTruthy();
    await userEvent.clear(year);
    await userEvent.type(year, "2018");
    await userEvent.click(screen.getByRole("button", { name: "生成新年度工作簿" }));
    expect(await screen.findByText(/晚于原工作簿的评估年度 2018/)).toBeTruthy();
    expect(calls).toEqual([
      ["2019", "zh-CN"],
      ["2018", "zh-CN"],
    ]);
  });
});
