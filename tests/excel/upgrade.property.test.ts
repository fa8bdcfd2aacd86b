import fc from "fast-check";
import { STATUS_VALUES } from "../../src/core/layout";
import { installPack, readSnapshot } from "../../src/excel";
import { serialFromDate } from "../../src/sim";
import { fakeExcel, miniPack, withNewItems, withRetiredItems } from "./helpers";

const G21 = "二(一)依法决策";
const LEDGER = "重大行政决策台账";
const TABLE = "TZ_checklist_G2_1";
const v1 = miniPack();
const items = v1.groups[0]?.items.map((i) => i.id) ?? [];
const next = {
  same: v1,
  newer: withNewItems(v1, "1.1.0"),
  major: withRetiredItems(v1, "2.0.0"),
};

const word = fc.stringMatching(/^[甲乙丙丁戊a-z]{1,6}$/).map((s) => `材料${s}`);
const date = fc
  .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ m, d }) => ({
    text: `2018-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    serial: serialFromDate(2018, m, d),
  }));

const entry = fc.record({
  item: fc.integer({ min: 0, max: items.length - 1 }),
  status: fc.constantFrom(...STATUS_VALUES),
  date,
  evidence: word,
});

const workbook = fc.record({
  entries: fc.array(entry, { maxLength: 5 }),
  ledger: fc.array(fc.tuple(word, fc.constantFrom("是", "否")), { maxLength: 4 }),
  staff: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  perturb: fc.constantFrom(
    "none",
    "insertAbove",
    "insertInside",
    "renameSheet",
    "swapColumns",
    "extraColumn",
    "renameTable",
  ),
  upgrade: fc.constantFrom("same", "newer", "major") as fc.Arbitrary<keyof typeof next>,
});

describe("upgrade keeps every entry (property)", () => {
  it("over 200 random workbooks", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (w) => {
        const { excel, opts } = fakeExcel();
        await installPack(v1, opts);
        const expected = new Map<string, { status: string; doneDate: number | null; evidence: string }>();
        for (const e of w.entries) {
          const row = 3 + e.item;
          excel.user.setValues(G21, `E${row}:G${row}`, [[e.status, e.date.text, e.evidence]]);
          expected.set(items[e.item] ?? "", {
            status: e.status,
            doneDate: e.date.serial,
            evidence: e.evidence,
          });
        }
        if (w.ledger.length > 0) excel.user.setValues(LEDGER, `A3:B${2 + w.ledger.length}`, w.ledger);
        if (w.staff !== undefined) excel.user.setValues("基本信息", "B5", [[String(w.staff)]]);

        if (w.perturb === "insertAbove") excel.user.insertRows(G21, 1, 2);
        if (w.perturb === "insertInside") excel.user.insertRows(G21, 5, 1);
        if (w.perturb === "renameSheet") excel.user.renameSheet(G21, "依法决策(本镇)");
        if (w.perturb === "swapColumns") excel.user.swapTableColumns(TABLE, 5, 7);
        if (w.perturb === "extraColumn") excel.user.addTableColumn(TABLE, "我的列");
        if (w.perturb === "renameTable") excel.user.renameTable(TABLE, "本镇清单");

        const pack = next[w.upgrade];
        const summary = await installPack(pack, opts);
        expect(summary.syncs).toBeLessThanOrEqual(3);

        const { snapshot } = await readSnapshot({ ...opts, pack });
        const rows = snapshot.tables["checklist:G2.1"]?.rows ?? [];
        for (const [id, want] of expected) {
          const row = rows.find((r) => r.cells.id === id);
          expect(row?.cells).toMatchObject(want);
        }
        expect(rows.filter((r) => r.cells.id === items[0])).toHaveLength(1);
        const ledgerRows = (snapshot.tables["ledger:decisions"]?.rows ?? []).map((r) => [
          r.cells.name,
          r.cells.publicParticipation,
        ]);
        for (const record of w.ledger) expect(ledgerRows).toContainEqual(record);
        if (w.staff !== undefined) expect(snapshot.inputs.establishedStaff?.value).toBe(w.staff);
      }),
      { numRuns: 200 },
    );
  });
});
