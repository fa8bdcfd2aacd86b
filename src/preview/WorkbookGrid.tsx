import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from "react";
import { cellAddress } from "../core/layout";
import { MAX_COLUMNS, parseAddress } from "../excel/address";
import type { FakeExcel, SheetModel } from "../sim";
import { t, type Locale } from "../i18n";
import { cellText, listChoices } from "./cellText";

const MIN_ROWS = 30;
const MIN_COLUMNS = 10;
const EXTRA_ROWS = 5;
/** Office.js column widths are in points; the grid draws pixels. */
const PX_PER_POINT = 4 / 3;
const DEFAULT_WIDTH_PT = 48;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", flex: 1, minHeight: 0 },
  scroller: { flex: 1, overflow: "auto", backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: "12px" },
  corner: { position: "sticky", left: 0, top: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular,
    height: "20px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: "right",
    paddingRight: "4px",
    width: "36px",
    minWidth: "36px",
  },
  cell: { border: `1px solid ${tokens.colorNeutralStroke2}`, padding: 0, height: "22px" },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  input: {
    width: "100%",
    height: "22px",
    boxSizing: "border-box",
    border: "none",
    padding: "0 3px",
    font: "inherit",
    backgroundColor: "transparent",
    color: "inherit",
    ":focus": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke1}`, overflowX: "auto", flexWrap: "nowrap" },
  empty: { padding: tokens.spacingHorizontalM },
  link: {
    display: "block",
    height: "22px",
    lineHeight: "22px",
    padding: "0 3px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    ":focus-visible": { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  },
});

/** Re-renders when the add-in wrote to the fake workbook (every write ends in a sync). */
function useSyncCount(excel: FakeExcel): number {
  const [syncs, setSyncs] = useState(excel.syncs);
  useEffect(() => {
    const timer = setInterval(() => setSyncs(excel.syncs), 150);
    return () => clearInterval(timer);
  }, [excel]);
  return syncs;
}

/** An editable grid over the fake workbook: what a person sees of the workbook in the preview. */
export function WorkbookGrid({ excel, locale }: { excel: FakeExcel; locale: Locale }) {
  const styles = useStyles();
  const [edits, edited] = useReducer((n: number) => n + 1, 0);
  const version = useSyncCount(excel) + edits;
  const sheets = excel.model.sheets.filter((s) => s.visibility === "Visible");
  const [active, setActive] = useState<string>(sheets[0]?.name ?? "");
  const lastSelection = useRef<string>("");

  // Follow the add-in's selectCell (clicking a finding in the pane).
  useEffect(() => {
    const sel = excel.selection;
    const key = sel ? `${sel.sheet}!${sel.address}` : "";
    if (sel && key !== lastSelection.current) {
      lastSelection.current = key;
      setActive(sel.sheet);
      // Another sheet's grid is drawn a frame or two later: wait for the cell.
      let frames = 0;
      const reveal = () => {
        const input = document.querySelector<HTMLElement>(`[aria-label="${cssEscape(key)}"]`);
        if (!input) {
          if (++frames < 30) requestAnimationFrame(reveal);
          return;
        }
        input.scrollIntoView({ block: "center", inline: "nearest" });
        input.focus();
      };
      requestAnimationFrame(reveal);
    }
  }, [excel, version]);

  const sheet = sheets.find((s) => s.name === active) ?? sheets[0];
  if (!sheet) return null;
  return (
    <div className={styles.root}>
      <div className={styles.scroller}>
        <SheetGrid key={sheet.name} excel={excel} sheet={sheet} version={version} onEdit={edited} />
      </div>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={t(locale, "ui.preview.sheets")}
        selectedValue={sheet.name}
        onTabSelect={(_, d) => setActive(String(d.value))}
      >
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}

interface SheetGridProps {
  excel: FakeExcel;
  sheet: SheetModel;
  version: number;
  onEdit: () => void;
}

function SheetGrid({ excel, sheet, version, onEdit }: SheetGridProps) {
  const styles = useStyles();
  const used = useMemo(() => contentExtent(excel, sheet), [excel, sheet, version]); // eslint-disable-line react-hooks/exhaustive-deps -- the model mutates in place; version says when
  const rows = Math.max(MIN_ROWS, (used?.r1 ?? 0) + 1 + EXTRA_ROWS);
  const columns = Math.max(MIN_COLUMNS, (used?.c1 ?? 0) + 1);
  const selected = excel.selection?.sheet === sheet.name ? excel.selection.address.split(":")[0] : undefined;
  const widths = Array.from(
    { length: columns },
    (_, c) => (sheet.columnWidths.get(c) ?? DEFAULT_WIDTH_PT) * PX_PER_POINT,
  );

  return (
    <table className={styles.table} role="grid" aria-label={sheet.name}>
      <colgroup>
        <col style={{ width: 36 }} />
        {widths.map((w, c) => (
          <col key={c} style={{ width: Math.max(40, w) }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th className={styles.corner} />
          {widths.map((_, c) => (
            <th key={c} className={styles.colHead} scope="col">
              {cellAddress(c, 1).replace(/\d+$/, "")}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, r) => (
          <tr key={r}>
            <th className={styles.rowHead} scope="row">
              {r + 1}
            </th>
            {widths.map((_, c) => {
              const address = cellAddress(c, r + 1);
              return (
                <GridCell
                  key={c}
                  excel={excel}
                  sheet={sheet}
                  r={r}
                  c={c}
                  address={address}
                  selected={address === selected}
                  sticky={r < sheet.frozenRows}
                  onEdit={onEdit}
                />
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface GridCellProps {
  excel: FakeExcel;
  sheet: SheetModel;
  r: number;
  c: number;
  address: string;
  selected: boolean;
  sticky: boolean;
  onEdit: () => void;
}

function GridCell({ excel, sheet, r, c, address, selected, sticky, onEdit }: GridCellProps) {
  const styles = useStyles();
  const cell = sheet.cell(r, c);
  const shown = cell ? cellText(cell.value, cell.numberFormat) : "";
  const [draft, setDraft] = useState<string | null>(null);
  const label = `${sheet.name}!${address}`;
  const source = cell?.validation?.rule.list?.source;
  const choices = listChoices(typeof source === "string" ? source : undefined);
  const style = {
    backgroundColor: cell?.fill,
    color: cell?.fontColor,
    fontWeight: cell?.bold ? 600 : undefined,
    position: sticky ? ("sticky" as const) : undefined,
    top: sticky ? 21 + r * 23 : undefined,
    zIndex: sticky ? 1 : undefined,
  };
  const title = cell?.validation?.prompt?.message;

  const commit = (text: string) => {
    setDraft(null);
    if (text === shown) return;
    if (text === "") excel.user.clear(sheet.name, address);
    else excel.user.setValues(sheet.name, address, [[text]]);
    onEdit();
  };

  // A link cell follows its link on a click, as in Excel (the 汇总 sheet's townships open 乡镇详情).
  const link = cell?.hyperlink;
  if (link && (link.documentReference || link.address)) {
    // Only web and mail addresses open: a file's link text never runs as script.
    const web = link.address && /^(https?|mailto):/i.test(link.address) ? link.address : undefined;
    const follow = () => {
      if (link.documentReference) {
        const target = parseAddress(link.documentReference.replace(/^#/, ""));
        if (!target?.sheet || !excel.model.sheet(target.sheet)) return;
        excel.user.select(target.sheet, cellAddress(target.box.c0, target.box.r0 + 1));
        onEdit();
      } else if (web) {
        window.open(web, "_blank", "noopener");
      }
    };
    return (
      <td
        className={`${styles.cell} ${selected ? styles.selected : ""}`}
        style={style}
        title={link.screenTip ?? link.documentReference ?? link.address}
      >
        <a
          className={styles.link}
          href={web ?? "#"}
          aria-label={label}
          onClick={(e) => {
            e.preventDefault();
            follow();
          }}
        >
          {shown}
        </a>
      </td>
    );
  }

  if (choices) {
    return (
      <td className={`${styles.cell} ${selected ? styles.selected : ""}`} style={style} title={title}>
        <select
          className={styles.input}
          aria-label={label}
          value={shown}
          onChange={(e) => commit(e.target.value)}
        >
          <option value="" />
          {[...new Set([...choices, ...(shown && !choices.includes(shown) ? [shown] : [])])].map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      </td>
    );
  }
  return (
    <td className={`${styles.cell} ${selected ? styles.selected : ""}`} style={style} title={title ?? shown}>
      <input
        className={styles.input}
        aria-label={label}
        value={draft ?? shown}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => draft !== null && commit(draft)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === "Enter" && draft !== null) commit(draft);
          if (e.key === "Escape") setDraft(null);
        }}
      />
    </td>
  );
}

/**
 * Last row and column worth drawing: values, fills and tables. Validations and formats are left
 * out: a file's dropdown often covers a thousand empty ledger rows or a whole column.
 */
function contentExtent(excel: FakeExcel, sheet: SheetModel): { r1: number; c1: number } | null {
  const box = sheet.usedBox(true);
  let r1 = box?.r1 ?? -1;
  let c1 = box?.c1 ?? -1;
  for (const [k, cell] of sheet.cells) {
    if (!cell.fill) continue;
    r1 = Math.max(r1, Math.floor(k / MAX_COLUMNS));
    c1 = Math.max(c1, k % MAX_COLUMNS);
  }
  for (const table of excel.model.tables) {
    if (table.sheet !== sheet) continue;
    r1 = Math.max(r1, table.box.r1);
    c1 = Math.max(c1, table.box.c1);
  }
  return r1 < 0 ? null : { r1, c1 };
}

function cssEscape(text: string): string {
  return text.replace(/["\\]/g, "\\$&");
}
