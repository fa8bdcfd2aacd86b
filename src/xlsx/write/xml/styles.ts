import { XML_HEADER, xmlText } from "./escape";

/** What a cell of a Taizhang-written sheet can look like: the few looks the summary sheets use. */
export interface CellLook {
  /** Title and header rows. */
  bold: boolean;
  /** Blue underlined text of an in-workbook link (in place of bold, as a link looks in Excel). */
  link: boolean;
  /** "#RRGGBB" background, or null. */
  fill: string | null;
  /** Excel number format code, or null for General. */
  numFmt: string | null;
  /** Vertical alignment; text always wraps. */
  vertical: "top" | "center";
}

/** Number formats Excel knows by id (ECMA-376 §18.8.30); others get ids from 164 on. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
};
const FIRST_CUSTOM_FORMAT = 164;
const LINK_COLOR = "FF0563C1";

const FONT_XML = {
  plain: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  bold: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  link: `<font><u/><sz val="11"/><color rgb="${LINK_COLOR}"/><name val="Calibri"/><family val="2"/></font>`,
} as const;
const FONTS = ["plain", "bold", "link"] as const;

const argb = (color: string): string => `FF${color.replace("#", "").toUpperCase()}`;

/**
 * xl/styles.xml built from the looks the cells ask for: each distinct look becomes one cell
 * format (`s` of a cell), fills and number formats listed once.
 */
export class StyleSheet {
  private readonly looks = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly fills = new Map<string, number>();
  private readonly formats = new Map<string, number>();

  constructor() {
    // Cell format 0 is the default every unstyled cell has.
    this.xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  /** The cell format index (`s`) of a look. */
  id(look: CellLook): number {
    const key = `${look.bold ? 1 : 0}${look.link ? 1 : 0}|${look.fill ?? ""}|${look.numFmt ?? ""}|${look.vertical}`;
    let id = this.looks.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push(this.xf(look));
      this.looks.set(key, id);
    }
    return id;
  }

  xml(): string {
    const formats = [...this.formats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`,
    );
    const fills = [...this.fills.keys()].map(
      (color) =>
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(color)}"/><bgColor rgb="${argb(color)}"/></patternFill></fill>`,
    );
    return (
      `${XML_HEADER}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (formats.length > 0 ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
      `<fonts count="${FONTS.length}">${FONTS.map((f) => FONT_XML[f]).join("")}</fonts>` +
      `<fills count="${fills.length + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${fills.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }

  private xf(look: CellLook): string {
    const font = FONTS.indexOf(look.link ? "link" : look.bold ? "bold" : "plain");
    const fill = look.fill === null ? 0 : this.fillId(look.fill);
    const numFmt = look.numFmt === null ? 0 : this.formatId(look.numFmt);
    const applies = [
      numFmt !== 0 ? ' applyNumberFormat="1"' : "",
      font !== 0 ? ' applyFont="1"' : "",
      fill !== 0 ? ' applyFill="1"' : "",
      ' applyAlignment="1"',
    ].join("");
    return (
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applies}>` +
      `<alignment vertical="${look.vertical}" wrapText="1"/></xf>`
    );
  }

  private fillId(color: string): number {
    let id = this.fills.get(color);
    if (id === undefined) {
      // 0 and 1 are the two fills every styles part starts with (none, gray125).
      id = this.fills.size + 2;
      this.fills.set(color, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }
}
