import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { t } from "../../src/i18n";
import { buildCorpus, type CorpusCase } from "./inputs";

// Issue 13's corpus: every malformed, hostile and edited input through the CLI, spawned as a user
// runs it (bin/taizhang.js), asserting exit code, message, nothing written where nothing may be,
// and input bytes unchanged. Cases run a few at a time: each spawn pays tsx's start-up.

const BIN = resolve(__dirname, "../../bin/taizhang.js");
const PARALLEL = 3;
const dir = mkdtempSync(join(tmpdir(), "taizhang-corpus-"));
afterAll(() => {
  chmodSync(join(dir, "unreadable.xlsx"), 0o600);
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `onStderr` may act on what it prints (the kill cases). */
function runCli(
  args: readonly string[],
  options: { lang?: string; unprivileged?: boolean; env?: Record<string, string> } = {},
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: options.lang === "en-US" ? "en_US.UTF-8" : "zh_CN.UTF-8",
    ...options.env,
  };
  delete env.LC_ALL;
  const command = [process.execPath, BIN, ...args];
  // root reads any file: the permission case runs as nobody when the tests run as root.
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const argv = asNobody
    ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ...command]
    : command;
  return new Promise((done) => {
    const child = spawn(argv[0] as string, argv.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, child);
    });
    child.on("close", (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

/** A catalog message as a pattern: its params may be anything. */
function messagePattern(key: string, lang: "zh-CN" | "en-US"): RegExp {
  const template = t(lang, key);
  if (template === key) throw new Error(`no message ${key}`);
  const parts = template.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join("[\\s\\S]*?"));
}

function state(path: string): string {
  try {
    lstatSync(path);
  } catch {
    return "absent";
  }
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return "unreadable";
  }
}

async function runCase(c: CorpusCase): Promise<string[]> {
  const problems: string[] = [];
  const before = new Map([...c.inputs, ...c.untouched].map((p) => [p, stateAsRoot(p)]));
  const run = await runCli(c.args, { lang: c.lang, unprivileged: c.unprivileged });
  if (run.code !== c.exit)
    problems.push(`exit ${run.code} (signal ${run.signal}), expected ${c.exit}: ${run.stderr}`);
  const text = run.stderr + run.stdout;
  for (const key of c.messages) {
    if (!messagePattern(key, c.lang ?? "zh-CN").test(text))
      problems.push(`no ${key} message in: ${text.slice(0, 400)}`);
  }
  for (const pattern of c.absent ?? []) if (pattern.test(text)) problems.push(`printed ${pattern}`);
  if (/EACCES|ENOENT|at .*\.ts:\d+|JavaScript heap/.test(run.stderr))
    problems.push(`raw error: ${run.stderr}`);
  for (const [path, was] of before) {
    if (stateAsRoot(path) !== was) problems.push(`${path} changed`);
  }
  if (c.after) await c.after().catch((e: Error) => problems.push(e.message));
  return problems;
}

/** The unreadable file is hashed with its mode lifted for a moment (the test's view, not the CLI's). */
function stateAsRoot(path: string): string {
  if (!path.endsWith("unreadable.xlsx")) return state(path);
  chmodSync(path, 0o600);
  try {
    return state(path);
  } finally {
    chmodSync(path, 0o000);
  }
}

async function killCases(): Promise<string[]> {
  const problems: string[] = [];
  const out = join(dir, "killed-sum.xlsx");
  const args = ["consolidate", join(dir, "in.xlsx"), "-o", out];
  const temps = () => readdirSync(dir).filter((n) => n.endsWith(".tmp"));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    let sent = false;
    const run = await runCli(args, { env: { TAIZHANG_TEST_HOLD_WRITE: "1" } }, (text, child) => {
      if (!sent && text.includes("TAIZHANG_HOLD ")) {
        sent = true;
        child.kill(signal);
      }
    });
    if (!sent) problems.push(`${signal}: the write never reached its kill point: ${run.stderr}`);
    if (run.code !== (signal === "SIGTERM" ? 143 : 130)) problems.push(`${signal}: exit ${run.code}`);
    if (temps().length > 0) problems.push(`${signal}: temp files left: ${temps().join(", ")}`);
    if (existsSync(out)) problems.push(`${signal}: half-written output exists`);
  }
  // SIGKILL cannot be caught: the temp file stays until the next run in that folder removes it.
  let killed = false;
  await runCli(args, { env: { TAIZHANG_TEST_HOLD_WRITE: "1" } }, (text, child) => {
    if (!killed && text.includes("TAIZHANG_HOLD ")) {
      killed = true;
      child.kill("SIGKILL");
    }
  });
  if (temps().length !== 1)
    problems.push(`SIGKILL: expected the one leftover temp, found ${temps().join(", ")}`);
  const next = await runCli(args);
  if (next.code !== 0) problems.push(`re-run after SIGKILL: exit ${next.code} ${next.stderr}`);
  if (temps().length > 0) problems.push(`re-run left temp files: ${temps().join(", ")}`);
  return problems;
}

it("runs every corpus input through the CLI", async () => {
  const cases = await buildCorpus(dir);
  chmodSync(dir, 0o755); // the unprivileged case must reach its file
  const failures: string[] = [];
  let passed = 0;
  const queue = [...cases];
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const problems = await runCase(c);
        if (problems.length === 0) passed++;
        else failures.push(`${c.name}: ${problems.join("; ")}`);
      }
    }),
  );
  const killProblems = await killCases();
  if (killProblems.length === 0) passed++;
  else failures.push(`kill mid-write: ${killProblems.join("; ")}`);
  const total = cases.length + 1;
  console.log(`corpus: inputs=${total} passed=${passed}`);
  expect(failures).toEqual([]);
  expect(passed).toBe(total);
}, 180_000);
