import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// Design rule: no import cycles inside src/. Type-only imports are erased, so they cannot form a
// cycle at run time and are left out.

const SRC = resolve(__dirname, "..", "..", "src");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")];
  return candidates.find((c) => existsSync(c)) ?? null;
}

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...[...text.matchAll(IMPORT)].filter((m) => !m[1]).map((m) => m[2] ?? ""),
    ...[...text.matchAll(DYNAMIC_IMPORT)].map((m) => m[1] ?? ""),
  ];
  return specifiers.flatMap((s) => resolveImport(file, s) ?? []);
}

/** Every cycle met by a depth-first walk, each as the path that closes it. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const done = new Set<string>();
  const onPath: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    onPath.push(node);
    for (const next of graph.get(node) ?? []) {
      const at = onPath.indexOf(next);
      if (at >= 0) cycles.push([...onPath.slice(at), next]);
      else if (!done.has(next)) visit(next);
    }
    onPath.pop();
    done.add(node);
  };
  for (const node of graph.keys()) if (!done.has(node)) visit(node);
  return cycles;
}

describe("import cycles", () => {
  it.each([
    ["a chain", { a: ["b"], b: ["c"], c: [] }, []],
    ["a loop of three", { a: ["b"], b: ["c"], c: ["a"] }, [["a", "b", "c", "a"]]],
    ["a self-import", { a: ["a"] }, [["a", "a"]]],
  ])("the detector on %s", (_name, edges, expected) => {
    expect(findCycles(new Map(Object.entries(edges)))).toEqual(expected);
  });

  it("src/ has none", () => {
    const files = sourceFiles(SRC);
    const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
    const cycles = findCycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(" → "));
    expect(files.length).toBeGreaterThan(50);
    expect(cycles).toEqual([]);
  });
});
