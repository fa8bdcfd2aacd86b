import { layoutFor, metaRows, placeTables, SHEETS } from "../../src/core/layout";
import { planInstall } from "../../src/excel/installPlan";
import { locate } from "../../src/excel/locate";
import type { SheetVisibility } from "../../src/core/read";
import type { CellValue } from "../../src/core/snapshot";
import type { SheetRead, TableRead, WorkbookRead } from "../../src/excel/read";
import { miniPack, townshipPack, variant } from "./helpers";

// The plan is pure: these tests build what a read would give by hand, with no Excel and no simulator.

const sheet = (id: string, name: string, lastRow = -1): SheetRead => ({
  id,
  name,
  visibility: "Visible",
  used: lastRow < 0 ? null : { r0: 0, c0: 0, r1: lastRow, c1: 9 },
  hasScoresChart: false,
});

/** The raw cells a read would also give: every table's header and body, the metadata rows from A1. */
function withRaw(read: Omit<WorkbookRead, "raw">): WorkbookRead {
  const rows = new Map<string, CellValue[][]>();
  const put = (sheetId: string, r: number, c: number, value: CellValue) => {
    const sheetRows = rows.get(sheetId) ?? [];
    rows.set(sheetId, sheetRows);
    while (sheetRows.length <= r) sheetRows.push([]);
    const row = sheetRows[r] as CellValue[];
    while (row.length < c) row.push(null);
    row[c] = value;
  };
  for (const t of read.tables) {
    t.headers.forEach((h, c) => put(t.sheetId, t.headerRow, t.firstColumn + c, h));
    t.body.forEach((cells, i) =>
      cells.forEach((v, c) => put(t.sheetId, t.headerRow + 1 + i, t.firstColumn + c, v === "" ? null : v)),
    );
  }
  if (read.metaSheetId && read.metaRows) {
    read.metaRows.forEach((cells, r) =>
      cells.forEach((v, c) => put(read.metaSheetId as string, r, c, v || null)),
    );
  }
  return {
    ...read,
    raw: {
      sheets: read.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility as SheetVisibility,
        rows: rows.get(s.id) ?? [],
        tables: read.tables
          .filter((t) => t.sheetId === s.id)
          .map((t) => ({
            id: t.id,
            name: t.name,
            top: t.headerRow,
            left: t.firstColumn,
            bottom: t.headerRow + t.body.length,
            right: t.firstColumn + t.headers.length - 1,
          })),
      })),
      names: [],
    },
  };
}

const blank = (...sheets: SheetRead[]): WorkbookRead =>
  withRaw({
    sheets: sheets.length > 0 ? sheets : [sheet("s1", "Sheet1")],
    tables: [],
    names: new Map(),
    brokenNames: [],
    metaRows: null,
    metaSheetId: null,
  });

describe("the install plan", () => {
  it("puts every table of a blank workbook where the core's spec places it", () => {
    const pack = townshipPack();
    const layout = layoutFor(pack);
    const read = blank();
    const plan = planInstall(pack, layout, read, locate(read, layout), {});
    const spec = placeTables(layout).map((p) => ({ key: p.table.key, sheet: p.table.sheet, ...p }));
    expect(
      plan.newTables.map((t) => ({
        key: t.layout.key,
        sheet: t.slot.name,
        title: t.placement.titleRow,
        header: t.placement.headerRow,
      })),
    ).toEqual(spec.map((p) => ({ key: p.key, sheet: p.sheet, title: p.titleRow, header: p.headerRow })));
    expect(plan.existingTables).toEqual([]);
    expect(plan.renamed).toEqual([]);
  });

  it("stacks a veto table below its group's checklist: title after the items and a two-row gap", () => {
    // A group with both kinds (model-unit keeps its veto items in a group of their own).
    const pack = variant(miniPack(), "1.0.1", (p) => {
      const items = p.groups[0]?.items ?? [];
      const last = items[items.length - 1];
      if (last) items[items.length - 1] = { ...last, kind: "veto", rules: [] };
    });
    const layout = layoutFor(pack);
    const read = blank();
    const plan = planInstall(pack, layout, read, locate(read, layout), {});
    const veto = plan.newTables.find((t) => t.layout.kind === "veto");
    if (!veto) throw new Error("the variant has a veto table");
    const checklist = plan.newTables.find((t) => t.slot === veto.slot && t.layout.kind === "checklist");
    const items = checklist?.layout.rows.length ?? 0;
    // Title row 1, header row 2, items on rows 3…2+n, rows 3+n and 4+n blank, veto title on 5+n.
    expect(checklist?.placement).toMatchObject({ titleRow: 1, headerRow: 2, lastTableRow: 2 + items });
    expect(veto.placement.titleRow).toBe(items + 5);
    expect(veto.first).toBe(false);
    expect(checklist?.first).toBe(true);
  });

  it("leaves a sheet that is not Taizhang's alone and takes the next free name", () => {
    const pack = miniPack();
    const layout = layoutFor(pack);
    const read = blank(sheet("s1", "基本信息", 5), sheet("s2", "自评结果"));
    const plan = planInstall(pack, layout, read, locate(read, layout), {});
    expect(plan.sheets.info.name).toBe("基本信息 (2)");
    expect(plan.sheets.results.name).toBe("自评结果 (2)");
    expect(plan.sheets.info.existing).toBeUndefined();
    expect(plan.renamed).toEqual([
      { wanted: "基本信息", used: "基本信息 (2)" },
      { wanted: "自评结果", used: "自评结果 (2)" },
    ]);
  });

  it("keeps the rows of an installed table, adds the pack's new items at its end and names them in the metadata", () => {
    const pack = miniPack();
    const layout = layoutFor(pack);
    const checklist = layout.tables.find((t) => t.kind === "checklist");
    if (!checklist) throw new Error("no checklist");
    const [first, second, ...rest] = checklist.rows;
    const table: TableRead = {
      id: "t1",
      name: checklist.name,
      sheetId: "s2",
      sheetName: checklist.sheet,
      headerRow: 1,
      firstColumn: 0,
      headers: checklist.columns.map((c) => c.header.zh),
      // Two items installed (the second one out of order), and one the pack no longer has.
      body: [second, first].map((r) => checklist.columns.map((c) => r?.cells[c.id] ?? "")),
    };
    table.body.push(["T9.9", "旧要求", "", 1, "", "", "", "", "", ""]);
    const read: WorkbookRead = withRaw({
      sheets: [sheet("s0", SHEETS.meta), sheet("s1", SHEETS.info, 8), sheet("s2", checklist.sheet, 5)],
      tables: [table],
      names: new Map(),
      brokenNames: [],
      metaRows: metaRows({
        packId: pack.id,
        packVersion: "0.9.0",
        layoutVersion: 1,
        tables: [],
        retiredItems: [],
      }),
      metaSheetId: "s0",
    });
    const plan = planInstall(pack, layout, read, locate(read, layout), { township: "宣和镇" });
    const existing = plan.existingTables.find((t) => t.layout.key === checklist.key);
    expect(existing?.kept.map((k) => [k.row.itemId, k.at])).toEqual([
      [first?.itemId, 1],
      [second?.itemId, 0],
    ]);
    expect(existing?.added.map((r) => r.itemId)).toEqual(rest.map((r) => r.itemId));
    expect(plan.retiredItems).toEqual(new Set(["T9.9"]));
    expect(plan.meta.tables.find((t) => t.key === checklist.key)).toEqual({
      key: checklist.key,
      name: checklist.name,
      sheet: checklist.sheet,
    });
    expect(plan.info.find((i) => i.row.inputId === "township")).toMatchObject({
      setting: "宣和镇",
      existing: false,
    });
  });
});
