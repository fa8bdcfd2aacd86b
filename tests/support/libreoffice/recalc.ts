/**
 * Recalculates .xlsx files in one headless LibreOffice (UNO `calculateAll`) and returns cell values.
 * The Python side (recalc.py, run by the system python3 that has `uno`) owns the soffice process;
 * this wrapper owns the Python process group and kills it on timeout, failure or exit.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { errorFromCode, type CellValue } from "../../../src/formula/values";

export type LoValue = number | string | null | { b: boolean } | { e: string; raw: string };

export interface LoRequest {
  path: string;
  /** Cells to read, by sheet: {"公式": ["A1", "A2"]}. */
  cells?: Record<string, string[]>;
  /** Sheets to read whole (every non-blank cell of the used area). */
  sheets?: string[];
}

export interface LoFileResult {
  path: string;
  ok: boolean;
  error?: string;
  loadMs: number;
  calcMs: number;
  readMs: number;
  sheets: Record<string, Record<string, LoValue>>;
}

export interface LoBatchResult {
  startupMs: number;
  totalMs: number;
  files: LoFileResult[];
}

export class LibreOfficeUnavailableError extends Error {}

const PYTHON = "/usr/bin/python3";
const SCRIPT = join(__dirname, "recalc.py");

const onPath = (cmd: string): boolean =>
  (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, cmd)));

/** Why LibreOffice cannot be used here, or undefined when it can. */
export function libreOfficeMissing(): string | undefined {
  if (!onPath("soffice")) return "soffice is not installed (Debian: apt-get install libreoffice-calc)";
  if (!existsSync(PYTHON)) return `${PYTHON} is missing (LibreOffice is scripted with the system Python)`;
  const probe = spawnSync(PYTHON, ["-c", "import uno"], { encoding: "utf8", timeout: 20_000 });
  if (probe.status !== 0) return "the Python UNO bridge is missing (Debian: apt-get install python3-uno)";
  return undefined;
}

let unique = 0;

/**
 * Opens every file in one soffice, recalculates it and reads the requested cells (`cells` applies
 * to plain paths). Rejects with LibreOfficeUnavailableError when soffice or uno is missing, and
 * with an Error on timeout (the whole process group is killed).
 */
export async function recalcWithLibreOffice(
  files: readonly (string | LoRequest)[],
  cells?: Record<string, string[]>,
  options: { timeoutMs?: number } = {},
): Promise<LoBatchResult> {
  const missing = libreOfficeMissing();
  if (missing) throw new LibreOfficeUnavailableError(`LibreOffice recalculation unavailable: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), "tz-lo-"));
  const job = {
    files: files.map((f) => (typeof f === "string" ? { path: f, cells } : f)),
    profile: join(dir, "profile"),
    pipe: `tz-lo-${process.pid}-${Date.now()}-${unique++}`,
  };
  writeFileSync(join(dir, "job.json"), JSON.stringify(job));
  const started = Date.now();
  const child = spawn(PYTHON, [SCRIPT, join(dir, "job.json")], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", killGroup);
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const timeoutMs = options.timeoutMs ?? 120_000;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        killGroup();
        reject(
          new Error(`LibreOffice recalculation timed out after ${timeoutMs} ms (${files.length} files)`),
        );
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    if (code === 3)
      throw new LibreOfficeUnavailableError(`LibreOffice recalculation unavailable: ${err.trim()}`);
    if (code !== 0) throw new Error(`LibreOffice recalculation failed (exit ${String(code)}): ${err.trim()}`);
    const parsed = JSON.parse(out) as Omit<LoBatchResult, "totalMs">;
    return { ...parsed, totalMs: Date.now() - started };
  } finally {
    killGroup();
    process.removeListener("exit", killGroup);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A LibreOffice value as the engine's CellValue; an Err:NNN without an Excel counterpart becomes a text that matches nothing. */
export function loToCellValue(v: LoValue): CellValue {
  if (v === null || typeof v === "number" || typeof v === "string") return v;
  if ("b" in v) return v.b;
  return errorFromCode(v.e) ?? `LibreOffice ${v.raw}`;
}
