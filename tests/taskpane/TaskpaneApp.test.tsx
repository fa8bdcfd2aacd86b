import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme } from "@fluentui/react-components";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { TaskpaneApp } from "../../src/taskpane/TaskpaneApp";
import { StubHost } from "./stubHost";

const township = findPack("township-2018") as Pack;
const modelUnit = findPack("model-unit") as Pack;

const renderPane = (host: StubHost) =>
  render(<TaskpaneApp host={host} theme={webLightTheme} initialLocale="zh-CN" />);
const openTab = (name: string) => userEvent.click(screen.getByRole("tab", { name }));

describe("task pane", () => {
  it("installs a pack and reports what it did", async () => {
    const host = new StubHost();
    renderPane(host);
    const install = await screen.findByRole("button", { name: "安装模板" });
    await userEvent.type(screen.getByRole("textbox", { name: /乡镇名称/ }), "宣和镇");
    const date = screen.getByLabelText(/评估基准日/);
    await userEvent.type(date, "2018-12-31");
    await userEvent.click(install);
    expect(await screen.findByText("模板已安装")).toBeTruthy();
    expect(screen.getByText(/新增 \d+ 项/)).toBeTruthy();
    expect(host.pack?.id).toBe(township.id);
    expect(host.spec.township).toBe("宣和镇");
  });

  it("imports a settings file and installs the adjusted pack, recording it; a bad file names its fields", async () => {
    const host = new StubHost();
    renderPane(host);
    await screen.findByRole("button", { name: "安装模板" });
    const upload = (text: string, name = "细则.json") =>
      userEvent.upload(
        screen.getByTestId("settings-file"),
        new File([text], name, { type: "application/json" }),
      );
    await upload(JSON.stringify({ pack: "township-2018", items: { "T2.1.2": { points: 9 }, "T9.9": {} } }));
    const problems = await screen.findByTestId("settings-problems");
    expect(problems.textContent).toContain("items.T9.9: 模板中没有编号为 T9.9 的事项");
    const moved = {
      pack: "township-2018",
      name: { zh: "沙坡头区2019年度考核细则", en: "Shapotou 2019" },
      items: { "T2.1.2": { points: 2 }, "T2.1.4": { points: 2.5 } },
    };
    await upload(JSON.stringify(moved));
    expect(await screen.findByText(/已导入“沙坡头区2019年度考核细则”/)).toBeTruthy();
    await userEvent.type(screen.getByRole("textbox", { name: /乡镇名称/ }), "宣和镇");
    await userEvent.type(screen.getByLabelText(/评估基准日/), "2018-12-31");
    await userEvent.click(screen.getByRole("button", { name: "安装模板" }));
    expect(await screen.findByText("模板已安装")).toBeTruthy();
    const item = host.pack?.groups.flatMap((g) => g.items).find((i) => i.id === "T2.1.2");
    expect(item?.points).toBe(2);
    expect(JSON.parse(host.installedSettings ?? "{}")).toEqual(moved);
  });

  it("says when the workbook carries another version's formulas, until a reinstall rewrites them", async () => {
    const host = new StubHost(township, { township: "宣和镇", assessmentDate: "2018-12-31" });
    host.formulasCurrent = false;
    renderPane(host);
    const warning = /校验公式不是本版台账写入的/;
    expect(await screen.findByText(warning)).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "重新安装(保留已填内容)" }));
    expect(await screen.findByText("模板已安装")).toBeTruthy();
    expect(screen.queryByText(warning)).toBeNull();
  });

  it("refuses to install without a township name or a valid date", async () => {
    const host = new StubHost();
    renderPane(host);
    await userEvent.click(await screen.findByRole("button", { name: "安装模板" }));
    expect(screen.getByText("请填写乡镇名称")).toBeTruthy();
    expect(screen.getByText(/请填写有效日期/)).toBeTruthy();
    expect(host.pack).toBeNull();
  });

  it("lists findings by sheet and selects the cell of the one clicked", async () => {
    const host = new StubHost(township, {
      ledgers: {
        decisions: [
          {
            name: "集镇规划调整",
            legalityReview: "是",
            legalityReviewDate: "2018-05-10",
            collectiveDiscussion: "是",
            collectiveDiscussionDate: "2018-05-03",
            decisionDate: "2018-05-03",
          },
        ],
      },
    });
    renderPane(host);
    await openTab("校验");
    const sheet = await screen.findByRole("region", { name: /重大行政决策台账/ });
    const findings = within(sheet).getAllByRole("button");
    expect(findings.length).toBeGreaterThan(0);
    await userEvent.click(findings[0] as HTMLElement);
    expect(host.selected[0]?.sheet).toBe("重大行政决策台账");
    expect(host.selected[0]?.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it("updates the score when the workbook changes", async () => {
    const host = new StubHost(township);
    renderPane(host);
    await openTab("得分");
    const before = Number((await screen.findByTestId("score")).textContent);
    const allDone = Object.fromEntries(
      township.groups
        .flatMap((g) => g.items)
        .map((i) => [i.id, { status: "完成", doneDate: "2018-06-01", evidence: "会议纪要" }]),
    );
    act(() => host.edit({ items: allDone }));
    await waitFor(() => expect(Number(screen.getByTestId("score").textContent)).toBeGreaterThan(before));
  });

  it("shows a veto first, with its reason", async () => {
    const host = new StubHost(modelUnit, { items: { "M9.1": { occurred: "是", eventDate: "2018-03-01" } } });
    renderPane(host);
    await openTab("得分");
    const veto = await screen.findByTestId("veto");
    expect(veto.textContent).toContain("存在否决情形(不予认定)");
    expect(veto.textContent).toContain("2018-03-01");
    expect(screen.getByTestId("recognition").textContent).toBe("不予认定");
  });

  it("filters gaps to overdue ones and exports the gap sheet", async () => {
    const host = new StubHost(township, { assessmentDate: "2019-06-30" });
    renderPane(host);
    await openTab("差距");
    const count = await screen.findByText(/显示 \d+ \/ \d+ 项差距/);
    const total = Number(/\/ (\d+)/.exec(count.textContent ?? "")?.[1]);
    await userEvent.click(screen.getByRole("switch", { name: "只看逾期" }));
    const shown = Number(
      /显示 (\d+)/.exec(screen.getByText(/显示 \d+ \/ \d+ 项差距/).textContent ?? "")?.[1],
    );
    expect(shown).toBeLessThan(total);
    await userEvent.click(screen.getByRole("button", { name: "导出到“差距清单”工作表" }));
    expect(host.gapSheetWrites).toBe(1);
  });

  it("a gap card jumps to its item's checklist row, by click and by keyboard (issue 12)", async () => {
    const host = new StubHost(township, { assessmentDate: "2018-12-31" });
    renderPane(host);
    await openTab("差距");
    // By title: role queries over ~30 cards are too slow for jsdom's time budget.
    const card = await screen.findByTitle("定位到 T2.1.1 的清单行");
    expect(card.tagName).toBe("BUTTON");
    expect(card.textContent).toContain("T2.1.1");
    await userEvent.click(card);
    // T2.1.1 is the first row under the header of 二(一)依法决策; 状态 is column E.
    expect(host.selected).toEqual([{ sheet: "二(一)依法决策", cell: "E3" }]);
    const next = screen.getByTitle("定位到 T2.1.2 的清单行");
    next.focus();
    await userEvent.keyboard("{Enter}");
    expect(host.selected[1]).toEqual({ sheet: "二(一)依法决策", cell: "E4" });
  }, 20_000);

  it("shows a failed action in Chinese and keeps the pane usable", async () => {
    const host = new StubHost(township);
    renderPane(host);
    await openTab("校验");
    host.failNext = { code: "ui.error.unexpected", params: { detail: "连接中断" } };
    await userEvent.click(await screen.findByRole("button", { name: "全部重新校验" }));
    expect((await screen.findByRole("alert")).textContent).toContain("连接中断");
    await userEvent.click(screen.getByRole("button", { name: "关闭" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
