import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

/** The browser tests run against the production build, built once per run. */
export default function globalSetup(): void {
  if (process.env.TAIZHANG_SKIP_BUILD === "1") return;
  const root = resolve(__dirname, "..", "..");
  const started = Date.now();
  const build = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (build.status !== 0) throw new Error(`webpack production build failed (exit ${build.status})`);
  console.log(`\nbuild: production bundle in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
