import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { cli, tempDir } from "./helpers";

// Issue 11: a settings file round-trips through init → check → consolidate.
const tmp = tempDir();
afterAll(() => tmp.remove());

/** `taizhang init` for township-2018, a township and an assessment date; more options follow. */
const initArgs = (township: string, date: string): string[] => [
  "init",
  "--pack",
  "township-2018",
  "--township",
  township,
  "--date",
  date,
];

const settingsFile = (name: string, data: unknown): string => {
  const path = tmp.path(name);
  writeFileSync(path, JSON.stringify(data));
  return path;
};

// T2.1.2 3 → 2 and T2.1.4 1.5 → 2.5: still 100 in all.
const moved = {
  pack: "township-2018",
  name: { zh: "沙坡头区2019年度考核细则", en: "Shapotou 2019 rules" },
  items: { "T2.1.2": { points: 2 }, "T2.1.4": { points: 2.5 } },
};

interface Json {
  settings: { hash: string; name: string | null } | null;
  items: { id: string; points: number }[];
  total: { points: number };
}

describe("settings files", () => {
  it("init records them, and check scores with them without being told again", async () => {
    const path = settingsFile("moved.json", moved);
    const out = tmp.path("with-settings.xlsx");
    const init = await cli([...initArgs("宣和镇", "2018-12-31"), "--settings", path, "-o", out]);
    expect(init.code).toBe(0);
    const check = await cli(["check", out, "--json"]);
    const json = JSON.parse(check.stdout) as Json;
    expect(json.settings).toEqual({
      hash: expect.stringMatching(/^[0-9a-f]{8}$/),
      name: "沙坡头区2019年度考核细则",
    });
    const points = Object.fromEntries(json.items.map((i) => [i.id, i.points]));
    expect([points["T2.1.2"], points["T2.1.4"], json.total.points]).toEqual([2, 2.5, 100]);
  });

  it("consolidate warns when the files were made with different settings", async () => {
    const dir = tmp.path("batch");
    await cli([...initArgs("甲镇", "2018-12-31"), "-o", `${dir}-a.xlsx`]);
    await cli([
      ...initArgs("乙镇", "2018-12-31"),
      "--settings",
      settingsFile("m2.json", moved),
      "-o",
      `${dir}-b.xlsx`,
    ]);
    const run = await cli([
      "consolidate",
      `${dir}-a.xlsx`,
      `${dir}-b.xlsx`,
      "-o",
      tmp.path("sum.xlsx"),
      "--html",
      tmp.path("sum.html"),
    ]);
    expect(run.code).toBe(0);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(tmp.path("sum.html"), "utf8")).toContain("本地设置不同");
  });

  it.each([
    ["not JSON", "{ pack: ", /不是有效的 JSON/],
    [
      "points that do not add up",
      JSON.stringify({ pack: "township-2018", items: { "T2.1.2": { points: 9 } } }),
      /total: 各项分值合计 106 分,与总分 100 分不符/,
    ],
    [
      "an unknown item",
      JSON.stringify({ pack: "township-2018", items: { "T9.9": { points: 1 } } }),
      /items\.T9\.9: 模板中没有编号为 T9\.9 的事项/,
    ],
    ["an unknown pack", JSON.stringify({ pack: "county-x" }), /pack 字段应为内置模板的编号/],
  ])("a bad settings file (%s) exits 2, names the field and writes nothing", async (_name, text, message) => {
    const path = tmp.path(`bad-${readdirSync(tmp.dir).length}.json`);
    writeFileSync(path, text);
    const out = tmp.path(`never-${readdirSync(tmp.dir).length}.xlsx`);
    const run = await cli([
      "init",
      "--pack",
      "township-2018",
      "--township",
      "宣和镇",
      "--settings",
      path,
      "-o",
      out,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it("init --year writes 评估年度, and refuses a year after the assessment date", async () => {
    const bad = await cli([...initArgs("宣和镇", "2019-01-15"), "--year", "2020", "-o", tmp.path("y.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/评估年度“2020”无效/);
    const out = tmp.path("y2.xlsx");
    expect((await cli([...initArgs("宣和镇", "2019-01-15"), "-o", out])).code).toBe(0);
    const json = JSON.parse((await cli(["check", out, "--json"])).stdout) as { assessmentYear: number };
    expect(json.assessmentYear).toBe(2018);
  });
});
