import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, renameSync } from "node:fs";
import * as ExcelJS from "exceljs";
import type { CheckJson } from "../../src/cli/checkJson";
import { cli, fillTownship, tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.remove());

let filledJson: CheckJson;
let filledRun: { code: number; stdout: string };

beforeAll(async () => {
  const blank = tmp.path("blank.xlsx");
  const init = await cli([
    "init",
    "--pack",
    "township-2018",
    "--township",
    "宣和镇",
    "--date",
    "2018-12-31",
    "-o",
    blank,
  ]);
  expect(init.code).toBe(0);
  await fillTownship(blank, tmp.path("filled.xlsx"));
  filledRun = await cli(["check", tmp.path("filled.xlsx"), "--json"]);
  filledJson = JSON.parse(filledRun.stdout) as CheckJson;
}, 60_000);

describe("init → fill with ExcelJS → check", () => {
  it("reads the township and date given to init", () => {
    expect(filledJson).toMatchObject({
      pack: "township-2018",
      township: "宣和镇",
      assessmentDate: "2018-12-31",
    });
  });

  it("finds 完成 without evidence on the row that was filled that way", () => {
    const evidence = filledJson.findings.filter((f) => f.code === "evidence.missing");
    expect(evidence.map((f) => f.itemId)).toEqual(["T2.1.3"]);
    expect(evidence[0]?.sheet).toBe("二(一)依法决策");
    expect(evidence[0]?.cell).toMatch(/^G\d+$/);
    expect(evidence[0]?.message).toContain("佐证");
  });

  it("finds the decision whose legality review came after the discussion", () => {
    const order = filledJson.findings.filter((f) => f.code === "dateOrder.violated");
    expect(order.length).toBeGreaterThan(0);
    expect(order.every((f) => f.sheet === "重大行政决策台账")).toBe(true);
  });

  it("says each problem once, with every item it costs and its cell (issue 12)", () => {
    const seen = filledJson.findings.map((f) => `${f.sheet}!${f.cell ?? ""}|${f.code}|${f.message}`);
    expect(new Set(seen).size).toBe(seen.length);
    const order = filledJson.findings.find((f) => f.code === "dateOrder.violated");
    expect(order?.items).toContain("T2.1.6");
    expect(order?.cell).toMatch(/^[A-Z]+\d+$/);
    expect(filledJson.findings.filter((f) => f.itemId !== null && f.items[0] !== f.itemId)).toEqual([]);
  });

  it("scores the fully done item and leaves the rest in the gap list", () => {
    const gapIds = filledJson.gaps.map((g) => g.itemId);
    expect(gapIds).not.toContain("T2.1.2");
    expect(gapIds).toContain("T2.1.3");
    expect(gapIds).toContain("T2.1.4");
    expect(filledJson.score).toBeGreaterThan(0);
  });

  it("accepts the report date typed as 2018年3月20日 (no date finding on it)", () => {
    expect(filledJson.findings.filter((f) => f.cell === "B9" || f.itemId === "T3.4")).toEqual([]);
    expect(filledJson.gaps.map((g) => g.itemId)).not.toContain("T3.4");
  });

  it("exits 1 because there are error findings, and prints the documented keys", () => {
    expect(filledRun.code).toBe(1);
    expect(Object.keys(filledJson)).toEqual(
      expect.arrayContaining([
        "pack",
        "version",
        "township",
        "assessmentDate",
        "score",
        "band",
        "eligible",
        "vetoes",
        "groups",
        "findings",
        "gaps",
      ]),
    );
    for (const f of filledJson.findings) {
      expect(Object.keys(f).sort()).toEqual([
        "cell",
        "code",
        "itemId",
        "items",
        "message",
        "severity",
        "sheet",
      ]);
    }
    for (const g of filledJson.gaps) {
      expect(Object.keys(g)).toEqual(
        expect.arrayContaining(["itemId", "clause", "title", "pointsLost", "owner", "due"]),
      );
    }
  });

  it("never modifies the input", async () => {
    const before = readFileSync(tmp.path("filled.xlsx"));
    await cli(["check", tmp.path("filled.xlsx")]);
    await cli(["report", tmp.path("filled.xlsx"), "-o", tmp.path("r.html")]);
    expect(readFileSync(tmp.path("filled.xlsx")).equals(before)).toBe(true);
  });
});

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const haveSoffice = soffice.status === 0;
if (!haveSoffice) {
  // Loud on purpose: the LibreOffice round trip is the independent-program check (design.md §7).
  console.warn(
    "\n!!! LibreOffice (soffice) not found: SKIPPING the LibreOffice round-trip test.\n" +
      "!!! Install Debian packages libreoffice-calc (and python3-uno) to run it.\n",
  );
}
const withSoffice = haveSoffice ? describe : describe.skip;

withSoffice("init → fill → LibreOffice re-save → check", () => {
  let roundTrip: CheckJson;
  let renamedTrip: CheckJson;

  beforeAll(async () => {
    // One conversion of two files: as filled, and with a group sheet renamed plus an extra sheet.
    const src = tmp.path("lo-in");
    execFileSync("mkdir", ["-p", src]);
    copyFileSync(tmp.path("filled.xlsx"), `${src}/plain.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(tmp.path("filled.xlsx"));
    (workbook.getWorksheet("二(一)依法决策") as ExcelJS.Worksheet).name = "决策(改名)";
    workbook.addWorksheet("我的备注").getCell("A1").value = "乡镇自己加的表";
    await workbook.xlsx.writeFile(`${src}/renamed.xlsx`);
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${tmp.path("lo-profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        tmp.path("lo-out"),
        `${src}/plain.xlsx`,
        `${src}/renamed.xlsx`,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    renameSync(tmp.path("lo-out/plain.xlsx"), tmp.path("lo-plain.xlsx"));
    roundTrip = JSON.parse((await cli(["check", tmp.path("lo-plain.xlsx"), "--json"])).stdout) as CheckJson;
    renamedTrip = JSON.parse(
      (await cli(["check", tmp.path("lo-out/renamed.xlsx"), "--json"])).stdout,
    ) as CheckJson;
  }, 180_000);

  it("gives the same result after LibreOffice re-saved the file", () => {
    expect(roundTrip).toEqual(filledJson);
  });

  it("finds the tables of a renamed sheet through the metadata, with the same score and gaps", () => {
    const withoutSheets = (j: CheckJson) => ({
      ...j,
      findings: j.findings.map((f) => ({ ...f, sheet: "" })),
    });
    expect(withoutSheets(renamedTrip)).toEqual(withoutSheets(filledJson));
    expect(renamedTrip.findings.find((f) => f.code === "evidence.missing")?.sheet).toBe("决策(改名)");
  });

  it("left the LibreOffice output readable as a real file", () => {
    expect(existsSync(tmp.path("lo-plain.xlsx"))).toBe(true);
  });
});
