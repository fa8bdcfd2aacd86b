import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { cli, fillTownship, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

describe("packs", () => {
  it("lists both packs with item counts per group, as JSON", async () => {
    const run = await cli(["packs", "--json"]);
    const packs = JSON.parse(run.stdout) as { id: string; items: number; groups: { items: number }[] }[];
    expect(run.code).toBe(0);
    const township = packs.find((p) => p.id === "township-2018");
    expect(township?.items).toBe(29);
    expect(township?.groups.reduce((n, g) => n + g.items, 0)).toBe(29);
    expect(packs.map((p) => p.id)).toContain("model-unit");
  });
});

describe("help", () => {
  it.each([
    [{ LANG: "zh_CN.UTF-8" }, /用法:[\s\S]*命令:[\s\S]*consolidate[\s\S]*退出码/],
    [{ LANG: "en_US.UTF-8" }, /Usage:[\s\S]*Commands:[\s\S]*consolidate[\s\S]*Exit codes/],
  ])("is in the user's language (%o)", async (env, pattern) => {
    const run = await cli(["--help"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(pattern);
  });

  it("rejects an unknown option with exit 2 and a hint", async () => {
    const run = await cli(["check", "--nope"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/taizhang --help/);
  });
});

describe("init", () => {
  it("refuses to overwrite without --force, and overwrites with it", async () => {
    const out = tmp.path("init.xlsx");
    writeFileSync(out, "keep me");
    const refused = await cli(["init", "--pack", "township-2018", "--township", "甲镇", "-o", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const forced = await cli(["init", "--pack", "township-2018", "--township", "甲镇", "-o", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it.each([
    [["--pack", "no-such-pack", "--township", "甲镇"], /没有名为 no-such-pack 的模板/],
    // issue 12: a well-formed day the month lacks is named as such, not sent back to the format.
    [
      ["--pack", "township-2018", "--township", "甲镇", "--date", "2019-02-30"],
      /2019-02-30 不是有效日期:该月没有这一天/,
    ],
    [["--pack", "township-2018", "--township", "甲镇", "--date", "2018/12/31"], /请用 YYYY-MM-DD 格式/],
    [["--pack", "township-2018", "--township", "  "], /乡镇名称不能为空/],
  ])("rejects bad arguments %j with exit 2 and writes nothing", async (args, message) => {
    const out = tmp.path("bad-init.xlsx");
    const run = await cli(["init", ...args, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("leaves no temporary file behind", async () => {
    const dir = tmp.path("clean");
    mkdirSync(dir);
    await cli(["init", "--pack", "model-unit", "--township", "乙镇", "-o", `${dir}/a.xlsx`]);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });
});

describe("report and consolidate", () => {
  const dir = tmp.path("batch");
  beforeAll(async () => {
    mkdirSync(dir);
    const make = async (name: string, township: string) => {
      await cli([
        "init",
        "--pack",
        "township-2018",
        "--township",
        township,
        "--date",
        "2018-12-31",
        "-o",
        `${dir}/${name}`,
      ]);
    };
    await make("a.xlsx", "甲镇");
    await make("b-blank.xlsx", "<script>alert(1)</script>镇");
    await fillTownship(`${dir}/a.xlsx`, `${dir}/c-filled.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${dir}/c-filled.xlsx`);
    (wb.getWorksheet("基本信息") as ExcelJS.Worksheet).getCell("B3").value = "丙镇";
    await wb.xlsx.writeFile(`${dir}/c-filled.xlsx`);
    writeFileSync(`${dir}/d-broken.xlsx`, "not a workbook");
  }, 60_000);

  it("writes a self-contained report with an SVG chart and every text escaped", async () => {
    const out = tmp.path("report.html");
    const run = await cli(["report", `${dir}/b-blank.xlsx`, "-o", out]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<svg");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;镇");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain("差距清单");
  });

  it("consolidates a folder, skipping the broken file and saying why", async () => {
    const out = tmp.path("summary.xlsx");
    const html = tmp.path("summary.html");
    const run = await cli(["consolidate", dir, "-o", out, "--html", html]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/跳过 .*d-broken\.xlsx:这不是 Excel 工作簿/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const matrix = wb.getWorksheet("汇总排名") as ExcelJS.Worksheet;
    expect(matrix.getCell("A3").value).toBe(1);
    expect(matrix.getCell("B3").value).toBe("丙镇");
    expect([matrix.getCell("B4").value, matrix.getCell("B5").value]).toEqual(
      expect.arrayContaining(["甲镇", "<script>alert(1)</script>镇"]),
    );
    const missed = wb.getWorksheet("常见差距") as ExcelJS.Worksheet;
    expect(missed.getCell("E3").value).toBe(3);
    const notes = wb.getWorksheet("说明") as ExcelJS.Worksheet;
    expect(String(notes.getCell("A2").value)).toMatch(/d-broken\.xlsx/);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("丙镇");
    expect(page).not.toMatch(/<script/i);
  });

  it("exits 2 and writes nothing when no file is usable", async () => {
    const out = tmp.path("none.xlsx");
    const run = await cli(["consolidate", `${dir}/d-broken.xlsx`, "-o", out]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("never writes over one of its inputs", async () => {
    const before = readFileSync(`${dir}/a.xlsx`);
    const run = await cli(["consolidate", dir, "-o", `${dir}/a.xlsx`, "--force"]);
    expect(run.code).toBe(2);
    expect(readFileSync(`${dir}/a.xlsx`).equals(before)).toBe(true);
  });
});
