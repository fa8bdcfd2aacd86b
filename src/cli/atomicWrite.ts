import { promises as fs, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Temp files are named `.<output>.<pid>-<n>.taizhang.tmp` beside their output, so a rename is
 * atomic (same folder) and a leftover is recognisable: SIGINT/SIGTERM remove the live ones; a
 * SIGKILL or power cut cannot be caught, so each run also removes those of dead processes.
 */
const TEMP = /^\..+\.(\d+)-\d+\.taizhang\.tmp$/;
/** The name earlier versions used (`.<output>.<pid>.<hex>.tmp`): cleaned the same way. */
const OLD_TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

const live = new Set<string>();
let counter = 0;
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

function onSignal(signal: keyof typeof SIGNAL_EXIT): void {
  for (const temp of live) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed: nothing left behind.
    }
  }
  process.exit(SIGNAL_EXIT[signal]);
}
const handlers = {
  SIGINT: () => onSignal("SIGINT"),
  SIGTERM: () => onSignal("SIGTERM"),
};

function track(temp: string): void {
  if (live.size === 0) for (const [s, h] of Object.entries(handlers)) process.on(s, h);
  live.add(temp);
}

function untrack(temp: string): void {
  live.delete(temp);
  // Default signal behaviour again as soon as nothing is being written.
  if (live.size === 0) for (const [s, h] of Object.entries(handlers)) process.off(s, h);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Removes temp files that processes which no longer run left in a folder. Returns their names. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number((TEMP.exec(name) ?? OLD_TEMP.exec(name))?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    await fs.rm(join(dir, name), { force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/**
 * Writes data to a temp file beside `target`, then renames it over the target. Throws the raw
 * system error; the caller words it.
 */
export async function writeThenRename(target: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(target);
  await removeStaleTemps(dir);
  const temp = join(dir, `.${basename(target)}.${process.pid}-${counter++}.taizhang.tmp`);
  track(temp);
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    await holdForTests(temp);
    await fs.rename(temp, target);
  } catch (cause) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw cause;
  } finally {
    untrack(temp);
  }
}

/**
 * The corpus test's kill point: with TAIZHANG_TEST_HOLD_WRITE=1 the CLI announces the written
 * temp file on stderr and waits to be killed, so "killed mid-write" is a fact, not a race.
 */
async function holdForTests(temp: string): Promise<void> {
  if (process.env.TAIZHANG_TEST_HOLD_WRITE !== "1") return;
  process.stderr.write(`TAIZHANG_HOLD ${temp}\n`);
  await new Promise<never>(() => {
    setInterval(() => undefined, 60_000);
  });
}
