// Wall time of the compiled `taizhang` command as a user's shell runs it, medians over runs that
// alternate with a bare `node -e 0` so both see the same machine load. Prints
// `cli start_ms=… node_ms=… ratio_vs_node=…` (`--version`) and `cli check_ms=…` (`check` of one
// workbook made by `init`). Targets (issue 14): start ≤ 3× node, check ≤ 500 ms.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { BIN, buildCompiledCli } from "../tests/tooling/compiledCli";
import { median } from "./median";

const START_RUNS = 21;
const CHECK_RUNS = 11;

function wallMs(args: string[], okCodes: readonly number[] = [0]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const ms = performance.now() - start;
  if (!okCodes.includes(run.status ?? -1))
    throw new Error(`${args.join(" ")}: exit ${run.status} ${run.stderr}`);
  return ms;
}

buildCompiledCli();
const dir = mkdtempSync(join(tmpdir(), "taizhang-bench-"));
try {
  const workbook = join(dir, "宣和镇.xlsx");
  wallMs([
    BIN,
    "init",
    "--pack",
    "township-2018",
    "--township",
    "宣和镇",
    "--date",
    "2018-12-31",
    "-o",
    workbook,
  ]);

  const node: number[] = [];
  const cli: number[] = [];
  wallMs(["-e", "0"]); // warm the file cache for both
  wallMs([BIN, "--version"]);
  for (let i = 0; i < START_RUNS; i++) {
    node.push(wallMs(["-e", "0"]));
    cli.push(wallMs([BIN, "--version"]));
  }
  const startMs = median(cli);
  const nodeMs = median(node);
  console.log(
    `cli start_ms=${startMs.toFixed(0)} node_ms=${nodeMs.toFixed(0)} ratio_vs_node=${(startMs / nodeMs).toFixed(2)}`,
  );

  // A blank workbook has error findings, so check exits 1 by design.
  const check: number[] = [];
  for (let i = 0; i < CHECK_RUNS; i++) check.push(wallMs([BIN, "check", workbook], [0, 1]));
  console.log(
    `cli check_ms=${median(check).toFixed(0)} file_kb=${Math.round(statSync(workbook).size / 1024)} runs=${CHECK_RUNS}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
