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
      /^xl\/tables\/[^/]+\.xml$/.test(name),
  );
  const targets = new Map<string, string>();
  for (const rel of elements(texts.get("xl/_rels/workbook.xml.rels") ?? "", "Relationship")) {
    const { Id: id, Target: target } = rel.attributes;
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const validations = new Map<string, RawValidation[]>();
  for (const sheet of elements(texts.get("xl/workbook.xml") ?? "", "sheet")) {
    const name = sheet.attributes.name;
    const relId = Object.entries(sheet.attributes).find(([k]) => k.endsWith(":id"))?.[1];
    const xml = relId ? texts.get(targets.get(relId) ?? "") : undefined;
    if (name && xml) validations.set(name, validationsIn(xml));
  }
  const tableIds = new Map<string, number>();
  for (const [path, xml] of texts) {
    if (!path.startsWith("xl/tables/")) continue;
    const table = elements(xml, "table")[0]?.attributes;
    const id = Number(table?.id);
    if (table?.name && Number.isInteger(id)) tableIds.set(table.name, id);
  }
  return { validations, tableIds };
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
