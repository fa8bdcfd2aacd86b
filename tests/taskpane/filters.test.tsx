// The pane's pick lists are native selects (Fluent Select, issue 14): picking an option by
// keyboard or mouse filters what the pane lists, and the list keeps saying what it filters by.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { assess } from "../../src/core/assess";
import type { Assessment } from "../../src/core/assessment";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { App } from "../../src/taskpane/App";
import { LocaleProvider } from "../../src/taskpane/locale";
import { ChecksPanel } from "../../src/taskpane/panels/ChecksPanel";
import { GapsPanel } from "../../src/taskpane/panels/GapsPanel";
import { buildSnapshot } from "../support/snapshot";

const township = findPack("township-2018") as Pack;

const inPane = (node: ReactNode) => (
  <FluentProvider theme={webLightTheme}>
    <LocaleProvider initial="zh-CN">{node}</LocaleProvider>
  </FluentProvider>
);
const select = (name: string) => screen.getByRole<HTMLSelectElement>("combobox", { name });
const shownText = (el: HTMLSelectElement) => el.selectedOptions[0]?.textContent;

describe("the language list", () => {
  it("turns the pane to English and back", async () => {
    render(<App theme={webLightTheme} initialLocale="zh-CN" />);
    await userEvent.selectOptions(select("界面语言"), "English");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Taizhang");
    expect(shownText(select("Language"))).toBe("English");
    await userEvent.selectOptions(select("Language"), "中文");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("台账");
  });
});

function withRows(sheets: readonly string[]): Assessment {
  const snapshot = buildSnapshot(township, { township: "宣和镇" });
  return assess(township, {
    ...snapshot,
    readFindings: sheets.map((sheet, i) => ({
      code: "row.outsideTable",
      severity: "warning" as const,
      sheet,
      row: 40 + i,
      cell: `A${40 + i}`,
      params: {},
    })),
  });
}

describe("the 校验 panel's sheet list", () => {
  const checks = (assessment: Assessment) =>
    inPane(
      <ChecksPanel
        assessment={assessment}
        checkedAt={null}
        onSelect={() => undefined}
        onRecheck={() => undefined}
      />,
    );
  const cellsShown = () =>
    screen
      .queryAllByRole("listitem")
      .map((li) => li.textContent?.match(/^A4\d/)?.[0])
      .filter(Boolean);

  it("narrows the findings to the chosen sheet, and keeps the sheet chosen once it has none left", async () => {
    const both = withRows(["重大行政决策台账", "合同台账"]);
    const { rerender } = render(checks(both));
    expect(cellsShown()).toEqual(["A40", "A41"]);
    await userEvent.selectOptions(select("工作表"), "合同台账");
    expect(cellsShown()).toEqual(["A41"]);
    const shown = both.findings.filter((f) => f.sheet === "合同台账").length;
    expect(screen.getAllByRole("listitem")).toHaveLength(shown);

    rerender(checks(withRows(["重大行政决策台账"])));
    expect(shownText(select("工作表"))).toBe("合同台账");
    expect(screen.getByText("当前筛选下没有问题。")).toBeTruthy();
    await userEvent.selectOptions(select("工作表"), "全部工作表");
    expect(cellsShown()).toEqual(["A40"]);
  });
});

describe("the 差距 panel's area and owner lists", () => {
  const owned = (owner: string) => ({ owner });
  const assessment = assess(
    township,
    buildSnapshot(township, {
      township: "宣和镇",
      items: { "T2.1.1": owned("张三"), "T2.1.2": owned("张三"), "T2.2.1": owned("李四") },
    }),
  );
  const gaps = (a: Assessment) =>
    inPane(
      <GapsPanel
        assessment={a}
        pack={township}
        onSelectItem={() => undefined}
        onWriteSheet={() => undefined}
        onDownloadReport={() => undefined}
      />,
    );
  const count = () => screen.getByText(/显示 \d+ \/ \d+ 项差距/).textContent;

  it("shows only the chosen area's gaps", async () => {
    render(gaps(assessment));
    const total = assessment.gaps.length;
    expect(count()).toBe(`显示 ${total} / ${total} 项差距`);
    const group = township.groups[1];
    if (!group) throw new Error("the township pack has a second group");
    const title = group.title.zh;
    await userEvent.selectOptions(select("按措施筛选"), title);
    const inGroup = assessment.gaps.filter((g) => g.groupId === group.id).length;
    expect(inGroup).toBeGreaterThan(0);
    expect(count()).toBe(`显示 ${inGroup} / ${total} 项差距`);
  });

  it("shows only the chosen owner's gaps, and keeps the owner chosen once they have none left", async () => {
    const { rerender } = render(gaps(assessment));
    const total = assessment.gaps.length;
    const mine = assessment.gaps.filter((g) => g.owner === "张三").length;
    expect(mine).toBe(2);
    await userEvent.selectOptions(select("按责任人筛选"), "张三");
    expect(count()).toBe(`显示 ${mine} / ${total} 项差距`);
    await userEvent.selectOptions(select("按责任人筛选"), "未指定责任人");
    const unowned = assessment.gaps.filter((g) => !g.owner).length;
    expect(count()).toBe(`显示 ${unowned} / ${total} 项差距`);

    await userEvent.selectOptions(select("按责任人筛选"), "李四");
    // 李四's one gap handed to 张三: nobody's gap is 李四's any more.
    const closed = assess(
      township,
      buildSnapshot(township, { township: "宣和镇", items: { "T2.2.1": owned("张三") } }),
    );
    expect(closed.gaps.some((g) => g.owner === "李四")).toBe(false);
    rerender(gaps(closed));
    expect(shownText(select("按责任人筛选"))).toBe("李四");
    expect(count()).toBe(`显示 0 / ${closed.gaps.length} 项差距`);
  });
});
