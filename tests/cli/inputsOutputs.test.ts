import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { findPack } from "../../src/core/pack/builtin";
import { buildTemplate, saveXlsx } from "../../src/xlsx";
import { hugeSheet, readZip, writeZip } from "../corpus/zip";
import { cli, fillTownship, tempDir } from "./helpers";

// Issue 13, items 1, 2, 5, 6, 11 and 12: outputs never clobber inputs, inputs that are not
// regular files are refused without reading, folders list what they skip.
const tmp = tempDir();
afterAll(() => tmp.remove());

let filled: Buffer;
beforeAll(async () => {
  expect(
    (await cli(["init", "--pack", "township-2018", "--township", "甲镇", "-o", tmp.path("blank.xlsx")])).code,
  ).toBe(0);
  await fillTownship(tmp.path("blank.xlsx"), tmp.path("in.xlsx"));
  filled = readFileSync(tmp.path("in.xlsx"));
}, 60_000);

describe("item 1: an output that is an input under another name is refused", () => {
  it("report link.xlsx -o in.xlsx --force keeps the filled workbook (symlink to the output)", async () => {
    symlinkSync(tmp.path("in.xlsx"), tmp.path("link.xlsx"));
    const run = await cli(["report", tmp.path("link.xlsx"), "-o", tmp.path("in.xlsx"), "--force"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/与输入文件相同/);
    expect(readFileSync(tmp.path("in.xlsx")).equals(filled)).toBe(true);
  });

  it("report in.xlsx -o link.xlsx --force is refused too (the output is a link to the input)", async () => {
    const run = await cli(["report", tmp.path("in.xlsx"), "-o", tmp.path("link.xlsx"), "--force"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/与输入文件相同/);
    expect(readFileSync(tmp.path("in.xlsx")).equals(filled)).toBe(true);
  });

  it("a hard link to the input as output is refused (same device and inode)", async () => {
    linkSync(tmp.path("in.xlsx"), tmp.path("hard.xlsx"));
    const run = await cli(["report", tmp.path("in.xlsx"), "-o", tmp.path("hard.xlsx"), "--force"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/与输入文件相同/);
  });

  it("an output reached through a symlinked folder is the same file", async () => {
    symlinkSync(tmp.dir, tmp.path("again"));
    const run = await cli([
      "report",
      tmp.path("in.xlsx"),
      "-o",
      join(tmp.path("again"), "in.xlsx"),
      "--force",
    ]);
    expect(run.code).toBe(2);
    expect(readFileSync(tmp.path("in.xlsx")).equals(filled)).toBe(true);
  });
});

describe("item 2: consolidate -o X --html X", () => {
  it("is refused before anything is written, with or without --force", async () => {
    const out = tmp.path("x.out");
    for (const force of [[], ["--force"]]) {
      const run = await cli(["consolidate", tmp.path("in.xlsx"), "-o", out, "--html", out, ...force]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/是同一个文件/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("says so in English too", async () => {
    const out = tmp.path("x2.out");
    const run = await cli(["consolidate", tmp.path("in.xlsx"), "-o", out, "--html", out], {
      LANG: "en_US.UTF-8",
    });
    expect(run.stderr).toMatch(/same file as/);
  });
});

describe("item 11: inputs that are not readable regular files", () => {
  it("a FIFO is refused at once, never opened for a blocking read", async () => {
    spawnSync("mkfifo", [tmp.path("pipe.xlsx")]);
    const run = await cli(["check", tmp.path("pipe.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/不是普通文件/);
  });

  it("/dev/zero is refused at once", async () => {
    const run = await cli(["check", "/dev/zero"], { LANG: "en_US.UTF-8" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a regular file/);
  });

  it("a folder is refused as a folder", async () => {
    const run = await cli(["check", tmp.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/是文件夹/);
  });
});

describe("item 12: consolidate DIR lists what it skips", () => {
  const dir = () => tmp.path("folder");
  beforeAll(() => {
    mkdirSync(dir());
    mkdirSync(tmp.path("elsewhere"));
    copyFileSync(tmp.path("in.xlsx"), join(dir(), "a.xlsx"));
    copyFileSync(tmp.path("in.xlsx"), tmp.path("elsewhere/b.xlsx"));
    symlinkSync(tmp.path("elsewhere/b.xlsx"), join(dir(), "b-link.xlsx"));
    symlinkSync(join(dir(), "a.xlsx"), join(dir(), "a-again.xlsx"));
    symlinkSync(tmp.path("nowhere.xlsx"), join(dir(), "broken.xlsx"));
    writeFileSync(join(dir(), "old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  });

  it("follows a link to a file outside, reads a file linked twice once, lists .xls and broken links", async () => {
    const run = await cli(["consolidate", dir(), "-o", tmp.path("sum-outside.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/已汇总 2 个工作簿/);
    expect(run.stderr).toMatch(
      /跳过 .*a\.xlsx:与 .*a-again\.xlsx 是同一个文件|跳过 .*a-again\.xlsx:与 .*a\.xlsx 是同一个文件/,
    );
    expect(run.stderr).toMatch(/跳过 .*broken\.xlsx:不是普通文件/);
    expect(run.stderr).toMatch(/跳过 .*old\.xls:.*另存为 \.xlsx/);
  });

  it("a re-run with -o DIR/sum.xlsx --force skips the summary it wrote, by its metadata", async () => {
    const sum = join(dir(), "sum.xlsx");
    expect((await cli(["consolidate", dir(), "-o", sum])).code).toBe(0);
    const again = await cli(["consolidate", dir(), "-o", sum, "--force"]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/跳过 .*sum\.xlsx:这是台账生成的汇总工作簿/);
    expect(again.stderr).toMatch(/已汇总 2 个工作簿/);
    // Renamed, it is still recognised: by what it is, not by its name.
    copyFileSync(sum, join(dir(), "renamed.xlsx"));
    const third = await cli(["consolidate", dir(), "-o", sum, "--force"]);
    expect(third.stderr).toMatch(/跳过 .*renamed\.xlsx:这是台账生成的汇总工作簿/);
  });

  it("a township workbook as the output is still refused: it is an input", async () => {
    const run = await cli(["consolidate", dir(), "-o", join(dir(), "a.xlsx"), "--force"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/与输入文件相同/);
  });
});

describe("item 6: a file over the limits is skipped, the rest summarised", () => {
  it("consolidate of two good files and a 280 MB-inflating one writes the summary", async () => {
    const pack = findPack("township-2018");
    if (!pack) throw new Error("pack missing");
    const base = readZip(await saveXlsx(buildTemplate(pack, { township: "乙镇" })));
    const huge = hugeSheet(280 * 1024 * 1024, 20);
    const name = "xl/worksheets/sheet3.xml";
    const bomb = base.map((e) =>
      e.name === name ? { name, data: new Uint8Array(0), ...huge, claimSize: 1024 } : e,
    );
    const dir = tmp.path("limits");
    mkdirSync(dir);
    copyFileSync(tmp.path("in.xlsx"), join(dir, "a.xlsx"));
    copyFileSync(tmp.path("blank.xlsx"), join(dir, "b.xlsx"));
    writeFileSync(join(dir, "bomb.xlsx"), writeZip(bomb));
    const run = await cli(["consolidate", dir, "-o", tmp.path("limits-sum.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/跳过 .*bomb\.xlsx:.*(异常庞大|单元格超过)/);
    expect(run.stderr).toMatch(/已汇总 2 个工作簿.跳过 1 个/);
    expect(existsSync(tmp.path("limits-sum.xlsx"))).toBe(true);
  }, 60_000);
});

describe("item 5: temp files of killed runs", () => {
  it("a temp file left by a dead process is removed by the next write in that folder", async () => {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const stale = tmp.path(`.sum5.xlsx.${dead.stdout}-0.taizhang.tmp`);
    const oldStyle = tmp.path(`.sum5.xlsx.${dead.stdout}.0a1b2c3d.tmp`);
    writeFileSync(stale, "half a workbook");
    writeFileSync(oldStyle, "half a workbook");
    const run = await cli(["consolidate", tmp.path("in.xlsx"), "-o", tmp.path("sum5.xlsx")]);
    expect(run.code).toBe(0);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
