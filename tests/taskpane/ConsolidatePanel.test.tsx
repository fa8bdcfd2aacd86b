import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { webLightTheme } from "@fluentui/react-components";
import { assess } from "../../src/core/assess";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { App } from "../../src/taskpane/App";
import { sourceOf, type ReadWorkbook } from "../../src/taskpane/consolidateFiles";
import { useConsolidateRun } from "../../src/taskpane/consolidateRun";
import { ConsolidatePanel } from "../../src/taskpane/panels/ConsolidatePanel";
import { TaskpaneApp } from "../../src/taskpane/TaskpaneApp";
import { buildSnapshot } from "../support/snapshot";
import { StubHost } from "./stubHost";

const township = findPack("township-2018") as Pack;
const statusItems = township.groups.flatMap((g) => g.items).filter((i) => i.kind === "status");

/**
 * Stands in for the .xlsx reader (tested on real files in tests/xlsx and the browser test): a file
 * "ok:<name>:<n>[:<评估基准日>]" is a township with its first n status items done; anything else is
 * corrupt.
 */
const read: ReadWorkbook = async (bytes) => {
  const text = String.fromCharCode(...bytes);
  const [kind, name, done, assessmentDate] = text.split(":");
  if (kind !== "ok") return { ok: false, reason: { key: "xlsx.error.corrupt" } };
  const items = Object.fromEntries(
    statusItems
      .slice(0, Number(done))
      .map((i) => [i.id, { status: "完成", doneDate: "2018-06-01", evidence: "纪要" }]),
  );
  return {
    ok: true,
    assessment: assess(township, buildSnapshot(township, { township: name, items, assessmentDate })),
  };
};

// jsdom's TextEncoder is missing; the test files are ASCII.
const file = (name: string, content: string) =>
  new File([Uint8Array.from(content, (c) => c.charCodeAt(0))], name);

function Harness({
  host,
  reader = read,
  parallel = 1,
}: {
  host: StubHost;
  reader?: ReadWorkbook;
  parallel?: number;
}) {
  const [state, actions] = useConsolidateRun(host, async () => ({ read: reader, parallel, close() {} }));
  return (
    <App
      theme={webLightTheme}
      initialLocale="zh-CN"
      panels={{
        consolidate: (
          <ConsolidatePanel
            state={state}
            onFiles={(files) => void actions.run(files.map(sourceOf))}
            onCancel={actions.cancel}
            onDismissError={actions.dismissError}
          />
        ),
      }}
    />
  );
}

async function openAndUpload(files: File[]) {
  await userEvent.click(screen.getByRole("tab", { name: "汇总" }));
  await userEvent.upload(screen.getByLabelText(/乡镇工作簿/), files);
}

const BATCH = [
  file("a.xlsx", "ok:Aizhen:2"),
  file("b.xlsx", "ok:Bizhen:12"),
  file("broken.xlsx", "garbage"),
  file("c.xlsx", "ok:Cizhen:6"),
];

/** The reader above, holding the file whose content starts with `hold` until released. */
function heldReader(hold: string) {
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const calls: string[] = [];
  const reader: ReadWorkbook = async (bytes) => {
    const text = String.fromCharCode(...bytes);
    calls.push(text);
    if (text.startsWith(hold)) await held;
    return read(bytes);
  };
  return { reader, calls, release: () => release() };
}

describe("汇总 tab", () => {
  it("checks each file, skips the bad one with its reason, writes the sheets and shows the ranking", async () => {
    const host = new StubHost();
    render(<Harness host={host} />);
    await openAndUpload(BATCH);

    expect(await screen.findByText(/已写入“汇总”“乡镇详情”和“共性差距”工作表:3 个乡镇/)).toBeTruthy();
    const files = within(screen.getByTestId("consolidate-files"));
    expect(files.getAllByText(/^已校验 [\d.]+ 分$/)).toHaveLength(3);
    expect(files.getAllByText("已跳过")).toHaveLength(1);
    expect(files.getByText(/工作簿已损坏或不完整/)).toBeTruthy();
    expect(screen.getByText("已校验 3 个,已跳过 1 个")).toBeTruthy();

    const ranking = within(screen.getByTestId("consolidate-ranking")).getAllByRole("listitem");
    expect(ranking.map((li) => li.textContent?.match(/^\d+\. \w+/)?.[0])).toEqual([
      "1. Bizhen",
      "2. Cizhen",
      "3. Aizhen",
    ]);
    expect(within(screen.getByTestId("consolidate-missed")).getAllByRole("listitem").length).toBe(5);

    expect(host.consolidations).toHaveLength(1);
    expect(host.consolidations[0]?.summary.townships).toHaveLength(3);
    expect(host.consolidations[0]?.skipped).toEqual([
      { source: "broken.xlsx", reason: { key: "xlsx.error.corrupt" } },
    ]);
  });

  it("reads files side by side and still lists and scores them in the files' order", async () => {
    const host = new StubHost();
    const { reader, calls, release } = heldReader("ok:Aizhen");
    render(<Harness host={host} reader={reader} parallel={2} />);
    await openAndUpload(BATCH);

    // a.xlsx is held, and b.xlsx is opened meanwhile: two at once, no third.
    await waitFor(() => expect(calls).toEqual(["ok:Aizhen:2", "ok:Bizhen:12"]));
    const files = within(screen.getByTestId("consolidate-files"));
    expect(files.getAllByText("读取中")).toHaveLength(2);
    expect(screen.getByText("正在读取 0/4")).toBeTruthy();
    release();

    expect(await screen.findByText(/已写入“汇总”“乡镇详情”和“共性差距”工作表:3 个乡镇/)).toBeTruthy();
    expect(calls).toEqual(["ok:Aizhen:2", "ok:Bizhen:12", "garbage", "ok:Cizhen:6"]);
    expect(host.consolidations[0]?.summary.townships.map((t) => t.source)).toEqual(
      expect.arrayContaining(["a.xlsx", "b.xlsx", "c.xlsx"]),
    );
    expect(host.consolidations[0]?.skipped.map((s) => s.source)).toEqual(["broken.xlsx"]);
    const rows = within(screen.getByTestId("consolidate-files")).getAllByRole("listitem");
    expect(rows.map((row) => row.textContent?.match(/^[a-z]+\.xlsx/)?.[0])).toEqual([
      "a.xlsx",
      "b.xlsx",
      "broken.xlsx",
      "c.xlsx",
    ]);
  });

  it("says the sheets were updated on a second run", async () => {
    const host = new StubHost();
    render(<Harness host={host} />);
    await openAndUpload(BATCH);
    await screen.findByText(/已写入/);
    await userEvent.upload(screen.getByLabelText(/乡镇工作簿/), BATCH.slice(0, 2));
    expect(await screen.findByText(/已更新“汇总”“乡镇详情”和“共性差距”工作表:2 个乡镇/)).toBeTruthy();
  });

  it("writes nothing when no file can be read, and says so", async () => {
    const host = new StubHost();
    render(<Harness host={host} />);
    await openAndUpload([file("x.xlsx", "nope"), file("y.xls", "nope")]);
    expect(await screen.findByRole("alert")).toHaveProperty(
      "textContent",
      expect.stringMatching(/没有可汇总的工作簿/),
    );
    expect(host.consolidations).toHaveLength(0);
  });

  it("keeps the ranking in the pane when writing the sheets fails, and shows why", async () => {
    const host = new StubHost();
    host.failNext = { code: "excel.error.cellEditMode" };
    render(<Harness host={host} />);
    await openAndUpload(BATCH);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByTestId("consolidate-ranking")).toBeTruthy();
    expect(screen.queryByText(/已写入/)).toBeNull();
  });

  it("is there in a workbook without a pack", async () => {
    render(<TaskpaneApp host={new StubHost()} theme={webLightTheme} initialLocale="zh-CN" />);
    await userEvent.click(await screen.findByRole("tab", { name: "汇总" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "选择工作簿" })).toBeTruthy());
    expect(screen.getByLabelText(/乡镇工作簿/)).toBeTruthy();
  });

  describe("cancel (issue 14: progress with a cancel button)", () => {
    it("stops reading further files, shows the townships read, and writes no sheet", async () => {
      const host = new StubHost();
      const { reader, calls, release } = heldReader("ok:Bizhen");
      render(<Harness host={host} reader={reader} />);
      await openAndUpload(BATCH);

      const files = within(screen.getByTestId("consolidate-files"));
      // a.xlsx read, b.xlsx held in the reader.
      await waitFor(() => expect(calls).toContain("ok:Bizhen:12"));
      await waitFor(() => expect(screen.getByText("正在读取 1/4")).toBeTruthy());
      expect(files.getAllByText("读取中")).toHaveLength(1);
      expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.25");
      await userEvent.click(screen.getByRole("button", { name: "取消" }));
      expect(screen.getByRole("button", { name: "正在取消…" })).toHaveProperty("disabled", true);
      release();

      const warning = await screen.findByTestId("consolidate-cancelled");
      expect(warning.textContent).toContain("已取消:4 个文件中读取了 2 个");
      // The file being read when 取消 was clicked finished; the other two were never opened.
      expect(calls).toEqual(["ok:Aizhen:2", "ok:Bizhen:12"]);
      expect(files.getAllByText("未读取")).toHaveLength(2);
      expect(files.getAllByText(/^已校验 [\d.]+ 分$/)).toHaveLength(2);
      expect(screen.getByText("已取消:读取了 2/4")).toBeTruthy();
      const ranking = within(screen.getByTestId("consolidate-ranking")).getAllByRole("listitem");
      expect(ranking.map((li) => li.textContent?.match(/^\d+\. \w+/)?.[0])).toEqual([
        "1. Bizhen",
        "2. Aizhen",
      ]);
      expect(host.consolidations).toHaveLength(0);
      expect(screen.queryByText(/已写入/)).toBeNull();
      expect(screen.queryByRole("button", { name: /取消/ })).toBeNull();

      // A fresh run afterwards reads everything again.
      await userEvent.upload(screen.getByLabelText(/乡镇工作簿/), BATCH);
      expect(await screen.findByText(/已写入“汇总”“乡镇详情”和“共性差距”工作表:3 个乡镇/)).toBeTruthy();
      expect(screen.queryByTestId("consolidate-cancelled")).toBeNull();
    });

    it("says it was cancelled when nothing usable was read", async () => {
      const host = new StubHost();
      const { reader, release } = heldReader("garbage");
      render(<Harness host={host} reader={reader} />);
      await openAndUpload([BATCH[2] as File, BATCH[0] as File]);
      await userEvent.click(await screen.findByRole("button", { name: "取消" }));
      release();
      expect((await screen.findByTestId("consolidate-cancelled")).textContent).toContain(
        "已取消:没有读取到可汇总的工作簿",
      );
      expect(screen.queryByTestId("consolidate-ranking")).toBeNull();
      expect(screen.queryByRole("alert")).toBeNull();
      expect(host.consolidations).toHaveLength(0);
    });
  });

  describe("drill-down (issue 14)", () => {
    it("opens one township's group scores, findings count and gaps from the ranking", async () => {
      const host = new StubHost();
      render(<Harness host={host} />);
      await openAndUpload(BATCH);
      await screen.findByText(/已写入/);
      const row = host.consolidations[0]?.summary.townships.find((r) => r.township === "Aizhen");
      expect(row).toBeDefined();

      const open = screen.getByRole("button", { name: "查看 Aizhen 的详情" });
      expect(open.getAttribute("aria-expanded")).toBe("false");
      await userEvent.click(open);
      const detail = within(screen.getByTestId("township-detail"));
      expect(open.getAttribute("aria-expanded")).toBe("true");
      expect(open.getAttribute("aria-controls")).toBe(screen.getByTestId("township-detail").id);

      // Every group of the pack, with 实得 / 应得; 不适用 where nothing applies.
      const groups = detail.getAllByText(/^.+:(\d+\.\d 分\(实得 [\d.]+ \/ 应得 [\d.]+\)|不适用)$/);
      expect(groups).toHaveLength(township.groups.length);
      // The same counts the 汇总 sheet gets for this township.
      expect(
        detail.getByText(`工作簿中有 ${row?.errorCount} 个错误、${row?.warningCount} 个警告`),
      ).toBeTruthy();
      const shown = Math.min(10, row?.gapCount ?? 0);
      expect(detail.getByText(`差距(前 ${shown} 项,共 ${row?.gapCount} 项)`)).toBeTruthy();
      expect(detail.getAllByText(/:失 [\d.]+ 分\(.+\)$/)).toHaveLength(shown);

      // Another township replaces it; its button closes it again.
      await userEvent.click(screen.getByRole("button", { name: "查看 Bizhen 的详情" }));
      expect(screen.getAllByTestId("township-detail")).toHaveLength(1);
      expect(open.getAttribute("aria-expanded")).toBe("false");
      await userEvent.click(screen.getByRole("button", { name: "收起 Bizhen 的详情" }));
      expect(screen.queryByTestId("township-detail")).toBeNull();
    });
  });

  describe("year over year (issue 14)", () => {
    it("ranks a township by its latest 评估年度 and shows the change in total and per group", async () => {
      const host = new StubHost();
      render(<Harness host={host} />);
      await openAndUpload([
        file("a-2018.xlsx", "ok:Aizhen:2:2018-12-31"),
        file("a-2019.xlsx", "ok:Aizhen:12:2019-12-31"),
        file("b.xlsx", "ok:Bizhen:6:2019-12-31"),
      ]);
      await screen.findByText(/已写入/);
      const summary = host.consolidations[0]?.summary;
      expect(summary?.townships.map((r) => r.source)).toEqual(["a-2019.xlsx", "b.xlsx"]);
      const row = summary?.townships[0];
      expect(row?.change?.previousYear).toBe(2018);
      const ranking = within(screen.getByTestId("consolidate-ranking")).getAllByRole("listitem");
      expect(ranking).toHaveLength(2);
      expect(within(ranking[0] as HTMLElement).getByTestId("year-change").textContent).toBe(
        `较 2018 年度(${row?.change?.previousScore.toFixed(1)} 分):▲ ${row?.change?.score.toFixed(1)}`,
      );
      expect(within(ranking[1] as HTMLElement).queryByTestId("year-change")).toBeNull();
      expect(screen.getByText(/1 个工作簿是同一乡镇.同一模板.较早评估年度的/)).toBeTruthy();

      await userEvent.click(screen.getByRole("button", { name: "查看 Aizhen 的详情" }));
      const detail = within(screen.getByTestId("township-detail"));
      const changed = Object.values(row?.change?.groups ?? {}).filter((c) => c !== null && c !== 0);
      expect(changed.length).toBeGreaterThan(0);
      expect(detail.getAllByText(/,较上年 [▲▼]/).length).toBe(changed.length);
    });
  });
});
