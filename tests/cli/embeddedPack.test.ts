import { readFileSync, writeFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { embedPack, findPack, type Pack } from "../../src/core/pack";
import { templateBytes } from "../../src/xlsx";
import { cli, fillTownship, tempDir } from "./helpers";

jest.setTimeout(120_000);
const tmp = tempDir();
afterAll(() => tmp.remove());

const shipped = (): Pack => structuredClone(findPack("township-2018")!);

/** Replaces the pack a workbook carries, as a township editing the hidden sheet would. */
async function replaceCarriedPack(file: string, carried: { hash: string; chunks: readonly string[] }) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("_taizhang") as ExcelJS.Worksheet;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = [1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ""));
    if (values[0] !== "packhash" && values[0] !== "packdata") rows.push(values);
  });
  rows.push(["packhash", "sha256", carried.hash, ""]);
  carried.chunks.forEach((chunk, i) => rows.push(["packdata", String(i + 1), chunk, ""]));
  for (let r = 1; r <= Math.max(rows.length, sheet.rowCount); r++)
    for (let c = 1; c <= 4; c++) sheet.getCell(r, c).value = rows[r - 1]?.[c - 1] || null;
  await workbook.xlsx.writeFile(file);
}

describe("workbooks carry their template (issue 16 item 3)", () => {
  it("checks a workbook whose template is not built in with the copy it carries", async () => {
    const county = shipped();
    county.id = "county-2019";
    county.version = "1.0.0";
    county.title = { zh: "某县2019年度考核细则", en: "A county's 2019 table" };
    const file = tmp.path("county.xlsx");
    writeFileSync(file, await templateBytes(county, { township: "甲镇" }));
    const run = await cli(["check", file, "--json"]);
    expect(run.stderr).not.toMatch(/不在本版台账中/);
    const result = JSON.parse(run.stdout) as { pack?: { id: string } };
    expect(JSON.stringify(result)).toContain("county-2019");
  });

  it("refuses, with a clear message, a foreign template whose carried copy fails its hash", async () => {
    const county = shipped();
    county.id = "county-2019";
    const file = tmp.path("county-bad.xlsx");
    writeFileSync(file, await templateBytes(county, { township: "甲镇" }));
    const changed = structuredClone(county);
    changed.groups[0]!.items[0]!.points += 1;
    await replaceCarriedPack(file, { hash: embedPack(county).hash, chunks: embedPack(changed).chunks });
    const run = await cli(["check", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/自带的模板副本已损坏或被改动/);
  });

  it("flags a township whose carried template was changed (模板与下发版本不一致) and scores it with the coordinator's copy", async () => {
    const blank = tmp.path("blank.xlsx");
    writeFileSync(blank, await templateBytes(shipped(), { township: "乙镇", assessmentDate: "2018-12-31" }));
    const honest = tmp.path("honest.xlsx");
    const tampered = tmp.path("tampered.xlsx");
    const damaged = tmp.path("damaged.xlsx");
    await fillTownship(blank, honest);
    await fillTownship(blank, tampered);
    await fillTownship(blank, damaged);
    const changed = shipped();
    const item = changed.groups[0]!.items[0]!;
    const second = changed.groups[0]!.items[1]!;
    item.points += 3;
    second.points -= 3;
    changed.assessment.bands[0]!.min = 85;
    // Re-hashed, as a township with its own edited template would: a valid but different pack.
    await replaceCarriedPack(tampered, embedPack(changed));
    await replaceCarriedPack(damaged, { hash: embedPack(shipped()).hash, chunks: embedPack(changed).chunks });

    const scoreOf = async (file: string) => {
      const run = await cli(["check", file, "--json"]);
      return (JSON.parse(run.stdout) as { score: number }).score;
    };
    const out = tmp.path("sum.xlsx");
    const html = tmp.path("sum.html");
    const run = await cli(["consolidate", honest, tampered, damaged, "-o", out, "--html", html]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/tampered\.xlsx:模板与下发版本不一致/);
    expect(run.stderr).toContain(`${item.id} 分值:下发 ${item.points - 3},工作簿 ${item.points}`);
    expect(run.stderr).toContain(`${second.id} 分值:下发 ${second.points + 3},工作簿 ${second.points}`);
    expect(run.stderr).toMatch(/等次分数线:下发 .*≥90.*工作簿 .*≥85/);
    expect(run.stderr).toMatch(/damaged\.xlsx:工作簿自带的模板副本校验值不符/);
    expect(run.stderr).not.toMatch(/honest\.xlsx:模板/);
    const checkDamaged = await cli(["check", damaged]);
    expect(checkDamaged.stderr).toMatch(/自带的模板副本校验值不符.*已按本版台账内置的同一模板检查/);
    expect(checkDamaged.code).not.toBe(2);
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/tampered\.xlsx:模板与下发版本不一致\(3 处/);
    // Scored with the coordinator's copy: the same entries give the same score as the honest file.
    expect(await scoreOf(tampered)).toBe(await scoreOf(honest));
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(out);
    const text: string[] = [];
    summary.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void text.push(String(c.value)))));
    expect(text.join("\n")).toMatch(/模板与下发版本不一致/);
  });
});
