// guard: `taizhang check` of a ~1 MB workbook whose one worksheet inflates to ~280 MB of cell XML
// (issue 13 item 6), once with honest zip headers and once with headers claiming 1 MB, and of the
// largest honest workbook the limits accept. Each check runs in its own process (peak RSS is per
// process); figures are that process's peak resident memory. Budget: under 500 MB each.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTemplate, saveXlsx } from "../src/xlsx";
import { findPack } from "../src/core/pack/builtin";
import { hugeSheet, readZip, textGridSheet, writeZip, type ZipEntry } from "../tests/corpus/zip";

const MB = 1024 * 1024;

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(process.argv[3] ?? "");
  const dir = mkdtempSync(join(tmpdir(), "taizhang-guard-bench-"));
  try {
    const pack = findPack("township-2018");
    if (!pack) throw new Error("township-2018 pack missing");
    const base = readZip(await saveXlsx(buildTemplate(pack, { township: "甲镇" })));
    const huge = hugeSheet(280 * MB, 20);
    const withSheet = (entry: ZipEntry): ZipEntry[] =>
      base.map((e) => (e.name === "xl/worksheets/sheet3.xml" ? entry : e));
    const name = "xl/worksheets/sheet3.xml";
    const cases: [string, Buffer][] = [
      ["bomb", writeZip(withSheet({ name, data: new Uint8Array(0), ...huge }))],
      ["bomb_lying", writeZip(withSheet({ name, data: new Uint8Array(0), ...huge, claimSize: MB }))],
      // Just under both limits: 19,000 rows × 12 columns of long CJK text, ~98 MB of XML.
      ["largest_accepted", writeZip(withSheet({ name, data: textGridSheet(19_000, 12, 110) }))],
    ];
    const figures: Record<string, { mb: string; exit: string; rss: string }> = {};
    for (const [label, bytes] of cases) {
      const file = join(dir, `${label}.xlsx`);
      writeFileSync(file, bytes);
      const run = spawnSync(process.execPath, ["--import", "tsx", __filename, "--child", file], {
        encoding: "utf8",
      });
      const rss = /peak_rss_mb=(\d+)/.exec(run.stdout)?.[1] ?? "?";
      const exit = /exit=(\d+)/.exec(run.stdout)?.[1] ?? "?";
      const size = (statSync(file).size / MB).toFixed(2);
      figures[label] = { mb: size, exit, rss };
    }
    const f = (label: string) => figures[label] ?? { mb: "?", exit: "?", rss: "?" };
    console.log(
      `check peak_rss_mb=${f("bomb").rss} (file_mb=${f("bomb").mb} inflating to 280 MB of sheet XML, exit ${f("bomb").exit}; ` +
        `lying headers peak_rss_mb=${f("bomb_lying").rss} exit ${f("bomb_lying").exit}; ` +
        `largest accepted peak_rss_mb=${f("largest_accepted").rss} exit ${f("largest_accepted").exit}; budget 500)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(file: string): Promise<void> {
  const { run } = await import("../src/cli/main");
  const io = { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {}, cwd: process.cwd() };
  const code = await run(["check", file], io);
  readFileSync(file); // the input is still there and readable
  console.log(`exit=${code} peak_rss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}`);
}

void main();
