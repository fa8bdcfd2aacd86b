import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(__dirname, "..", "..");
export const BIN = resolve(ROOT, "bin", "taizhang.js");

/** Rebuilds dist-cli/ from the current sources, as `npm ci` does, so a test never spawns a stale
 * build (bin/taizhang.js would also warn on stderr if one source were newer). */
export function buildCompiledCli(): void {
  const build = spawnSync(process.execPath, [resolve(ROOT, "scripts", "build-cli.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`CLI build failed (exit ${build.status}): ${build.stderr}`);
}

/** Runs the compiled `taizhang` in a child process, as a user's shell would (stdio piped). */
export function compiledCli(
  args: readonly string[],
  options: { cwd?: string; bin?: string; nodeArgs?: readonly string[] } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: "zh_CN.UTF-8" },
  });
}
