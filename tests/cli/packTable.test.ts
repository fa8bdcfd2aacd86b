import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { BUILTIN_PACKS, canonicalJson, type Pack } from "../../src/core/pack";
import { COUNTY_GROUPS, COUNTY_TABLE_FILE } from "../fixtures/countyTable/make";
import { cli, tempDir } from "./helpers";

const EN = { LANG: "en_US.UTF-8" };

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The 1-based row whose column A holds `id`. */
function rowOf(sheet: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === id) return r;
  throw new Error(`${id} not on ${sheet.name}`);
}

function columnOf(sheet: ExcelJS.Worksheet, row: number, header: string): number {
  for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(row, c).value === header) return c;
  throw new Error(`${header} not on ${sheet.name}`);
}

describe("pack export → import", () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it.each(BUILTIN_PACKS.map((pack) => [pack.id, pack] as const))(
    "gives %s back identical",
    async (id, pack) => {
      const xlsx = dir.path(`${id}.xlsx`);
      const json = dir.path(`${id}.json`);
      expect((await cli(["pack", "export", id, "-o", xlsx])).code).toBe(0);
      const imported = await cli(["pack", "import", xlsx, "-o", json]);
      expect(imported).toMatchObject({ code: 0 });
      expect(canonicalJson(JSON.parse(readFileSync(json, "utf8")))).toBe(canonicalJson(pack));
    },
    120_000,
  );

  it("writes help on every header and dropdowns for the vocabulary", async () => {
    const xlsx = dir.path("help.xlsx");
    await cli(["pack", "export", "township-2018", "-o", xlsx]);
    const workbook = await load(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["考核项目", "台账", "设置"]);
    const items = workbook.getWorksheet("考核项目") as ExcelJS.Worksheet;
    const headers = items.getRow(1).values as ExcelJS.CellValue[];
    expect(headers.slice(1, 9)).toEqual([
      "编号",
      "依据条款",
      "考核内容",
      "分值",
      "评分标准",
      "类型",
      "台账",
      "规则",
    ]);
    for (let c = 1; c < headers.length; c++) expect(String(items.getCell(1, c).note ?? "")).not.toBe("");
    const kind = items.getCell(2, columnOf(items, 1, "类型")).dataValidation;
    expect(kind).toMatchObject({ type: "list", showErrorMessage: true });
    expect(String(kind.formulae[0])).toContain("台账");
    const rules = items.getCell(3, columnOf(items, 1, "规则")).dataValidation;
    // Offered, not imposed: a rule line holds its parameters after the type.
    expect(rules.type).toBe("list");
    expect(rules.showErrorMessage).toBeFalsy();
    expect(String(rules.formulae[0])).toContain("requiredReviews");
    const ruleCell = items.getCell(rowOf(items, "T2.1.1"), columnOf(items, 1, "规则")).value;
    expect(String(ruleCell).split("\n")[0]).toBe("required {column: name}");
  }, 120_000);
});

const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!haveSoffice) {
  // Loud on purpose: LibreOffice is the independent program a coordinator may edit the table in.
  console.warn("\n!!! LibreOffice (soffice) not found: SKIPPING the 细则 workbook LibreOffice test.\n");
}

(haveSoffice ? describe : describe.skip)("a 细则 workbook re-saved by LibreOffice", () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it("still imports as the same pack", async () => {
    mkdirSync(dir.path("in"));
    await cli(["pack", "export", "model-unit", "-o", dir.path("in/细则.xlsx")]);
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${dir.path("lo-profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        dir.path("out"),
        dir.path("in/细则.xlsx"),
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    const json = dir.path("back.json");
    expect((await cli(["pack", "import", dir.path("out/细则.xlsx"), "-o", json])).code).toBe(0);
    expect(canonicalJson(JSON.parse(readFileSync(json, "utf8")))).toBe(
      canonicalJson(BUILTIN_PACKS.find((p) => p.id === "model-unit")),
    );
  }, 180_000);
});

describe("pack import of a bad table", () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it("names every problem with its sheet, row and column, exits 2 and writes nothing", async () => {
    const xlsx = dir.path("细则.xlsx");
    await cli(["pack", "export", "township-2018", "-o", xlsx]);
    const workbook = await load(xlsx);
    const items = workbook.getWorksheet("考核项目") as ExcelJS.Worksheet;
    const rulesCol = columnOf(items, 1, "规则");
    const pointsCol = columnOf(items, 1, "分值");
    const rulesRow = rowOf(items, "T2.1.1");
    const rulesCell = items.getCell(rulesRow, rulesCol);
    rulesCell.value = String(rulesCell.value)
      .replace("required {column: name}", "mustHave {column: name}")
      .replace("required {column: decisionDate}", "required {column: decisionDay}");
    const firstRow = rowOf(items, "T2.1.2");
    const duplicateRow = rowOf(items, "T2.1.3");
    items.getCell(duplicateRow, 1).value = "T2.1.2";
    const pointsRow = rowOf(items, "T2.1.4");
    const points = Number(items.getCell(pointsRow, pointsCol).value);
    items.getCell(pointsRow, pointsCol).value = points + 1;
    const groupRow = rowOf(items, "G2.1");
    const groupPoints = Number(items.getCell(groupRow, pointsCol).value);
    await workbook.xlsx.writeFile(xlsx);

    const out = dir.path("pack.json");
    const run = await cli(["pack", "import", xlsx, "-o", out], EN);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const lines = run.stderr.split("\n");
    const line = (place: string, text: string) => lines.find((l) => l.includes(place) && l.includes(text));
    expect(line(`考核项目 row ${rulesRow}, column “规则”`, "mustHave")).toBeDefined();
    expect(line(`考核项目 row ${rulesRow}, column “规则”`, "decisionDay")).toBeDefined();
    expect(
      line(
        `考核项目 row ${duplicateRow}, column “编号”`,
        `T2.1.2 is used twice (first at 考核项目 row ${firstRow})`,
      ),
    ).toBeDefined();
    expect(
      line(
        `考核项目 row ${groupRow}, column “分值”`,
        `states ${groupPoints} points but its items add up to ${groupPoints + 1}`,
      ),
    ).toBeDefined();
    expect(line("设置 row", "100")).toBeDefined();
    expect(run.stderr).toContain("has 5 problem(s)");

    const zh = await cli(["pack", "import", xlsx, "-o", out]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`考核项目 第 ${rulesRow} 行“规则”列`);
  }, 120_000);
});

describe("a county's own 考核细则 table (tests/fixtures/countyTable)", () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it("imports as status items, group by group, with the table's points", async () => {
    const json = dir.path("county.json");
    const run = await cli(["pack", "import", COUNTY_TABLE_FILE, "-o", json, "--id", "linchuan-2024"]);
    expect(run.code).toBe(0);
    const pack = JSON.parse(readFileSync(json, "utf8")) as Pack;
    expect(pack.id).toBe("linchuan-2024");
    expect(pack.title.zh).toBe("临川县2024年度乡镇法治政府建设考核细则");
    expect(pack.assessment.total).toBe(100);
    expect(pack.groups.map((g) => g.title.zh)).toEqual([
      "依法全面履行政府职能",
      "健全依法决策机制",
      "严格规范公正文明执法",
      "强化对行政权力的制约和监督",
    ]);
    const items = pack.groups.flatMap((g) => g.items);
    expect(items).toHaveLength(10);
    expect(items.every((i) => i.kind === "status" && i.rules.length === 0)).toBe(true);
    const expected = COUNTY_GROUPS.flatMap((g) =>
      g.items.map((row) => [row[1], Number(String(row[2]).replace("分", "")), row[3]]),
    );
    expect(items.map((i) => [i.title.zh, i.points, i.criteria.zh])).toEqual(expected);
  }, 120_000);

  it("runs the README's worked example: import → init → fill → check → consolidate", async () => {
    const pack = dir.path("linchuan-2024.json");
    const imported = await cli(["pack", "import", COUNTY_TABLE_FILE, "-o", pack, "--id", "linchuan-2024"]);
    expect(imported.stderr).toContain("模板 linchuan-2024 1.0.0,4 组 10 项,总分 100");
    mkdirSync(dir.path("各乡镇"));
    const township = dir.path("各乡镇/东乡镇.xlsx");
    const other = dir.path("各乡镇/西山乡.xlsx");
    for (const [name, file] of [
      ["东乡镇", township],
      ["西山乡", other],
    ] as const) {
      const init = ["init", "--pack-file", pack, "--township", name, "--date", "2024-12-31", "-o", file];
      expect((await cli(init)).code).toBe(0);
    }
    const workbook = await load(township);
    const fill = (sheetName: string, itemId: string, values: Record<string, string>) => {
      const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
      const row = rowOf(sheet, itemId);
      const headerRow = [1, 2, 3, 4].find((r) => (sheet.getRow(r).values as unknown[]).includes("状态")) ?? 2;
      for (const [header, value] of Object.entries(values))
        sheet.getCell(row, columnOf(sheet, headerRow, header)).value = value;
    };
    fill("一、依法全面履行政府职能", "C1.1", { 状态: "完成", 佐证材料: "权责清单(2024年版)" });
    fill("二、健全依法决策机制", "C2.2", { 状态: "部分完成" });
    fill("四、强化对行政权力的制约和监督", "C4.2", { 状态: "不适用", 备注: "本镇政务公开由县统一实施" });
    await workbook.xlsx.writeFile(township);

    const check = await cli(["check", township, "--pack-file", pack, "--json"]);
    expect(check.stderr).toBe("");
    const json = JSON.parse(check.stdout) as { total: unknown; score: number };
    // By hand: 实得 10 (C1.1) + 6 (half of C2.2's 12); 应得 100 − 8 (C4.2 不适用) = 92; 16 / 92 × 100 = 17.4.
    expect(json.total).toEqual({ points: 100, applicable: 92, earned: 16 });
    expect(json.score).toBe(17.4);
    expect((await cli(["check", township, "--pack-file", pack])).stdout).toContain(
      "总分 17.4 · 不合格 · 实得 16 / 应得 92(总分值 100)",
    );
    // The table itself serves as the pack file too (its pack id then comes from the file name).
    const direct = dir.path("direct.xlsx");
    await cli([
      "init",
      "--pack-file",
      COUNTY_TABLE_FILE,
      "--township",
      "南湖镇",
      "--date",
      "2024-12-31",
      "-o",
      direct,
    ]);
    expect((await cli(["check", direct, "--pack-file", COUNTY_TABLE_FILE])).code).toBe(0);
    // Without the pack file the workbook is checked with the copy of the pack it carries (issue 16
    // item 3): the same score as with the file.
    const carried = await cli(["check", township]);
    expect(carried.code).toBe(0);
    expect(carried.stdout).toContain("总分 17.4 · 不合格 · 实得 16 / 应得 92(总分值 100)");

    const summary = dir.path("汇总.xlsx");
    const consolidated = await cli(["consolidate", dir.path("各乡镇"), "--pack-file", pack, "-o", summary]);
    expect(consolidated.code).toBe(0);
    const cells: string[] = [];
    for (const sheet of (await load(summary)).worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    expect(cells).toEqual(expect.arrayContaining(["东乡镇", "西山乡"]));

    // Exported for editing and read back, the county's pack is the same pack.
    const table = dir.path("临川县细则.xlsx");
    expect((await cli(["pack", "export", pack, "-o", table])).code).toBe(0);
    const again = dir.path("again.json");
    expect((await cli(["pack", "import", table, "-o", again])).code).toBe(0);
    expect(canonicalJson(JSON.parse(readFileSync(again, "utf8")))).toBe(
      canonicalJson(JSON.parse(readFileSync(pack, "utf8"))),
    );
  }, 120_000);
});
