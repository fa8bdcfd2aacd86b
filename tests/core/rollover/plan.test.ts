import fc from "fast-check";
import { layoutFor } from "../../../src/core/layout";
import { BUILTIN_PACKS, findPack, type Pack } from "../../../src/core/pack";
import { ledgerVerdict, planRollover } from "../../../src/core/rollover";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/snapshot";
import { isBlank } from "../../../src/core/values";
import { buildSnapshot } from "../../support/snapshot";

const township = findPack("township-2018") as Pack;
const ledger = (pack: Pack, id: string) => pack.ledgers.find((l) => l.id === id)!;
const years = { fromYear: 2018, toYear: 2019 };

describe("rollover rules per ledger", () => {
  it.each([
    ["a 正式 document of 2015 (valid 5 years, to 2020)", { docType: "正式", issueDate: "2015-03-01" }, true],
    [
      "a 暂行 document of 2015 (valid 3 years, ended 2018-03-01)",
      { docType: "暂行", issueDate: "2015-03-01" },
      false,
    ],
    [
      "a document stating 有效期 2 years from 2017-06-01",
      { docType: "正式", issueDate: "2017-06-01", validityYears: 2 },
      true,
    ],
    [
      "a document stating 1 year from 2017-06-01",
      { docType: "正式", issueDate: "2017-06-01", validityYears: 1 },
      false,
    ],
    ["a document not yet issued", { title: "草案" }, true],
  ])("规范性文件: %s → carried %s", (_what, cells, carried) => {
    expect(ledgerVerdict(cells, ledger(township, "normativeDocs"), years).carry).toBe(carried);
  });

  it.each([
    ["an open lawsuit", { caseName: "张某诉镇政府", receivedDate: "2018-05-01" }, true],
    ["a lawsuit with its result", { caseName: "李某", receivedDate: "2018-05-01", result: "驳回" }, false],
  ])("复议应诉 (township): %s → carried %s", (_what, cells, carried) => {
    expect(ledgerVerdict(cells, ledger(township, "litigation"), years).carry).toBe(carried);
  });

  it("复议应诉 (model unit): a case is open until the judgment is performed", () => {
    const modelUnit = findPack("model-unit") as Pack;
    const l = ledger(modelUnit, "litigation");
    expect(ledgerVerdict({ caseNo: "1", judgmentPerformed: "否" }, l, years).carry).toBe(true);
    expect(ledgerVerdict({ caseNo: "1", judgmentPerformed: "是" }, l, years).carry).toBe(false);
  });

  it("staff always carry; dated events of last year are archived, undated ones carry", () => {
    expect(ledgerVerdict({ name: "王五" }, ledger(township, "enforcementStaff"), years).carry).toBe(true);
    const trainings = ledger(township, "trainings");
    expect(ledgerVerdict({ topic: "宪法", date: "2018-11-02" }, trainings, years).carry).toBe(false);
    expect(ledgerVerdict({ topic: "民法典", date: 43800 }, trainings, years)).toEqual({
      carry: true,
      reason: "rollover.notYetDated",
    }); // serial 43800 = 2019-11-30
    expect(ledgerVerdict({ topic: "计划中" }, trainings, years).carry).toBe(true);
    const contracts = ledger(township, "contracts");
    expect(ledgerVerdict({ name: "保洁", signingDate: "2018年3月1日" }, contracts, years).carry).toBe(false);
    expect(ledgerVerdict({ name: "谈判中" }, contracts, years).carry).toBe(true);
  });
});

describe("planRollover", () => {
  it("keeps veto events live with their dates, resets statuses with last year's as a hint", () => {
    const modelUnit = findPack("model-unit") as Pack;
    const snapshot = buildSnapshot(modelUnit, {
      items: {
        "M9.1": { occurred: "是", eventDate: "2017-08-01" },
        [modelUnit.groups[0]!.items[0]!.id]: { status: "完成", evidence: "会议纪要", owner: "张三" },
      },
    });
    const plan = planRollover(modelUnit, layoutFor(modelUnit), snapshot, 2018, 2019);
    const veto = Object.values(plan.live)
      .flat()
      .find((r) => r.cells["id"] === "M9.1");
    expect(veto?.cells).toMatchObject({ occurred: "是", eventDate: "2017-08-01" });
    const first = modelUnit.groups[0]!.items[0]!.id;
    expect(plan.hints).toEqual([
      expect.objectContaining({ itemId: first, last: { status: "完成", evidence: "会议纪要" } }),
    ]);
    const kept = Object.values(plan.live)
      .flat()
      .find((r) => r.cells["id"] === first);
    expect(kept?.cells).toEqual({ id: first, owner: "张三" });
    expect(plan.inputs["assessmentYear"]).toBe(2019);
    expect(plan.inputs["assessmentDate"]).toBe("2019-12-31");
  });

  // Nothing is lost: every non-blank record, checklist entry and input of any workbook is in the
  // plan, live or archived, exactly once and with its values unchanged.
  it.each(BUILTIN_PACKS.map((p) => [p.id, p] as const))(
    "loses nothing from a random %s workbook",
    (_id, pack) => {
      const layout = layoutFor(pack);
      const items = pack.groups.flatMap((g) => g.items.map((i) => i.id));
      const value = fc.oneof(
        fc.constant<CellValue>(null),
        fc.constantFrom<CellValue>("是", "否", "完成", "部分完成", "暂行", "正式", "驳回", ""),
        fc.integer({ min: 36000, max: 47000 }),
        fc.date({ min: new Date("2010-01-01"), max: new Date("2021-12-31"), noInvalidDate: true }),
        fc
          .tuple(fc.integer({ min: 2010, max: 2021 }), fc.integer({ min: 1, max: 12 }))
          .map(([y, m]) => `${y}年${m}月3日`),
        fc.string({ maxLength: 6 }),
      );
      const record = (ids: readonly string[]) => fc.record(Object.fromEntries(ids.map((id) => [id, value])));
      const spec = fc.record({
        ledgers: fc.record(
          Object.fromEntries(
            pack.ledgers.map((l) => [l.id, fc.array(record(l.columns.map((c) => c.id)), { maxLength: 8 })]),
          ),
        ),
        items: fc.dictionary(
          fc.constantFrom(...items),
          record(["status", "doneDate", "evidence", "owner", "note", "occurred", "eventDate"]),
          { maxKeys: 6 },
        ),
        inputs: fc.record(Object.fromEntries(pack.inputs.map((i) => [i.id, value]))),
      });
      fc.assert(
        fc.property(spec, fc.integer({ min: 2016, max: 2020 }), (s, fromYear) => {
          const snapshot = buildSnapshot(pack, s as Parameters<typeof buildSnapshot>[1]);
          const plan = planRollover(pack, layout, snapshot, fromYear, fromYear + 1);
          expectNothingLost(snapshot, plan, layout.tables);
        }),
        { seed: 2019, numRuns: 150 },
      );
    },
  );
});

function expectNothingLost(
  snapshot: WorkbookSnapshot,
  plan: ReturnType<typeof planRollover>,
  tables: ReturnType<typeof layoutFor>["tables"],
): void {
  for (const table of tables) {
    const read = snapshot.tables[table.key];
    const live = plan.live[table.key] ?? [];
    const archived = plan.archive.filter((a) => a.table === table.key);
    let seen = 0;
    for (const row of read?.rows ?? []) {
      if (Object.values(row.cells).every((v) => isBlank(v))) continue;
      const inLive = live.filter((r) => r.fromRow === row.row);
      const inArchive = archived.filter((a) => a.fromRow === row.row);
      if (table.kind === "ledger" || table.kind === "veto") {
        seen++;
        expect(inLive.length + inArchive.length).toBe(1);
        expect([...inLive, ...inArchive][0]?.cells).toEqual(row.cells);
      } else {
        const entries = ["status", "doneDate", "evidence", "note"].some((c) => !isBlank(row.cells[c]));
        expect(inArchive.map((a) => a.cells)).toEqual(entries ? [row.cells] : []);
        if (!isBlank(row.cells["owner"])) expect(inLive[0]?.cells["owner"]).toEqual(row.cells["owner"]);
      }
    }
    if (table.kind !== "checklist") expect(live.length + archived.length).toBe(seen);
  }
  for (const [id, input] of Object.entries(snapshot.inputs)) {
    if (isBlank(input.value) || id === "assessmentYear") continue;
    const kept = plan.inputs[id] === input.value;
    const archived = plan.archive.some(
      (a) => a.table === "info" && a.cells["input"] === id && a.cells["value"] === input.value,
    );
    expect(kept || archived).toBe(true);
  }
}
