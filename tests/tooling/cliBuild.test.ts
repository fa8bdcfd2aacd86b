import { cpSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import packageJson from "../../package.json";
import { cli, tempDir } from "../cli/helpers";
import { BIN, buildCompiledCli, compiledCli, ROOT } from "./compiledCli";

const RECORDER = resolve(__dirname, "support", "loadedModules.cjs");

function loadedModules(stderr: string): string[] {
  const line = stderr.split("\n").find((l) => l.startsWith("LOADED_MODULES "));
  if (!line) throw new Error(`no module list in stderr: ${stderr}`);
  return JSON.parse(line.slice("LOADED_MODULES ".length)) as string[];
}

/** bin/ and dist-cli/ copied to a scratch root, to break them without touching the checkout. */
function scratchInstall(dir: string): string {
  cpSync(resolve(ROOT, "bin"), join(dir, "bin"), { recursive: true });
  cpSync(resolve(ROOT, "dist-cli"), join(dir, "dist-cli"), { recursive: true });
  return join(dir, "bin", "taizhang.js");
}

describe("the compiled CLI (issue 14: it ships as JavaScript)", () => {
  const tmp = tempDir();
  beforeAll(buildCompiledCli, 60_000);
  afterAll(() => tmp.remove());

  it("answers --version from JavaScript alone: no tsx, no TypeScript source, no ExcelJS", () => {
    const run = compiledCli(["--version"], { nodeArgs: ["-r", RECORDER] });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
    const modules = loadedModules(run.stderr);
    expect(modules.some((m) => m.endsWith("dist-cli/taizhang.cjs"))).toBe(true);
    expect(modules.filter((m) => /\.tsx?$|[\\/]tsx[\\/]|exceljs/.test(m))).toEqual([]);
  });

  it("prints help without loading ExcelJS", () => {
    const run = compiledCli(["--help"], { nodeArgs: ["-r", RECORDER] });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("consolidate");
    expect(loadedModules(run.stderr).filter((m) => m.includes("exceljs"))).toEqual([]);
  });

  it("makes and checks a workbook exactly as the source CLI does", async () => {
    const file = tmp.path("宣和镇.xlsx");
    const init = compiledCli(["init", "--pack", "township-2018", "--township", "宣和镇", "-o", file]);
    expect(init.stderr).toContain(file);
    expect(init.status).toBe(0);
    const compiled = compiledCli(["check", file, "--json"]);
    const inProcess = await cli(["check", file, "--json"]);
    expect(compiled.status).toBe(inProcess.code);
    expect(compiled.stdout).toBe(inProcess.stdout);
    expect(compiled.stdout).toContain("宣和镇");
    // check reads with the streaming reader: parsing ExcelJS's 2.4 MB bundle was a third of its time.
    const recorded = compiledCli(["check", file, "--json"], { nodeArgs: ["-r", RECORDER] });
    expect(recorded.stdout).toBe(compiled.stdout);
    expect(loadedModules(recorded.stderr).filter((m) => m.includes("exceljs"))).toEqual([]);
  }, 60_000);

  it("warns when a source is newer than the build, so a stale build cannot pass silently", () => {
    const dir = join(tmp.dir, "stale");
    mkdirSync(join(dir, "src"), { recursive: true });
    const bin = scratchInstall(dir);
    writeFileSync(join(dir, "dist-cli", "sources.json"), JSON.stringify({ files: ["src/changed.ts"] }));
    writeFileSync(join(dir, "src", "changed.ts"), "export {};\n");
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(dir, "src", "changed.ts"), earlier, earlier);
    const fresh = compiledCli(["--version"], { bin });
    expect(fresh.status).toBe(0);
    expect(fresh.stderr).toBe("");

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "src", "changed.ts"), later, later);
    const stale = compiledCli(["--version"], { bin });
    expect(stale.stderr).toContain("src/changed.ts");
    expect(stale.stderr).toContain("npm run build:cli");
  });

  it("runs from V8's code cache, and replaces a cache V8 rejects", () => {
    expect(existsSync(resolve(ROOT, "dist-cli", "taizhang.cjs.v8cache"))).toBe(true);
    expect(existsSync(resolve(ROOT, "dist-cli", "exceljs.cjs.v8cache"))).toBe(true);
    const dir = join(tmp.dir, "cache");
    mkdirSync(dir);
    const bin = scratchInstall(dir);
    const cache = join(dir, "dist-cli", "taizhang.cjs.v8cache");
    writeFileSync(cache, "not a code cache");
    const run = compiledCli(["--version"], { bin });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
    expect(readFileSync(cache).length).toBeGreaterThan(1000);
  });

  it("says how to build when dist-cli is missing", () => {
    const dir = join(tmp.dir, "unbuilt");
    mkdirSync(dir);
    cpSync(resolve(ROOT, "bin"), join(dir, "bin"), { recursive: true });
    const run = compiledCli(["--version"], { bin: join(dir, "bin", "taizhang.js") });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("npm ci");
  });

  it("is what package.json installs, built by `npm ci` through prepare", () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(resolve(ROOT, pkg.bin.taizhang as string)).toBe(BIN);
    expect(pkg.scripts.prepare).toContain("scripts/build-cli.mjs");
    expect(pkg.dependencies).not.toHaveProperty("tsx");
  });
});
