import { readFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { findPack } from "../../src/core/pack";
import { assessWorkbookBytes } from "../../src/xlsx";
import { cli, headerColumn, itemRow, tempDir } from "./helpers";

jest.setTimeout(180_000);
const tmp = tempDir();
afterAll(() => tmp.remove());

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A 2018 township workbook with records that carry over and records that belong to 2018. */
async function filled2018(): Promise<string> {
  const blank = tmp.path("blank-2018.xlsx");
  const init = await cli([
    "init",
    "--pack",
    "township-2018",
    "--township",
    "甲镇",
    "--date",
    "2018-12-31",
    "--year",
    "2018",
    "-o",
    blank,
  ]);
  expect(init.code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  const put = (sheetName: string, records: Record<string, ExcelJS.CellValue>[]) => {
    const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
    records.forEach((record, i) => {
      for (const [header, value] of Object.entries(record))
        sheet.getCell(3 + i, headerColumn(sheet, 2, header)).value = value;
    });
  };
  const pack = findPack("township-2018")!;
  const ledgerSheet = (id: string) => pack.ledgers.find((l) => l.id === id)!.sheet;
  const header = (ledger: string, column: string) =>
    pack.ledgers.find((l) => l.id === ledger)!.columns.find((c) => c.id === column)!.header.zh;
  put(ledgerSheet("normativeDocs"), [
    {
      [header("normativeDocs", "docNumber")]: "甲政发〔2015〕1号",
      [header("normativeDocs", "title")]: "村规民约指导意见",
      [header("normativeDocs", "docType")]: "正式",
      [header("normativeDocs", "issueDate")]: utc(2015, 3, 1),
    },
    {
      [header("normativeDocs", "docNumber")]: "甲政发〔2014〕9号",
      [header("normativeDocs", "title")]: "临时管理办法",
      [header("normativeDocs", "docType")]: "暂行",
      [header("normativeDocs", "issueDate")]: utc(2014, 6, 1),
    },
  ]);
  put(ledgerSheet("enforcementStaff"), [
    { [header("enforcementStaff", "name")]: "王五", [header("enforcementStaff", "certified")]: "是" },
    { [header("enforcementStaff", "name")]: "赵六", [header("enforcementStaff", "certified")]: "否" },
  ]);
  put(ledgerSheet("litigation"), [
    {
      [header("litigation", "caseName")]: "张某诉甲镇政府",
      [header("litigation", "receivedDate")]: utc(2018, 9, 1),
    },
    {
      [header("litigation", "caseName")]: "李某复议",
      [header("litigation", "receivedDate")]: utc(2018, 2, 1),
      [header("litigation", "result")]: "维持",
    },
  ]);
  put(ledgerSheet("trainings"), [
    {
      [header("trainings", "topic")]: "宪法宣传周",
      [header("trainings", "date")]: utc(2018, 12, 4),
      [header("trainings", "attendees")]: 30,
    },
  ]);
  const item = pack.groups[0]!.items.find((i) => i.kind === "status")!;
  const group = workbook.getWorksheet(pack.groups[0]!.sheet) as ExcelJS.Worksheet;
  const row = itemRow(group, item.id);
  group.getCell(row, headerColumn(group, 2, "状态")).value = "完成";
  group.getCell(row, headerColumn(group, 2, "佐证材料")).value = "2018年会议纪要";
  group.getCell(row, headerColumn(group, 2, "责任人")).value = "张三";
  const file = tmp.path("2018.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("taizhang rollover (issue 16 item 4)", () => {
  let file2018 = "";
  beforeAll(async () => {
    file2018 = await filled2018();
  });

  it("starts 2019: carries what still matters, archives 2018's records on a protected 历年 sheet, loses nothing", async () => {
    const out = tmp.path("2019.xlsx");
    const run = await cli(["rollover", file2018, "--year", "2019", "-o", out]);
    expect(run.stderr).toMatch(/已生成 2019 年度工作簿/);
    expect(run.code).toBe(0);

    const before = await assessWorkbookBytes(readFileSync(file2018));
    const after = await assessWorkbookBytes(readFileSync(out));
    expect(after.assessment.assessmentYear).toBe(2019);
    const names = (key: string, column: string, read: typeof before) =>
      (read.snapshot.tables[key]?.rows ?? [])
        .map((r) => r.cells[column])
        .filter((v) => v !== null && v !== "");
    expect(names("ledger:normativeDocs", "title", after)).toEqual(["村规民约指导意见"]);
    expect(names("ledger:enforcementStaff", "name", after)).toEqual(["王五", "赵六"]);
    expect(names("ledger:litigation", "caseName", after)).toEqual(["张某诉甲镇政府"]);
    expect(names("ledger:trainings", "topic", after)).toEqual([]);

    const archive = after.workbook.getWorksheet("历年") as ExcelJS.Worksheet;
    expect(archive).toBeDefined();
    // Read back without the app's reader options, so the sheet's protection element is parsed.
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const protectedSheet = plain.getWorksheet("历年") as unknown as { sheetProtection?: { sheet?: boolean } };
    expect(protectedSheet.sheetProtection?.sheet).toBe(true);
    const archived: string[] = [];
    archive.eachRow((r) => r.eachCell((c) => void archived.push(String(c.value))));
    const text = archived.join("\n");
    expect(text).toMatch(/2018 年度存档/);
    for (const gone of ["临时管理办法", "李某复议", "宪法宣传周", "2018年会议纪要"])
      expect(text).toContain(gone);

    // Every record of 2018 is in 2019, live or on 历年.
    for (const [key, table] of Object.entries(before.snapshot.tables)) {
      if (!key.startsWith("ledger:")) continue;
      for (const row of table.rows) {
        const first = Object.values(row.cells).find((v) => typeof v === "string" && v !== "") as
          string | undefined;
        if (!first) continue;
        const live = (after.snapshot.tables[key]?.rows ?? []).some((r) =>
          Object.values(r.cells).includes(first),
        );
        expect({ key, first, kept: live || text.includes(first) }).toEqual({ key, first, kept: true });
      }
    }

    // The status is reset, the owner kept, and last year's entry is a note on the 状态 cell.
    const pack = findPack("township-2018")!;
    const item = pack.groups[0]!.items.find((i) => i.kind === "status")!;
    const sheet = after.workbook.getWorksheet(pack.groups[0]!.sheet) as ExcelJS.Worksheet;
    const row = itemRow(sheet, item.id);
    const status = sheet.getCell(row, headerColumn(sheet, 2, "状态"));
    expect(status.value ?? null).toBeNull();
    expect(String(JSON.stringify(status.note))).toMatch(/上年度\(2018\)填报.*完成.*2018年会议纪要/);
    expect(sheet.getCell(row, headerColumn(sheet, 2, "责任人")).value).toBe("张三");
  });

  it("refuses an output that is the input, even with --force, and leaves it untouched", async () => {
    const bytes = readFileSync(file2018);
    const run = await cli(["rollover", file2018, "--year", "2019", "-o", file2018, "--force"]);
    expect(run.code).toBe(2);
    expect(readFileSync(file2018).equals(bytes)).toBe(true);
  });

  it("refuses a year that is not after the workbook's own", async () => {
    const run = await cli(["rollover", file2018, "--year", "2018", "-o", tmp.path("x.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/须为四位年份且晚于原工作簿的评估年度 2018/);
  });
});
