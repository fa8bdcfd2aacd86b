import * as ExcelJS from "exceljs";
import fc from "fast-check";
import { recheckAll } from "../../src/excel";
import { openXlsxWorkbook, saveXlsxWorkbook } from "../../src/preview/xlsx";
import { readPackageParts } from "../../src/preview/xlsx/packageParts";
import { assessWorkbookBytes, saveXlsx } from "../../src/xlsx";
import { DECISIONS, filledBytes, INFO } from "./workbooks";

async function loadFull(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

const tablesOf = (ws: ExcelJS.Worksheet) =>
  Object.values((ws as unknown as { tables: Record<string, ExcelJS.Table> }).tables).map((t) => {
    const model = (t as unknown as { table: { name: string; tableRef: string } }).table;
    return `${model.name} ${model.tableRef}`;
  });

// Whole township workbooks through ExcelJS several times: seconds each on a busy 2-core machine.
jest.setTimeout(60_000);

describe("saving the preview's workbook", () => {
  let original: Uint8Array;
  beforeAll(async () => {
    original = await filledBytes();
  });

  it("scores the same in `taizhang check` as the preview showed, after the pane wrote its checks", async () => {
    const book = await openXlsxWorkbook(original);
    const shown = await recheckAll(null, { run: book.excel.run, isSetSupported: book.excel.isSetSupported });
    const saved = await saveXlsxWorkbook(book);
    const checked = await assessWorkbookBytes(saved);
    expect(checked.assessment).toEqual(shown.assessment);
    expect(shown.assessment.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["dateOrder.violated", "ratio.belowAfterDeadline"]),
    );

    // …and reopening the saved file shows the same cells (校验 text and fills included) and score.
    const again = await openXlsxWorkbook(saved);
    const cells = (b: typeof book) =>
      b.excel.model.sheets.map((sheet) => [
        sheet.name,
        // As a reader sees them: formula cells (校验, helpers) computed by the preview's engine.
        [...sheet.cells]
          .sort(([a], [b]) => a - b)
          .map(([k, c]) => [
            k,
            b.excel.model.valueAt(sheet, Math.floor(k / 16_384), k % 16_384),
            c.fill ?? "",
          ])
          .filter(([, value, fill]) => value !== "" || fill !== ""),
      ]);
    expect(cells(again)).toEqual(cells(book));
    const reread = await recheckAll(null, {
      run: again.excel.run,
      isSetSupported: again.excel.isSetSupported,
    });
    expect(reread.assessment).toEqual(shown.assessment);
  });

  it("keeps sheets, visibility, tables, names, widths, frozen headers, fills, formats and colours", async () => {
    const before = await loadFull(original);
    const after = await loadFull(await saveXlsxWorkbook(await openXlsxWorkbook(original)));
    expect(after.worksheets.map((s) => [s.name, s.state])).toEqual(
      before.worksheets.map((s) => [s.name, s.state]),
    );
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    for (const ws of before.worksheets) {
      const other = after.getWorksheet(ws.name) as ExcelJS.Worksheet;
      expect(tablesOf(other)).toEqual(tablesOf(ws));
      expect((other.views ?? [])[0]?.state ?? "normal").toBe((ws.views ?? [])[0]?.state ?? "normal");
      expect(((other.views ?? [])[0] as { ySplit?: number } | undefined)?.ySplit).toBe(
        ((ws.views ?? [])[0] as { ySplit?: number } | undefined)?.ySplit,
      );
      (ws.columns ?? []).forEach((column, i) => {
        if (column.width) expect(other.getColumn(i + 1).width).toBeCloseTo(column.width, 1);
      });
      expect(conditionalRefs(other)).toEqual(conditionalRefs(ws));
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const copy = other.getCell(r, c);
          // Office.js shows an empty string and an empty cell alike; either is fine.
          const empty = (v: ExcelJS.CellValue) => (v === "" ? null : v);
          // A filled-down (shared) formula may come back written out cell by cell: the same formula.
          if (cell.formula) expect([cell.address, copy.formula]).toEqual([cell.address, cell.formula]);
          else expect([cell.address, empty(copy.value)]).toEqual([cell.address, empty(cell.value)]);
          expect([cell.address, copy.numFmt]).toEqual([cell.address, cell.numFmt]);
          expect([cell.address, copy.fill]).toEqual([cell.address, cell.fill]);
          expect([cell.address, copy.font]).toEqual([cell.address, cell.font]);
        }),
      );
    }
  });

  it("keeps every data validation with its ranges, prompts and alerts", async () => {
    const saved = await saveXlsxWorkbook(await openXlsxWorkbook(original));
    const before = await readPackageParts(original);
    const after = await readPackageParts(saved);
    for (const [sheet, rules] of before.validations) {
      const sorted = (list: typeof rules) => [...list].map((v) => JSON.stringify(v)).sort();
      expect([sheet, sorted(after.validations.get(sheet) ?? [])]).toEqual([sheet, sorted(rules)]);
    }
  });

  it("keeps table ids and sheet ids, so Taizhang's metadata finds the same tables after a reopen", async () => {
    const first = await openXlsxWorkbook(original);
    await recheckAll(null, { run: first.excel.run, isSetSupported: first.excel.isSetSupported });
    const second = await openXlsxWorkbook(await saveXlsxWorkbook(first));
    const ids = (book: typeof first) => book.excel.model.tables.map((t) => [t.name, t.id, t.sheet.id]);
    expect(ids(second)).toEqual(ids(first));
    expect(second.excel.model.sheets.map((s) => s.id)).toEqual(first.excel.model.sheets.map((s) => s.id));
  });

  it("keeps what a person typed in the preview, and the check finds it", async () => {
    const book = await openXlsxWorkbook(original);
    book.excel.user.setValues(INFO, "B6", [["12"]]);
    const ledger = book.excel.model.requireSheet(DECISIONS);
    const reviewColumn = book.excel.model
      .headers(book.excel.model.tables.find((t) => t.sheet === ledger)!)
      .indexOf("合法性审查日期");
    book.excel.user.setValues(DECISIONS, `${String.fromCharCode(65 + reviewColumn)}3`, [["2018-05-01"]]);
    const before = await assessWorkbookBytes(original);
    const after = await assessWorkbookBytes(await saveXlsxWorkbook(book));
    expect(after.snapshot.inputs.certifiedStaff?.value).toBe(12);
    expect(after.assessment.findings.length).toBeLessThan(before.assessment.findings.length);
    expect(after.assessment.score).toBeGreaterThan(before.assessment.score);
  });
});

function conditionalRefs(ws: ExcelJS.Worksheet): string[] {
  const list = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  return list
    .flatMap((f) =>
      f.rules.map(
        (r) =>
          `${f.ref.replace(/^([A-Z]+\d+):\1$/, "$1")} ${r.type} ${"formulae" in r ? String(r.formulae) : ""}`,
      ),
    )
    .sort();
}

describe("files from other programs", () => {
  it("opens a whole-column dropdown without expanding a million cells, and saves it whole", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("台账");
    ws.getCell("A1").value = "状态";
    ws.getCell("A2").value = "完成";
    (
      ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add("A1:A1048576", {
      type: "list",
      allowBlank: true,
      formulae: ['"完成,未开始"'],
      showErrorMessage: true,
      errorStyle: "stop",
    });
    const book = await openXlsxWorkbook(await saveXlsx(wb));
    const sheet = book.excel.model.requireSheet("台账");
    expect(book.excel.cell("台账", "A500")?.validation?.rule.list?.source).toBe("完成,未开始");
    expect(sheet.cells.size).toBeLessThan(5000);
    const parts = await readPackageParts(await saveXlsxWorkbook(book));
    expect(parts.validations.get("台账")?.map((v) => v.sqref)).toEqual(["A1:A1048576"]);
  });

  it("keeps formulas (showing their cached result), merged cells' text and rich text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = 2;
    ws.getCell("A2").value = { formula: "A1*3", result: 6 };
    ws.getCell("B1").value = { richText: [{ text: "台" }, { text: "账", font: { bold: true } }] };
    ws.getCell("C1").value = "标题";
    ws.mergeCells("C1:D1");
    const book = await openXlsxWorkbook(await saveXlsx(wb));
    expect(book.excel.values("Sheet1", "A1:D2")).toEqual([
      [2, "台账", "标题", ""],
      [6, "", "", ""],
    ]);
    const saved = await loadFull(await saveXlsxWorkbook(book));
    const sheet = saved.getWorksheet("Sheet1") as ExcelJS.Worksheet;
    expect(sheet.getCell("A2").value).toEqual({ formula: "A1*3", result: 6 });
    expect(sheet.getCell("B1").value).toEqual({
      richText: [{ text: "台" }, { text: "账", font: { bold: true } }],
    });
  });

  it.each([
    ["empty", new Uint8Array()],
    ["notZip", new TextEncoder().encode("乡镇,状态\n宣和镇,完成\n")],
    ["legacyXls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
  ])("refuses a file that is %s", async (code, bytes) => {
    await expect(openXlsxWorkbook(bytes)).rejects.toMatchObject({ name: "XlsxError", code });
  });

  it("refuses a truncated workbook as corrupt", async () => {
    const bytes = await filledBytes();
    const cut = bytes.slice(0, Math.floor(bytes.length / 2));
    await expect(openXlsxWorkbook(cut)).rejects.toMatchObject({ name: "XlsxError", code: "corrupt" });
  });
});

describe("cell values survive save and reopen", () => {
  const value = fc.oneof(
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom("2018-04-03", "=SUM(A1:A2)", "'007", "50%", "2018年5月3日", "TRUE", " "),
  );
  it("whatever was typed into the preview", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const wb = new ExcelJS.Workbook();
          wb.addWorksheet("Sheet1");
          const book = await openXlsxWorkbook(await saveXlsx(wb));
          book.excel.user.setValues("Sheet1", `A1:C${rows.length}`, rows);
          const address = `A1:C${rows.length}`;
          const typed = book.excel.values("Sheet1", address);
          const formats = book.excel.model.read(
            book.excel.model.requireSheet("Sheet1"),
            { r0: 0, c0: 0, r1: rows.length - 1, c1: 2 },
            (c) => c?.numberFormat ?? "General",
          );
          const reopened = await openXlsxWorkbook(await saveXlsxWorkbook(book));
          // A file has no −0. Typed formulas are left out here: what they show is the engine's
          // business (the formula tests); that they come back as formulas is checked below.
          const isFormula = (r: number, c: number) =>
            String(reopened.excel.model.requireSheet("Sheet1").cell(r, c)?.formula ?? "").startsWith("=");
          const shown = (values: unknown[][]) =>
            values.map((row, r) => row.map((v, c) => (isFormula(r, c) ? "=" : Object.is(v, -0) ? 0 : v)));
          expect(shown(reopened.excel.values("Sheet1", address))).toEqual(shown(typed));
          rows.forEach((row, r) =>
            row.forEach((v, c) => {
              if (typeof v === "string" && /^=./.test(v)) expect(isFormula(r, c)).toBe(true);
            }),
          );
          expect(
            reopened.excel.model.read(
              reopened.excel.model.requireSheet("Sheet1"),
              { r0: 0, c0: 0, r1: rows.length - 1, c1: 2 },
              (c) => c?.numberFormat ?? "General",
            ),
          ).toEqual(formats);
        },
      ),
      { numRuns: 40 },
    );
  });
});
