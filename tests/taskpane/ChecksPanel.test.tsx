import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { assess } from "../../src/core/assess";
import type { Assessment } from "../../src/core/assessment";
import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { LocaleProvider } from "../../src/taskpane/locale";
import { ChecksPanel } from "../../src/taskpane/panels/ChecksPanel";
import { buildSnapshot } from "../support/snapshot";

const township = findPack("township-2018") as Pack;

function withOutsideRows(rows: number[]): Assessment {
  const snapshot = buildSnapshot(township, { township: "宣和镇" });
  return assess(township, {
    ...snapshot,
    readFindings: rows.map((row) => ({
      code: "row.outsideTable",
      severity: "warning" as const,
      sheet: "重大行政决策台账",
      row,
      cell: `A${row}`,
      params: {},
    })),
  });
}

function show(assessment: Assessment, onExtendTables?: () => void) {
  render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider initial="zh-CN">
        <ChecksPanel
          assessment={assessment}
          checkedAt={null}
          onSelect={() => undefined}
          onRecheck={() => undefined}
          onExtendTables={onExtendTables}
        />
      </LocaleProvider>
    </FluentProvider>,
  );
}

describe("the 校验 panel and records typed below a table", () => {
  it("offers to extend the tables and says how many records are outside", async () => {
    const extend = jest.fn();
    show(withOutsideRows([4, 5]), extend);
    expect(screen.getByText("有 2 行记录填在表格范围之外。")).toBeTruthy();
    expect(screen.getAllByText("本行在表格范围之外,已按台账记录校验")).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "把表格扩展到这些行" }));
    expect(extend).toHaveBeenCalledTimes(1);
  });

  it("offers nothing when every record is inside its table, or the host cannot resize", () => {
    show(withOutsideRows([]), jest.fn());
    show(withOutsideRows([4]));
    expect(screen.queryByRole("button", { name: "把表格扩展到这些行" })).toBeNull();
  });
});

function withSeverities(): Assessment {
  const at = (severity: "error" | "warning" | "info", row: number) => ({
    code: "row.outsideTable",
    severity,
    sheet: "重大行政决策台账",
    row,
    cell: `A${row}`,
    params: {},
  });
  const snapshot = buildSnapshot(township, { township: "宣和镇" });
  return assess(township, { ...snapshot, readFindings: [at("error", 4), at("warning", 5), at("info", 6)] });
}

describe("the 错误 / 警告 / 提示 filter (issue 12: it worked backwards)", () => {
  const rowsShown = (): string[] =>
    screen
      .queryAllByRole("listitem")
      .map((li) => li.textContent?.match(/^A\d+/)?.[0] ?? "")
      .filter((cell) => ["A4", "A5", "A6"].includes(cell))
      .sort();

  it("starts with nothing pressed and every finding shown, counts on the buttons", () => {
    const assessment = withSeverities();
    show(assessment);
    const count = (s: string) => assessment.findings.filter((f) => f.severity === s).length;
    for (const [label, severity] of [
      ["错误", "error"],
      ["警告", "warning"],
      ["提示", "info"],
    ] as const) {
      const button = screen.getByRole("button", { name: `${label} ${count(severity)}` });
      expect(button.getAttribute("aria-pressed")).toBe("false");
    }
    expect(rowsShown()).toEqual(["A4", "A5", "A6"]);
  });

  it("pressing 错误 shows only errors; pressing 警告 too adds warnings; releasing both shows all", async () => {
    show(withSeverities());
    const errors = screen.getByRole("button", { name: /^错误 \d+$/ });
    const warnings = screen.getByRole("button", { name: /^警告 \d+$/ });
    await userEvent.click(errors);
    expect(errors.getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryAllByLabelText("警告")).toHaveLength(0);
    expect(rowsShown()).toEqual(["A4"]);
    await userEvent.click(warnings);
    expect(rowsShown()).toEqual(["A4", "A5"]);
    await userEvent.click(errors);
    await userEvent.click(warnings);
    expect(errors.getAttribute("aria-pressed")).toBe("false");
    expect(rowsShown()).toEqual(["A4", "A5", "A6"]);
  });

  it("a pressed button looks pressed: it takes the brand fill, not the faint default", async () => {
    show(withSeverities());
    const info = screen.getByRole("button", { name: /^提示 \d+$/ });
    const before = info.className;
    await userEvent.click(info);
    expect(info.className).not.toBe(before);
    expect(rowsShown()).toEqual(["A6"]);
  });
});

// Issue 12: indicator findings were listed greyed out, without a cell, and could not be clicked.
describe("the 校验 panel lists each finding as a button that goes to its cell", () => {
  it("an indicator below its threshold is clickable and goes to its 基本信息 input", async () => {
    const assessment = assess(
      township,
      buildSnapshot(township, { township: "宣和镇", inputs: { recorders: 3 } }),
    );
    const selected: string[] = [];
    render(
      <FluentProvider theme={webLightTheme}>
        <LocaleProvider initial="zh-CN">
          <ChecksPanel
            assessment={assessment}
            checkedAt={null}
            onSelect={(f) => selected.push(`${f.sheet}!${f.cell ?? ""}`)}
            onRecheck={() => undefined}
          />
        </LocaleProvider>
      </FluentProvider>,
    );
    const button = screen.getByRole("button", { name: /行政执法记录仪数量为 3/ });
    expect(button.hasAttribute("disabled")).toBe(false);
    expect(button.textContent).toContain("T2.3.1");
    await userEvent.click(button);
    const cell = assessment.findings.find((f) => f.code === "count.belowMin")?.cell;
    expect(cell).toMatch(/^B\d+$/);
    expect(selected).toEqual([`基本信息!${cell}`]);
  });
});
