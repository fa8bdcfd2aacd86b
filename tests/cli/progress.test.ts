import { spawnSync } from "node:child_process";
import { progressBar } from "../../src/cli/progress";
import type { CliIO } from "../../src/cli/io";
import { BIN, buildCompiledCli, compiledCli, ROOT } from "../tooling/compiledCli";
import { tempDir } from "./helpers";

function recordingIO(isTTY: boolean): CliIO & { err: string } {
  const io = {
    err: "",
    stdout: () => undefined,
    stderr: (text: string) => void (io.err += text),
    isTTY,
    env: {},
    cwd: ROOT,
  };
  return io;
}

describe("CLI progress (issue 14)", () => {
  it("draws one overwritten line per file on a terminal and clears it at the end", () => {
    const io = recordingIO(true);
    const bar = progressBar(io, 4);
    for (const name of ["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]) bar.tick(name);
    bar.done();
    const frames = io.err.split("\r").filter(Boolean);
    expect(
      frames.map((f) =>
        f
          .replace("\x1b[K", "")
          .match(/\] (\d+\/\d+) (.+)$/)
          ?.slice(1),
      ),
    ).toEqual([
      ["1/4", "a.xlsx"],
      ["2/4", "b.xlsx"],
      ["3/4", "c.xlsx"],
      ["4/4", "d.xlsx"],
      undefined, // the clearing frame
    ]);
    expect(io.err).not.toContain("\n");
    expect(io.err.endsWith("\r\x1b[K")).toBe(true);
  });

  it("keeps a long path to its last 40 characters", () => {
    const io = recordingIO(true);
    progressBar(io, 1).tick(`${"很长的文件夹/".repeat(10)}宣和镇.xlsx`);
    expect(io.err).toContain("…");
    expect(io.err).toContain("宣和镇.xlsx");
  });

  it("writes nothing when stderr is not a terminal", () => {
    const io = recordingIO(false);
    const bar = progressBar(io, 3);
    bar.tick("a.xlsx");
    bar.done();
    expect(io.err).toBe("");
  });

  describe("through the compiled command", () => {
    const tmp = tempDir();
    const out = tempDir();
    beforeAll(() => {
      buildCompiledCli();
      for (const name of ["甲镇", "乙镇"]) {
        const made = compiledCli([
          "init",
          "--pack",
          "township-2018",
          "--township",
          name,
          "-o",
          tmp.path(`${name}.xlsx`),
        ]);
        if (made.status !== 0) throw new Error(made.stderr);
      }
    }, 60_000);
    afterAll(() => {
      tmp.remove();
      out.remove();
    });

    it("stays quiet on a pipe: stderr has only the closing line", () => {
      const run = compiledCli(["consolidate", tmp.dir, "-o", out.path("pipe.xlsx")]);
      expect(run.status).toBe(0);
      expect(run.stderr).not.toContain("\r");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }, 30_000);

    // util-linux `script` gives the command a pseudo-terminal, as a coordinator's shell does.
    const script = spawnSync("script", ["--version"], { encoding: "utf8" });
    (script.status === 0 ? it : it.skip)(
      "shows per-file progress on a terminal",
      () => {
        const command = [process.execPath, BIN, "consolidate", tmp.dir, "-o", out.path("tty.xlsx")]
          .map((a) => `'${a}'`)
          .join(" ");
        const run = spawnSync("script", ["-qec", command, "/dev/null"], {
          encoding: "utf8",
          env: { ...process.env, LANG: "zh_CN.UTF-8" },
        });
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/\r\[#+-*\] 1\/2 [甲乙]镇\.xlsx/);
        expect(run.stdout).toMatch(/\r\[#{30}\] 2\/2 [甲乙]镇\.xlsx/);
        expect(run.stdout).toContain("已汇总 2 个工作簿");
      },
      30_000,
    );
  });
});
