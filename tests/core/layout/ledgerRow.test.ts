import { isLedgerRowText, layoutFor, ledgerRowText } from "../../../src/core/layout";
import { findPack } from "../../../src/core/pack/builtin";
import type { Pack } from "../../../src/core/pack/schema";

const township = findPack("township-2018") as Pack;

// Issue 12 item 5: ledger-type items got a 状态 dropdown that means nothing.
describe("the checklist row of a ledger-type item", () => {
  it("is marked with its ledger in the layout; status items are not", () => {
    const rows = layoutFor(township).tables.flatMap((t) => (t.kind === "checklist" ? t.rows : []));
    const items = township.groups.flatMap((g) => g.items).filter((i) => i.kind !== "veto");
    for (const item of items) {
      const row = rows.find((r) => r.itemId === item.id);
      expect([item.id, row?.ledger]).toEqual([item.id, item.kind === "ledger" ? item.ledger : undefined]);
    }
    expect(rows.find((r) => r.itemId === "T2.1.1")?.ledger).toBe("decisions");
  });

  it.each([
    [{ total: 3, passed: 2, declared: false }, "3 条记录,2 条合格"],
    [{ total: 12, passed: 12, declared: false }, "12 条记录,12 条合格"],
    [{ total: 0, passed: 0, declared: false }, "0 条记录"],
    [{ total: 0, passed: 0, declared: true }, "0 条记录(已声明本评估年度无此类事项)"],
  ])("shows %j as %s, which the reader knows as its own text", (counts, text) => {
    expect(ledgerRowText(counts)).toBe(text);
    expect(isLedgerRowText(text)).toBe(true);
  });

  it.each(["完成", "不适用", "部分完成", "3 条记录 2 条合格", "共 3 条记录", "", null, 3])(
    "does not take %j, typed by a person, for its own text",
    (value) => expect(isLedgerRowText(value)).toBe(false),
  );
});
