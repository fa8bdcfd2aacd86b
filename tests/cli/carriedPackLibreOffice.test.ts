import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { findPack, type Pack } from "../../src/core/pack";
import { assessWorkbookBytes, templateBytes } from "../../src/xlsx";
import { cli, tempDir } from "./helpers";

jest.setTimeout(300_000);
const tmp = tempDir();
afterAll(() => tmp.remove());

const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
if (!haveSoffice) {
  // Loud on purpose: LibreOffice is the independent program (design.md §7).
  console.warn("\n!!! LibreOffice (soffice) not found: SKIPPING the carried-pack round trip.\n");
}
const withSoffice = haveSoffice ? describe : describe.skip;

// A township may open and re-save its workbook in LibreOffice: the carried pack (a ~24,000-character
// cell) must come back byte for byte, or its hash check would refuse the file.
withSoffice("carried template and rollover after a LibreOffice re-save", () => {
  it("still checks a workbook of a template that is not built in, and keeps next year's 历年 sheet", async () => {
    const county = structuredClone(findPack("model-unit") as Pack);
    county.id = "county-2019";
    const src = tmp.path("in");
    mkdirSync(src);
    writeFileSync(
      `${src}/county.xlsx`,
      await templateBytes(county, { township: "甲镇", assessmentDate: "2018-12-31" }),
    );
    const made = await cli([
      "init",
      "--pack",
      "township-2018",
      "--township",
      "乙镇",
      "--date",
      "2018-12-31",
      "-o",
      tmp.path("2018.xlsx"),
    ]);
    expect(made.code).toBe(0);
    const rolled = await cli(["rollover", tmp.path("2018.xlsx"), "--year", "2019", "-o", `${src}/2019.xlsx`]);
    expect(rolled.code).toBe(0);
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${tmp.path("lo-profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        tmp.path("out"),
        `${src}/county.xlsx`,
        `${src}/2019.xlsx`,
      ],
      { stdio: "ignore", timeout: 240_000 },
    );
    const county2 = await assessWorkbookBytes(readFileSync(tmp.path("out/county.xlsx")));
    expect(county2.pack.id).toBe("county-2019");
    expect(county2.carried).toEqual({ state: "same" });
    const next = await assessWorkbookBytes(readFileSync(tmp.path("out/2019.xlsx")));
    expect(next.assessment.assessmentYear).toBe(2019);
    expect(next.carried).toEqual({ state: "same" });
    expect(next.workbook.getWorksheet("历年")).toBeDefined();
  });
});
