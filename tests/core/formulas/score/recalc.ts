import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const haveSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

/**
 * Opens every file in one LibreOffice process and saves it again as .xlsx: LibreOffice computes the
 * formula cells that carry no cached value, and the saved files hold its results.
 */
export function recalcWithLibreOffice(files: readonly Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), "tz-score-"));
  try {
    mkdirSync(join(dir, "in"));
    const names = files.map((bytes, i) => {
      const path = join(dir, "in", `book${i}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const run = spawnSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        join(dir, "out"),
        ...names,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    if (run.status !== 0) throw new Error(`soffice failed (${String(run.status)})`);
    return files.map((_, i) => new Uint8Array(readFileSync(join(dir, "out", `book${i}.xlsx`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
