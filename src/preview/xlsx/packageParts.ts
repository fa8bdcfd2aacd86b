import { readZipTexts } from "./zipText";
import { elements } from "./xmlText";

/** One `<dataValidation>` as the file states it, before any range is expanded. */
export interface RawValidation {
  /** Space-separated ranges, e.g. "E3:E1002 G3:G1002" or "D1:D1048576". */
  sqref: string;
  type?: string;
  operator?: string;
  formula1?: string;
  formula2?: string;
  allowBlank?: boolean;
  showDropDown?: boolean;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
}

export interface PackageParts {
  /** Data validations by sheet name, as written (ExcelJS would expand them cell by cell). */
  validations: Map<string, RawValidation[]>;
  /** The `id` of each table part by table name: Office.js table ids, kept across save and open. */
  tableIds: Map<string, number>;
  /** Cell comments by sheet name, as plain text: ExcelJS drops those on cells with no value. */
  comments: Map<string, { ref: string; text: string }[]>;
  /** Hyperlinks by sheet name: ExcelJS drops the ones into the workbook (a `location`, no r:id). */
  hyperlinks: Map<string, FileHyperlink[]>;
}

/** A `<hyperlink>`: a place in the workbook ("'乡镇详情'!A5") or an external address. */
export interface FileHyperlink {
  ref: string;
  location?: string;
  address?: string;
  tooltip?: string;
}

const bool = (value: string | undefined): boolean | undefined =>
  value === undefined ? undefined : value === "1" || value === "true";

/** Reads the package parts ExcelJS does not give (or gives too expensively). */
export async function readPackageParts(bytes: Uint8Array): Promise<PackageParts> {
  const texts = await readZipTexts(
    bytes,
    (name) =>
      name === "xl/workbook.xml" ||
      name === "xl/_rels/workbook.xml.rels" ||
      /^xl\/worksheets\/[^/]+\.xml$/.test(name) ||
      /^xl\/worksheets\/_rels\/[^/]+\.rels$/.test(name) ||
      /^xl\/comments[^/]*\.xml$/.test(name) ||
      /^xl\/tables\/[^/]+\.xml$/.test(name),
  );
  const targets = new Map<string, string>();
  for (const rel of elements(texts.get("xl/_rels/workbook.xml.rels") ?? "", "Relationship")) {
    const { Id: id, Target: target } = rel.attributes;
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const validations = new Map<string, RawValidation[]>();
  const comments = new Map<string, { ref: string; text: string }[]>();
  const hyperlinks = new Map<string, FileHyperlink[]>();
  for (const sheet of elements(texts.get("xl/workbook.xml") ?? "", "sheet")) {
    const name = sheet.attributes.name;
    const relId = Object.entries(sheet.attributes).find(([k]) => k.endsWith(":id"))?.[1];
    const part = targets.get(relId ?? "") ?? "";
    const xml = relId ? texts.get(part) : undefined;
    if (name && xml) validations.set(name, validationsIn(xml));
    if (name && part) comments.set(name, commentsOf(part, texts));
    if (name && xml?.includes("<hyperlink ")) hyperlinks.set(name, hyperlinksIn(xml, sheetRels(part, texts)));
  }
  const tableIds = new Map<string, number>();
  for (const [path, xml] of texts) {
    if (!path.startsWith("xl/tables/")) continue;
    const table = elements(xml, "table")[0]?.attributes;
    const id = Number(table?.id);
    if (table?.name && Number.isInteger(id)) tableIds.set(table.name, id);
  }
  return { validations, tableIds, comments, hyperlinks };
}

/** The comments part a sheet part points at (its .rels), read as ref → plain text. */
function commentsOf(sheetPart: string, texts: ReadonlyMap<string, string>): { ref: string; text: string }[] {
  const slash = sheetPart.lastIndexOf("/");
  const out: { ref: string; text: string }[] = [];
  for (const rel of elements(sheetRels(sheetPart, texts), "Relationship")) {
    const { Type: type, Target: target } = rel.attributes;
    if (!type?.endsWith("/comments") || !target) continue;
    const path = target.startsWith("/") ? target.slice(1) : resolvePart(sheetPart.slice(0, slash), target);
    for (const comment of elements(texts.get(path) ?? "", "comment")) {
      const ref = comment.attributes.ref;
      // Every run's text (`<t>`), in order; saxes has decoded the entities.
      const text = comment.texts["t"] ?? "";
      if (ref) out.push({ ref, text });
    }
  }
  return out;
}

/** The .rels part beside a sheet part. */
function sheetRels(sheetPart: string, texts: ReadonlyMap<string, string>): string {
  const slash = sheetPart.lastIndexOf("/");
  return texts.get(`${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`) ?? "";
}

function hyperlinksIn(xml: string, rels: string): FileHyperlink[] {
  const external = new Map<string, string>();
  for (const rel of elements(rels, "Relationship")) {
    const { Id: id, Type: type, Target: target } = rel.attributes;
    if (id && target && type?.endsWith("/hyperlink")) external.set(id, target);
  }
  return elements(xml, "hyperlink").flatMap(({ attributes: a }): FileHyperlink[] => {
    if (!a.ref) return [];
    const relId = Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const address = relId ? external.get(relId) : undefined;
    const link: FileHyperlink = { ref: a.ref };
    if (address) link.address = address;
    if (a.location) link.location = a.location;
    if (a.tooltip) link.tooltip = a.tooltip;
    return address || a.location ? [link] : [];
  });
}

/** "xl/worksheets" + "../comments1.xml" → "xl/comments1.xml". */
function resolvePart(dir: string, target: string): string {
  const parts = dir.split("/");
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

function validationsIn(xml: string): RawValidation[] {
  return elements(xml, "dataValidation").flatMap(({ attributes: a, texts }): RawValidation[] => {
    // Excel's extension list keeps the range in a child element.
    const sqref = a.sqref ?? texts.sqref;
    if (!sqref) return [];
    const raw: RawValidation = { sqref: sqref.trim() };
    const set = <K extends keyof RawValidation>(key: K, value: RawValidation[K] | undefined) => {
      if (value !== undefined) raw[key] = value;
    };
    set("type", a.type);
    set("operator", a.operator);
    set("formula1", texts.formula1);
    set("formula2", texts.formula2);
    set("allowBlank", bool(a.allowBlank));
    set("showDropDown", bool(a.showDropDown));
    set("showInputMessage", bool(a.showInputMessage));
    set("promptTitle", a.promptTitle);
    set("prompt", a.prompt);
    set("showErrorMessage", bool(a.showErrorMessage));
    set("errorStyle", a.errorStyle);
    set("errorTitle", a.errorTitle);
    set("error", a.error);
    return [raw];
  });
}
