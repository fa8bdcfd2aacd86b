/**
 * The .xlsx side of the engine: reads a workbook's cells, formulas (shared formulas expanded, as
 * ExcelJS and Excel write them when filling down) and defined names into the format-free model,
 * and recalculates it. Uses fflate and saxes; no Node APIs, so the preview can use it too.
 * ECMA-376 Part 1, §18.3.1.40 (f, shared formulas) and §18.2.5 (definedName).
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { parseCell } from "./address";
import { parseDateText } from "./dates";
import { errorFromCode, ERR, type CellValue } from "./values";
import {
  recalculate,
  type CellInput,
  type DefinedName,
  type RecalcOptions,
  type RecalcProblem,
  type SheetModel,
  type WorkbookModel,
} from "./workbook";

type Handlers = {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
};

const local = (name: string): string => name.slice(name.indexOf(":") + 1);

function parseXml(xml: string, h: Handlers): void {
  const parser = new SaxesParser();
  parser.on("opentag", (tag: SaxesTagPlain) => h.open?.(local(tag.name), tag.attributes));
  parser.on("text", (t) => h.text?.(t));
  parser.on("cdata", (t) => h.text?.(t));
  parser.on("closetag", (tag) => h.close?.(local(tag.name)));
  parser.write(xml).close();
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let current = "";
  let inT = false;
  let inPhonetic = false;
  parseXml(xml, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") inPhonetic = true;
      else if (name === "t" && !inPhonetic) inT = true;
    },
    text(t) {
      if (inT) current += t;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") out.push(current);
    },
  });
  return out;
}

function cellValue(type: string, raw: string, strings: string[]): CellValue {
  switch (type) {
    case "s":
      return strings[Number(raw)] ?? "";
    case "str":
    case "inlineStr":
      return raw;
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return errorFromCode(raw) ?? ERR.value;
    case "d":
      // An ISO 8601 date cell (t="d", rare: Excel writes serials); time of day is dropped.
      return parseDateText(raw.slice(0, 10)) ?? ERR.value;
    default:
      return raw === "" ? null : Number(raw);
  }
}

interface SharedMaster {
  formula: string;
  address: string;
}

function readSheet(xml: string, strings: string[]): SheetModel {
  const cells = new Map<string, CellInput>();
  const masters = new Map<string, SharedMaster>();
  let address = "";
  let type = "";
  let fAttrs: Record<string, string> | undefined;
  let fText = "";
  let vText = "";
  let isText = "";
  let into: "f" | "v" | "is" | undefined;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "c") {
        address = attrs.r ?? "";
        type = attrs.t ?? "n";
        fAttrs = undefined;
        fText = vText = isText = "";
      } else if (name === "f") {
        fAttrs = attrs;
        into = "f";
      } else if (name === "v") into = "v";
      else if (name === "t" && type === "inlineStr") into = "is";
    },
    text(t) {
      if (into === "f") fText += t;
      else if (into === "v") vText += t;
      else if (into === "is") isText += t;
    },
    close(name) {
      if (name === "f" || name === "v" || name === "t") {
        into = undefined;
        return;
      }
      if (name !== "c") return;
      const at = parseCell(address);
      if (!at) return;
      const value = cellValue(type, type === "inlineStr" ? isText : vText, strings);
      if (!fAttrs) {
        if (value !== null) cells.set(address, { value });
        return;
      }
      let input: CellInput = { formula: fText, value, array: fAttrs.t === "array" };
      if (fAttrs.t === "shared" && fAttrs.si !== undefined) {
        const master = masters.get(fAttrs.si);
        if (fText !== "" || !master) masters.set(fAttrs.si, { formula: fText, address });
        else input = { formula: master.formula, from: master.address, value };
      }
      cells.set(address, input);
    },
  });
  return { cells };
}

function relationships(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  parseXml(xml, {
    open(name, attrs) {
      if (name === "Relationship" && attrs.Id && attrs.Target) out.set(attrs.Id, attrs.Target);
    },
  });
  return out;
}

/** The cells, formulas and defined names of an .xlsx file (cached formula results kept as `value`). */
export function workbookFromXlsx(bytes: Uint8Array): WorkbookModel {
  const files = unzipSync(bytes);
  const text = (path: string): string | undefined => {
    const f = files[path];
    return f ? strFromU8(f) : undefined;
  };
  const strings = sharedStrings(text("xl/sharedStrings.xml"));
  const rels = relationships(text("xl/_rels/workbook.xml.rels"));
  const order: { name: string; target: string }[] = [];
  const names: DefinedName[] = [];
  let pending: { name: string; sheet?: number } | undefined;
  let nameText = "";
  parseXml(text("xl/workbook.xml") ?? "", {
    open(name, attrs) {
      if (name === "sheet") {
        const target = rels.get(attrs["r:id"] ?? attrs.id ?? "") ?? "";
        order.push({
          name: attrs.name ?? "",
          target: target.startsWith("/") ? target.slice(1) : `xl/${target}`,
        });
      } else if (name === "definedName") {
        pending = {
          name: attrs.name ?? "",
          sheet: attrs.localSheetId === undefined ? undefined : Number(attrs.localSheetId),
        };
        nameText = "";
      }
    },
    text(t) {
      if (pending) nameText += t;
    },
    close(name) {
      if (name !== "definedName" || !pending) return;
      const scope = pending.sheet === undefined ? undefined : order[pending.sheet]?.name;
      names.push(
        scope === undefined
          ? { name: pending.name, formula: nameText }
          : { name: pending.name, formula: nameText, sheet: scope },
      );
      pending = undefined;
    },
  });
  const sheets = new Map<string, SheetModel>();
  for (const s of order) sheets.set(s.name, readSheet(text(s.target) ?? "", strings));
  return { sheets, names };
}

/** Recalculates an .xlsx file's formulas: every cell's value by sheet and A1 address. */
export function recalculateXlsx(
  bytes: Uint8Array,
  options?: RecalcOptions,
): { values: Map<string, Map<string, CellValue>>; problems: RecalcProblem[] } {
  return recalculate(workbookFromXlsx(bytes), options);
}
