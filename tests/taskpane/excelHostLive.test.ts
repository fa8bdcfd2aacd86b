import type { Assessment } from "../../src/core/assessment";
import { FakeExcel } from "../../src/sim";
import { createExcelHost } from "../../src/taskpane/excelHost";
import { townshipPack } from "../excel/helpers";

// The pane's host on the simulator: after an edit the pane gets a fresh assessment (findings,
// score, gaps) and the workbook gets no write; 全部重新校验 is the action that writes.

const G21 = "二(一)依法决策";

async function until(ok: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("updates the pane's findings, score and gaps after an edit without writing to the workbook", async () => {
  const excel = new FakeExcel();
  const host = createExcelHost({ run: excel.run, isSetSupported: excel.isSetSupported });
  await host.install(townshipPack(), { township: "兴仁镇", assessmentDate: "2018-12-31" }, () => undefined);
  const seen: Assessment[] = [];
  const errors: unknown[] = [];
  const stop = await host.watch(
    (a) => seen.push(a),
    (e) => errors.push(e),
  );
  await until(() => seen.length === 1);
  const first = seen[0] as Assessment;
  const writes = excel.writes;
  const check = excel.value(G21, "J4");

  excel.user.setValues(G21, "E4:G4", [["完成", "2018-05-01", "会议纪要 2018-5 号"]]);
  await until(() => seen.length === 2);
  const after = seen[1] as Assessment;
  expect(excel.writes).toBe(writes);
  expect(excel.value(G21, "J4")).toBe(check);
  expect(after.score).toBeGreaterThan(first.score);
  expect(after.gaps.some((g) => g.itemId === "T2.1.2")).toBe(false);
  expect(first.gaps.some((g) => g.itemId === "T2.1.2")).toBe(true);

  excel.user.setValues(G21, "G4", [[""]]);
  await until(() => seen.length === 3);
  expect(seen[2]?.findings.some((f) => f.sheet === G21 && f.row === 4 && f.column === "evidence")).toBe(true);
  expect(excel.writes).toBe(writes);

  // 全部重新校验 writes (自评结果 and rows without a formula) but leaves the row's 校验 formula, which
  // install wrote as taizhang init does, to compute its own text.
  await host.recheck();
  expect(excel.writes).toBeGreaterThan(writes);
  expect(String(excel.formulas(G21, "J4")[0]?.[0] ?? "")).toMatch(/^=/);
  stop();
  expect(errors).toEqual([]);
});
