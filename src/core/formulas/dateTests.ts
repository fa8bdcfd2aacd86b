import { argsOfCall } from "./expr";

/*
 * A rule's "this date after that one" read as MAX(date)>bound. A date helper holds a serial (1 and
 * more) or a text, never an error; MAX reads only numbers (a text is none, and none gives 0, before
 * any date) and a number is never greater than a text. So MAX(a)>b holds exactly when a and b are
 * both dates and a is after b, which AND(ISNUMBER(a),ISNUMBER(b),a>b) tests at twice the cost, and
 * MAX(a,c,…)>b when any of them is after b.
 */

const BOUND = /^MAX\(([^()]*)\)>([^()]*)$/;

/** `expr` as MAX(dates…)>bound, its dates and bound; else null. */
function boundTest(expr: string, dates: ReadonlySet<string>): { later: string[]; bound: string } | null {
  const m = BOUND.exec(expr);
  if (!m) return null;
  const later = (m[1] as string).split(",");
  const bound = m[2] as string;
  return later.every((d) => dates.has(d)) && dates.has(bound) ? { later, bound } : null;
}

/**
 * The condition with each AND(…,ISNUMBER(a),ISNUMBER(b),…,a>b,…) of two dates (`dates`: the
 * references of date helpers) written as AND(…,MAX(a)>b,…): the same truth, half the work.
 */
export function compactDateTests(expr: string, dates: ReadonlySet<string>): string {
  for (const name of ["AND", "OR", "NOT"] as const) {
    const args = argsOfCall(expr, name)?.map((a) => compactDateTests(a, dates));
    if (!args) continue;
    if (name !== "AND") return `${name}(${args.join(",")})`;
    const present = new Set(args);
    const covered = new Set<string>();
    const rewritten = args.map((arg) => {
      const [later, bound, ...more] = arg.split(">");
      if (later === undefined || bound === undefined || more.length > 0) return arg;
      if (!dates.has(later) || !dates.has(bound)) return arg;
      if (!present.has(`ISNUMBER(${later})`) || !present.has(`ISNUMBER(${bound})`)) return arg;
      covered.add(later).add(bound);
      return `MAX(${later})>${bound}`;
    });
    const kept = rewritten.filter((a) => !(a.startsWith("ISNUMBER(") && covered.has(a.slice(9, -1))));
    return kept.length === 1 ? (kept[0] as string) : `AND(${kept.join(",")})`;
  }
  return expr;
}

/**
 * The conditions with the date tests against one bound joined in one MAX: MAX(a)>b, MAX(c)>b →
 * MAX(a,c)>b, which holds exactly when one of them does. `exact`: only conditions that are nothing
 * but the test are joined; else a condition with more to it (公众参与 is 是 and its date after the
 * decision's) gives its test too, and the result holds whenever one of `whens` does, and maybe
 * more (the error gate's use).
 */
export function foldedDateBounds(
  whens: readonly string[],
  dates: ReadonlySet<string>,
  exact: boolean,
): string[] {
  const rest: string[] = [];
  const byBound = new Map<string, Set<string>>();
  for (const when of whens) {
    const test = boundTest(when, dates) ?? (exact ? null : firstBoundTest(when, dates));
    if (!test) {
      rest.push(when);
      continue;
    }
    const later = byBound.get(test.bound) ?? new Set<string>();
    for (const d of test.later) later.add(d);
    byBound.set(test.bound, later);
  }
  return [...rest, ...[...byBound].map(([bound, later]) => `MAX(${[...later].join(",")})>${bound}`)];
}

function firstBoundTest(when: string, dates: ReadonlySet<string>): { later: string[]; bound: string } | null {
  for (const arg of argsOfCall(when, "AND") ?? []) {
    const test = boundTest(arg, dates);
    if (test) return test;
  }
  return null;
}
