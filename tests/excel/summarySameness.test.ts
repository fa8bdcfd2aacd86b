import type ExcelJSType from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { assess } from "../../src/core/assess";
import { consolidate, type Consolidation } from "../../src/core/consolidate";
import { writeConsolidation } from "../../src/excel";
import { loadXlsx, summaryBytes } from "../../src/xlsx";
import { buildSnapshot } from "../support/snapshot";
import { fakeExcel, townshipPack } from "./helpers";

/**
 * The add-in (Office.js, on the simulator the preview also draws) and `taizhang consolidate -o`
 * (the .xlsx it writes, read back with ExcelJS) hold the same 汇总 cells, heat-map fills and
 * township links, and the same 乡镇详情.
 * Sheet names differ by design (the add-in's 汇总 vs the CLI's 汇总排名), so links are compared by
 * which sheet role they point at.
 */
const pack = townshipPack();
const statusItems = pack.groups.flatMap((g) => g.items).filter((i) => i.kind === "status");

function summary(): Consolidation {
  const file = (source: string, township: string, date: string, done: number) => ({
    source,
    assessment: assess(
      pack,
      buildSnapshot(pack, {
        township,
        assessmentDate: date,
        items: Object.fromEntries(
          statusItems
            .slice(0, done)
            .map((i) => [i.id, { status: "完成", doneDate: "2018-06-01", evidence: "纪要" }]),
        ),
      }),
    ),
  });
  return consolidate([
    file("甲镇-2018.xlsx", "甲镇", "2018-12-31", 4),
    file("甲镇-2019.xlsx", "甲镇", "2019-12-31", 12),
    file("乙镇.xlsx", "乙镇", "2019-12-31", 20),
    file("丙镇.xlsx", "丙镇", "2019-12-31", 0),
  ]);
}

type Role = "matrix" | "detail";
interface Drawn {
  values: unknown[][];
  fills: string[];
  links: string[];
}

const WIDTH = 30;

function fromSim(
  sheet: NonNullable<ReturnType<ReturnType<typeof fakeExcel>["excel"]["model"]["sheet"]>>,
  rows: number,
  roles: Record<string, Role>,
): Drawn {
  const drawn: Drawn = { values: [], fills: [], links: [] };
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < WIDTH; c++) {
      const cell = sheet.cell(r, c);
      row.push(cell?.value ?? "");
      if (cell?.fill) drawn.fills.push(`${r + 1}:${c}:${cell.fill}`);
      const ref = cell?.hyperlink?.documentReference;
      if (ref) drawn.links.push(`${r + 1}:${c}:${roleOf(ref, roles)}`);
    }
    drawn.values.push(row);
  }
  return drawn;
}

/**
 * The in-workbook links of one sheet of .xlsx bytes, cell → location. Read from the XML: ExcelJS
 * 4.4 loads only links that have a relationship (worksheet-xform.js `hyperlinkMap`, from
 * `rels[hyperlink.rId]`), and an in-workbook link has none (it is a `location`).
 */
function xmlLinks(bytes: Uint8Array, sheetName: string): Map<string, string> {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array(0));
  const unescape = (v: string) =>
    v
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  const rid = [...text("xl/workbook.xml").matchAll(/<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)].find(
    (m) => unescape(m[1] ?? "") === sheetName,
  )?.[2];
  const target = new RegExp(`Id="${rid}"[^>]*?Target="([^"]*)"`).exec(
    text("xl/_rels/workbook.xml.rels"),
  )?.[1];
  const links = new Map<string, string>();
  for (const m of text(`xl/${target}`).matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g))
    links.set(m[1] ?? "", unescape(m[2] ?? ""));
  return links;
}

function fromExcelJs(
  sheet: ExcelJSType.Worksheet,
  rows: number,
  roles: Record<string, Role>,
  locations: Map<string, string>,
): Drawn {
  const drawn: Drawn = { values: [], fills: [], links: [] };
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < WIDTH; c++) {
      const cell = sheet.getCell(r + 1, c + 1);
      const value = cell.value as unknown;
      const link =
        value && typeof value === "object" && "hyperlink" in value
          ? (value as ExcelJSType.CellHyperlinkValue)
          : null;
      row.push(link ? link.text : (value ?? ""));
      const fill = cell.fill;
      if (fill?.type === "pattern" && fill.fgColor?.argb)
        drawn.fills.push(`${r + 1}:${c}:#${fill.fgColor.argb.slice(2)}`);
      if (link) drawn.links.push(`${r + 1}:${c}:${roleOf(link.hyperlink.replace(/^#/, ""), roles)}`);
      const location = locations.get(cell.address);
      if (location) drawn.links.push(`${r + 1}:${c}:${roleOf(location, roles)}`);
    }
    drawn.values.push(row);
  }
  return drawn;
}

/** "'乡镇详情'!A11" → "detail!A11". */
function roleOf(reference: string, roles: Record<string, Role>): string {
  const match = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(reference);
  if (!match) return `unparsed:${reference}`;
  return `${roles[(match[1] ?? "").replace(/''/g, "'")] ?? "other"}!${match[2]}`;
}

describe("汇总 written by the add-in and by the CLI", () => {
  const result = summary();

  it("has the same cells, fills and links on 汇总 and 乡镇详情", async () => {
    const { excel, opts } = fakeExcel();
    const written = await writeConsolidation(result, [], opts);
    const bytes = await summaryBytes(result, [], "zh-CN");
    const workbook = await loadXlsx(bytes);
    const cli = { matrix: workbook.worksheets[0], detail: workbook.getWorksheet("乡镇详情") };
    const simRoles: Record<string, Role> = {
      [written.matrixSheet]: "matrix",
      [written.detailSheet]: "detail",
    };
    const cliRoles: Record<string, Role> = { [cli.matrix?.name ?? ""]: "matrix", 乡镇详情: "detail" };

    // The matrix up to its last township (the add-in lists the notes below it, the CLI on a sheet).
    const matrixRows = 2 + result.townships.length;
    const simMatrix = fromSim(excel.model.sheet(written.matrixSheet)!, matrixRows, simRoles);
    const cliMatrix = fromExcelJs(cli.matrix!, matrixRows, cliRoles, xmlLinks(bytes, cli.matrix!.name));
    expect(simMatrix).toEqual(cliMatrix);
    const detailRows = cli.detail!.rowCount;
    expect(fromSim(excel.model.sheet(written.detailSheet)!, detailRows, simRoles)).toEqual(
      fromExcelJs(cli.detail!, detailRows, cliRoles, xmlLinks(bytes, "乡镇详情")),
    );

    // And what they show: three townships ranked (甲镇's 2018 file is compared with, not ranked),
    // every name linked to its block, and 甲镇 with a change since 2018.
    expect(simMatrix.links).toHaveLength(3);
    expect(simMatrix.fills.length).toBeGreaterThanOrEqual(3);
    const jia = result.townships.find((t) => t.township === "甲镇");
    expect(jia?.change?.previousYear).toBe(2018);
    expect(jia?.change?.score).toBeGreaterThan(0);
    expect(simMatrix.values.flat()).toContain(`▲ ${jia?.change?.score.toFixed(1)}`);
  });
});
