import {
  exportGapSheet,
  installPack,
  startLiveValidation,
  type CheckOutcome,
  type LiveSession,
} from "../../src/excel";
import type { FakeExcel } from "../../src/sim";
import { fakeExcel, townshipPack } from "./helpers";

const G21 = "二(一)依法决策";
const DECISIONS = "重大行政决策台账";

interface Harness {
  excel: FakeExcel;
  session: LiveSession;
  results: (CheckOutcome & { source: string })[];
  errors: unknown[];
  /** A person's edit, then the quiet time passing: returns the syncs the check took. */
  edit: (fn: () => void) => Promise<number>;
  /** Writes to the workbook during the last edit(). */
  lastWrites: () => number;
  startSyncs: number;
  opts: ReturnType<typeof fakeExcel>["opts"];
}

async function live(apiVersion = "1.14"): Promise<Harness> {
  const { excel, opts } = fakeExcel({ apiVersion });
  const pack = townshipPack();
  await installPack(pack, { ...opts, settings: { township: "兴仁镇", assessmentDate: "2018-12-31" } });
  const results: Harness["results"] = [];
  const errors: unknown[] = [];
  let armed: (() => void) | null = null;
  const before = excel.syncs;
  const session = await startLiveValidation(null, {
    ...opts,
    onResult: (r) => results.push(r),
    onError: (e) => errors.push(e),
    schedule: (run) => {
      armed = run;
      return () => {
        if (armed === run) armed = null;
      };
    },
  });
  const startSyncs = excel.syncs - before;
  await excel.settle();
  let writes = 0;
  const edit = async (fn: () => void): Promise<number> => {
    await excel.settle();
    const from = excel.syncs;
    const wrote = excel.writes;
    fn();
    await excel.settle();
    // The quiet time passes: the pending check runs (flush() stands in for the timer).
    armed = null;
    await session.flush();
    await excel.settle();
    writes = excel.writes - wrote;
    return excel.syncs - from;
  };
  return { excel, session, results, errors, edit, lastWrites: () => writes, startSyncs, opts };
}

const last = (h: Harness) => h.results[h.results.length - 1];
/** What the pane lists for a sheet row (the findings of the last check). */
const findingsAt = (h: Harness, sheet: string, row: number) =>
  last(h)?.assessment.findings.filter((f) => f.sheet === sheet && f.row === row) ?? [];

describe("live validation", () => {
  it("checks a typed entry in 1 sync, writes nothing, and gives the pane the finding", async () => {
    const h = await live();
    expect(h.startSyncs).toBeLessThanOrEqual(3);
    const undo = h.excel.undoSteps;
    const check = h.excel.value(G21, "J4");
    // T2.1.2 is a status item: 完成 needs evidence.
    const syncs = await h.edit(() => h.excel.user.setValues(G21, "E4:F4", [["完成", "2018-05-01"]]));
    expect({ syncs, writes: h.lastWrites(), undo: h.excel.undoSteps }).toEqual({ syncs: 1, writes: 0, undo });
    expect(last(h)).toMatchObject({ kind: "edit", rowsRead: 1, changedCells: 0 });
    const finding = findingsAt(h, G21, 4).find((f) => f.severity === "error");
    expect(finding).toMatchObject({ column: "evidence", items: ["T2.1.2"] });
    // The add-in left the 校验 cell as it was: the workbook's own formula (or an explicit
    // 全部重新校验) shows the row's state there.
    expect(h.excel.value(G21, "J4")).toBe(check);
    expect(h.errors).toEqual([]);
  });

  it("fixing the entry clears the finding and raises the pane's score, with no write", async () => {
    const h = await live();
    await h.edit(() => h.excel.user.setValues(G21, "E4:F4", [["完成", "2018-05-01"]]));
    const before = last(h)?.assessment.score ?? -1;
    const scoreCell = h.excel.value("自评结果", "B6");
    await h.edit(() => h.excel.user.setValues(G21, "G4", [["会议纪要 2018-5 号"]]));
    expect(h.lastWrites()).toBe(0);
    expect(findingsAt(h, G21, 4)).toEqual([]);
    const after = last(h)?.assessment.score ?? -1;
    expect(after).toBeGreaterThan(before);
    expect(last(h)?.assessment.gaps.some((g) => g.itemId === "T2.1.2")).toBe(false);
    // 自评结果 is rewritten only by an explicit action.
    expect(h.excel.value("自评结果", "B6")).toBe(scoreCell);
    // Every item of the pack compiles, so the 折算 score is the workbook's own formula: 全部重新校验
    // leaves it in place instead of writing the pane's figure over it.
    const formula = String(h.excel.formulas("自评结果", "B6")[0]?.[0] ?? "");
    expect(formula).toMatch(/^=/);
    await h.session.recheck();
    expect(h.excel.formulas("自评结果", "B6")[0]?.[0]).toBe(formula);
    // 差距清单 is what people type 责任人 / 完成期限 / 备注 into: an edit elsewhere never rewrites it
    // from an older picture of it; the next export (or full check) does, reading it first.
    expect(h.excel.values("差距清单", "B3:B40").flat()).toContain("T2.1.2");
    await exportGapSheet(null, h.opts);
    const listed = h.excel.values("差距清单", "B3:B40").flat();
    expect(listed.slice(0, listed.indexOf(""))).not.toContain("T2.1.2");
  });

  it("turns a 500-cell paste into one check of the pasted rows: 1 sync, 0 writes", async () => {
    const h = await live();
    const rows = Array.from({ length: 50 }, (_, i) => [
      `决策事项 ${i + 1}`,
      "是",
      "2018-03-01",
      "是",
      "2018-03-02",
      "是",
      "2018-03-03",
      "是",
      "2018-03-04",
      "是",
    ]);
    const count = h.results.length;
    const syncs = await h.edit(() => {
      // The ledger starts with one empty row; pasting over it and below grows the table.
      h.excel.user.setValues(DECISIONS, "A3:J52", rows, "Local");
    });
    expect(rows.length * (rows[0]?.length ?? 0)).toBe(500);
    expect(h.results.length).toBe(count + 1);
    expect({ syncs, writes: h.lastWrites() }).toEqual({ syncs: 1, writes: 0 });
    expect(last(h)).toMatchObject({ kind: "edit", rowsRead: 50 });
    // Every pasted record is checked: the pane has findings on the pasted rows (their 备案 and
    // other required fields are missing), none elsewhere on the sheet.
    const rowsWithFindings = new Set(
      last(h)
        ?.assessment.findings.filter((f) => f.sheet === DECISIONS)
        .map((f) => f.row),
    );
    expect([...rowsWithFindings].every((r) => r !== undefined && r >= 3 && r <= 52)).toBe(true);
    expect(rowsWithFindings.size).toBeGreaterThan(0);
  });

  it("checks a record typed below the ledger table after a blank row, which Excel does not take into the table", async () => {
    const h = await live();
    const bottom = h.excel.table("TZ_ledger_decisions")?.box.r1 ?? 0;
    const row = bottom + 3; // 1-based: one blank row between the table and the record
    const syncs = await h.edit(() => h.excel.user.setValues(DECISIONS, `A${row}`, [["学校扩建"]]));
    expect(syncs).toBeLessThanOrEqual(2);
    expect(last(h)?.kind).toBe("edit");
    const findings = last(h)?.assessment.findings.filter((f) => f.sheet === DECISIONS && f.row === row) ?? [];
    expect(findings.map((f) => f.code)).toContain("row.outsideTable");
    // Checked as a record: its empty required fields are findings on its row.
    expect(findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    // Cleared again, it is gone.
    await h.edit(() => h.excel.user.clear(DECISIONS, `A${row}`));
    expect(last(h)?.assessment.findings.filter((f) => f.sheet === DECISIONS && f.row === row)).toEqual([]);
  });

  it("reads everything after a whole column was cleared instead of a million rows", async () => {
    const h = await live();
    await h.edit(() => h.excel.user.setValues(G21, "E4", [["完成"]]));
    expect(
      last(h)?.assessment.findings.some((f) => f.sheet === G21 && f.row === 4 && f.column === "evidence"),
    ).toBe(true);
    const syncs = await h.edit(() => h.excel.user.clear(G21, "E:E"));
    expect(last(h)?.kind).toBe("full");
    expect(syncs).toBeLessThanOrEqual(3);
    expect(
      last(h)?.assessment.findings.some((f) => f.sheet === G21 && f.row === 4 && f.column === "evidence"),
    ).toBe(false);
  });

  it("checks a burst of separate edits once", async () => {
    const h = await live();
    const count = h.results.length;
    const syncs = await h.edit(() => {
      for (let r = 4; r <= 7; r++) h.excel.user.setValues(G21, `E${r}`, [["部分完成"]]);
    });
    expect(h.results.length).toBe(count + 1);
    expect({ syncs, writes: h.lastWrites() }).toEqual({ syncs: 1, writes: 0 });
    expect(last(h)?.rowsRead).toBe(4);
  });

  it("checks a co-author's edit too", async () => {
    const h = await live();
    await h.edit(() => h.excel.user.setValues(G21, "E5", [["完成"]], "Remote"));
    expect(last(h)?.source).toBe("Remote");
    expect(h.lastWrites()).toBe(0);
    expect(findingsAt(h, G21, 5).some((f) => f.severity === "error")).toBe(true);
  });

  it.each(["1.14", "1.8"])("never re-triggers on its own writes (ExcelApi %s)", async (api) => {
    const h = await live(api);
    await h.edit(() => h.excel.user.setValues(G21, "E4", [["未开始"]]));
    const count = h.results.length;
    // The check's own writes fired events; none of them may start another check.
    const syncs = await h.edit(() => undefined);
    expect(syncs).toBe(0);
    expect(h.results.length).toBe(count);
  });

  it("ignores edits on sheets that are not Taizhang's", async () => {
    const h = await live();
    h.excel.user.addSheet("我的表");
    const syncs = await h.edit(() => h.excel.user.setValues("Sheet1", "A1", [["x"]]));
    expect(syncs).toBe(0);
  });

  it("re-reads everything after rows were inserted, and keeps pointing at the right rows", async () => {
    const h = await live();
    const syncs = await h.edit(() => h.excel.user.insertRows(G21, 1, 2));
    expect(last(h)?.kind).toBe("full");
    expect(syncs).toBeLessThanOrEqual(3);
    await h.edit(() => h.excel.user.setValues(G21, "E6", [["完成"]]));
    expect(h.lastWrites()).toBe(0);
    // Row 6 now holds the item that was on row 4.
    expect(findingsAt(h, G21, 6).find((f) => f.severity === "error")?.items).toEqual(["T2.1.2"]);
  });

  it("re-checks an input on 基本信息", async () => {
    const h = await live();
    await h.edit(() => h.excel.user.setValues("基本信息", "B7", [["3"]]));
    expect(last(h)?.assessment.findings.some((f) => f.sheet === "基本信息" && f.cell === "B7")).toBe(true);
    const syncs = await h.edit(() => h.excel.user.setValues("基本信息", "B7", [["7"]]));
    expect({ syncs, writes: h.lastWrites() }).toEqual({ syncs: 1, writes: 0 });
    expect(last(h)?.assessment.findings.some((f) => f.sheet === "基本信息" && f.cell === "B7")).toBe(false);
  });

  // issue 12: 执法记录仪 3 showed ✓ on 基本信息 while the pane listed the error without a cell.
  it("reports an indicator input below its threshold with the finding on that cell; 全部重新校验 marks it ✗", async () => {
    const h = await live();
    const box = h.excel.model.name("TZ_recorders")?.box;
    if (!box) throw new Error("TZ_recorders missing");
    const row = box.r0 + 1;
    await h.edit(() => h.excel.user.setValues("基本信息", `B${row}`, [[3]]));
    expect(h.lastWrites()).toBe(0);
    const finding = last(h)?.assessment.findings.find((f) => f.code === "count.belowMin");
    expect(finding).toMatchObject({ sheet: "基本信息", cell: `B${row}`, items: ["T2.3.1"] });
    await h.session.recheck();
    expect(h.excel.value("基本信息", `E${row}`)).toBe("✗ 行政执法记录仪数量为 3,应不少于 5");
    await h.edit(() => h.excel.user.setValues("基本信息", `B${row}`, [[6]]));
    expect(last(h)?.assessment.findings.some((f) => f.code === "count.belowMin")).toBe(false);
    await h.session.recheck();
    expect(h.excel.value("基本信息", `E${row}`)).toBe("✓");
  });

  it("waits for a cell edit to end and tries again", async () => {
    const h = await live();
    h.excel.setCellEditMode(true);
    await h.edit(() => h.excel.user.setValues(G21, "E4", [["完成"]]));
    expect(h.errors).toHaveLength(1);
    expect((h.errors[0] as { code: string }).code).toBe("excel.error.cellEditMode");
    h.excel.setCellEditMode(false);
    await h.edit(() => undefined);
    expect(findingsAt(h, G21, 4).some((f) => f.severity === "error")).toBe(true);
  });

  it("rechecks everything in at most 2 syncs while the session knows the workbook", async () => {
    const h = await live();
    const from = h.excel.syncs;
    const outcome = await h.session.recheck();
    expect(h.excel.syncs - from).toBeLessThanOrEqual(2);
    expect(outcome.kind).toBe("full");
  });

  it("stops listening", async () => {
    const h = await live();
    await h.session.stop();
    const syncs = await h.edit(() => h.excel.user.setValues(G21, "E4", [["完成"]]));
    expect(syncs).toBe(0);
  });
});
