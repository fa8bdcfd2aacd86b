import type { z } from "zod";
import { Band, Group, Input, Item, Ledger, Pack } from "./schema";
import type { PackPath } from "./problems";

export interface Indexed<T> {
  index: number;
  value: T;
}

/** The elements of one array of the pack that passed the schema; `complete` when all of them did. */
export interface Section<T> {
  parts: Indexed<T>[];
  complete: boolean;
}

export interface GroupPart {
  index: number;
  id?: string;
  sheet?: string;
  /** True when the whole group passed the schema. */
  complete: boolean;
  items: Indexed<Item>[];
}

/**
 * What the meaning checks look at: the pack's pieces that passed the schema. When the pack as a
 * whole is malformed, its well-formed pieces are still checked, so an author sees every problem
 * in one go; checks that need a whole section (is this ledger id known?) run only when it is complete.
 */
export interface PackParts {
  sourceDate?: string;
  /** The pack's declared total and pass band, when they have the right shape. */
  total?: number;
  passBand?: string;
  bands: Section<Band>;
  inputs: Section<Input>;
  ledgers: Section<Ledger>;
  groups: GroupPart[];
  /** Raw and parsed pieces, for the unknown-key walk. */
  parsedPieces: { path: PackPath; raw: unknown; parsed: unknown }[];
}

export function partsOfPack(pack: Pack, raw: unknown): PackParts {
  const all = <T>(values: readonly T[]): Section<T> => ({
    parts: values.map((value, index) => ({ index, value })),
    complete: true,
  });
  return {
    ...(pack.source.date !== null ? { sourceDate: pack.source.date } : {}),
    total: pack.assessment.total,
    passBand: pack.assessment.passBand,
    bands: all(pack.assessment.bands),
    inputs: all(pack.inputs),
    ledgers: all(pack.ledgers),
    groups: pack.groups.map((group, index) => ({
      index,
      id: group.id,
      sheet: group.sheet,
      complete: true,
      items: group.items.map((value, i) => ({ index: i, value })),
    })),
    parsedPieces: [{ path: [], raw, parsed: pack }],
  };
}

/** The well-formed pieces of data that failed the schema as a whole. */
export function salvageParts(raw: unknown): PackParts {
  const pieces: PackParts["parsedPieces"] = [];
  const root = asRecord(raw);
  const assessment = asRecord(root["assessment"]);
  const source = asRecord(root["source"]);
  const section = <T>(value: unknown, schema: z.ZodType<T>, path: PackPath): Section<T> => {
    if (!Array.isArray(value)) return { parts: [], complete: false };
    const parts: Indexed<T>[] = [];
    value.forEach((element, index) => {
      const result = schema.safeParse(element);
      if (result.success) {
        parts.push({ index, value: result.data });
        pieces.push({ path: [...path, index], raw: element, parsed: result.data });
      }
    });
    return { parts, complete: parts.length === value.length };
  };

  const groups: GroupPart[] = (Array.isArray(root["groups"]) ? root["groups"] : []).map(
    (rawGroup: unknown, index: number) => {
      const whole = Group.safeParse(rawGroup);
      if (whole.success) {
        pieces.push({ path: ["groups", index], raw: rawGroup, parsed: whole.data });
        return {
          index,
          id: whole.data.id,
          sheet: whole.data.sheet,
          complete: true,
          items: whole.data.items.map((value, i) => ({ index: i, value })),
        };
      }
      const g = asRecord(rawGroup);
      return {
        index,
        ...(typeof g["id"] === "string" ? { id: g["id"] } : {}),
        ...(typeof g["sheet"] === "string" ? { sheet: g["sheet"] } : {}),
        complete: false,
        items: section(g["items"], Item, ["groups", index, "items"]).parts,
      };
    },
  );

  const date = Pack.shape.source.shape.date.safeParse(source["date"]);
  const total = Pack.shape.assessment.shape.total.safeParse(assessment["total"]);
  const passBand = Pack.shape.assessment.shape.passBand.safeParse(assessment["passBand"]);
  return {
    ...(date.success && date.data !== null ? { sourceDate: date.data } : {}),
    ...(total.success ? { total: total.data } : {}),
    ...(passBand.success ? { passBand: passBand.data } : {}),
    bands: section(assessment["bands"], Band, ["assessment", "bands"]),
    inputs: section(root["inputs"], Input, ["inputs"]),
    ledgers: section(root["ledgers"], Ledger, ["ledgers"]),
    groups,
    parsedPieces: pieces,
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
