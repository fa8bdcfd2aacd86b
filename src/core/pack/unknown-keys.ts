import { problem, type PackPath, type PackProblem } from "./problems";

/**
 * Keys the schema does not know. Zod drops them silently, so a typo such as `notafter` would lose a
 * rule without a word; the exported JSON Schema forbids them, and so does the loader. Found by
 * walking the raw data beside what the schema kept.
 */
export function unknownKeys(raw: unknown, parsed: unknown, path: PackPath = []): PackProblem[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => unknownKeys(item, parsed[i], [...path, i]));
  }
  if (isObject(raw) && isObject(parsed)) {
    return Object.keys(raw).flatMap((key) =>
      key in parsed
        ? unknownKeys(raw[key], parsed[key], [...path, key])
        : [problem("schema.unknown_key", [...path, key], { key })],
    );
  }
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
