import { SHEETS } from "../../src/core/layout";
import type { ExcelAdapterError } from "../../src/excel";
import { describeError, installPack, readSnapshot, toAdapterError } from "../../src/excel";
import { FakeOfficeError } from "../../src/sim";
import { fakeExcel, miniPack, withNewItems } from "./helpers";

const G21 = "二(一)依法决策";

async function failure(p: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await p;
  } catch (e) {
    return e as ExcelAdapterError;
  }
  throw new Error("expected a failure");
}

/** How many operations the write sync of a first install of the mini pack carries. */
async function writeOperations(): Promise<number> {
  const { excel, opts } = fakeExcel();
  let counted = 0;
  const run: typeof opts.run = (batch) =>
    opts.run(async (ctx) => {
      const sync = ctx.sync.bind(ctx);
      let n = 0;
      return batch({
        workbook: ctx.workbook,
        sync: async () => {
          await sync();
          n += 1;
          if (n === 2) counted = excel.lastSyncOperations;
        },
      });
    });
  await installPack(miniPack(), { ...opts, run });
  return counted;
}

describe("errors", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "excel.error.cellEditMode", true],
    ["ApiNotFound", "excel.error.apiNotFound", false],
    ["AccessDenied", "excel.error.accessDenied", false],
    ["ItemNotFound", "excel.error.notFound", false],
    ["Conflict", "excel.error.conflict", true],
    ["SomethingNew", "excel.error.unknown", false],
  ])("maps Office's %s to %s (retry: %s)", (officeCode, key, retry) => {
    const error = toAdapterError(new FakeOfficeError(officeCode, "boom", "Range.values"));
    expect(error).toMatchObject({ code: key, officeCode, retry });
    expect(describeError("zh-CN", error)).not.toContain("{");
    expect(describeError("en-US", error)).not.toContain("{");
  });

  it("tells the user to finish the cell edit, and writes nothing", async () => {
    const { excel, opts } = fakeExcel();
    excel.setCellEditMode(true);
    const error = await failure(installPack(miniPack(), opts));
    expect(error.code).toBe("excel.error.cellEditMode");
    expect(describeError("zh-CN", error)).toContain("Enter");
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it.each([0, 0.01, 0.25, 0.5, 0.75, 0.99])(
    "says exactly what a first install wrote when its write stops at %p of its operations",
    async (fraction) => {
      const { excel, opts } = fakeExcel();
      // The write is the second sync of a first install (the third records table ids).
      const total = await writeOperations();
      excel.failNextSync(Math.floor(total * fraction), "GeneralException", 1);
      const error = await failure(installPack(miniPack(), opts));
      expect(error.code).toBe("excel.partial");
      const written = error.written ?? [];
      const notWritten = error.notWritten ?? [];
      expect(written.length + notWritten.length).toBeGreaterThan(3);
      for (const part of written) {
        if (part.key === "excel.part.sheet")
          expect(excel.model.sheet(String(part.params.name))).toBeDefined();
        if (part.key === "excel.part.table")
          expect(excel.model.table(String(part.params.name))).toBeDefined();
      }
      for (const part of notWritten) {
        if (part.key === "excel.part.sheet")
          expect(excel.model.sheet(String(part.params.name))).toBeUndefined();
        if (part.key === "excel.part.table")
          expect(excel.model.table(String(part.params.name))).toBeUndefined();
      }
      const text = describeError("zh-CN", error);
      expect(text).toContain("已写入");
      expect(text).toContain("没有丢失");
      // Installing again completes the workbook without duplicating anything.
      await installPack(miniPack(), opts);
      const { snapshot } = await readSnapshot({ ...opts, pack: miniPack() });
      const ids = snapshot.tables["checklist:G2.1"]?.rows.map((r) => r.cells.id);
      expect(ids).toEqual(miniPack().groups[0]?.items.map((i) => i.id));
      expect(excel.model.sheets.filter((s) => s.name.startsWith(G21))).toHaveLength(1);
      expect(excel.model.sheet(SHEETS.meta)?.visibility).toBe("VeryHidden");
    },
  );

  it("keeps every entry when an upgrade stops midway", async () => {
    const { excel, opts } = fakeExcel();
    await installPack(miniPack(), opts);
    excel.user.setValues(G21, "E4:G4", [["完成", "2018-05-01", "纪要"]]);
    excel.failNextSync(25, "GeneralException", 2);
    const error = await failure(installPack(withNewItems(miniPack(), "1.1.0"), opts));
    expect(error.code).toBe("excel.partial");
    expect(excel.values(G21, "E4:G4")).toEqual([["完成", 43221, "纪要"]]);
    await installPack(withNewItems(miniPack(), "1.1.0"), opts);
    expect(excel.values(G21, "E4:G4")).toEqual([["完成", 43221, "纪要"]]);
    expect(excel.values(G21, "A3:A20").flat()).toContain("T2.1.99");
  });
});
