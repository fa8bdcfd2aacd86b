import type { Band, Input, Ledger, LocalizedText, Pack } from "../schema";
import { RULE_KINDS } from "../rule-kinds";
import type { CellValue } from "../../snapshot";
import { rulesText } from "./rulesCell";
import type { PackTableSpec, TableBlockSpec, TableColumnSpec } from "./spec";
import {
  BAND_COLUMNS,
  BASIS_LABELS,
  COLUMN_TYPE_LABELS,
  dueText,
  GROUP_LABEL,
  INPUT_COLUMNS,
  INPUT_TYPE_LABELS,
  ITEM_COLUMNS,
  KIND_LABELS,
  LEDGER_COLUMNS,
  NO,
  scoringText,
  SETTING_COLUMNS,
  SETTING_KEYS,
  SHARE_LABEL,
  TABLE_SHEETS,
  VALUE_SEPARATOR,
  YES,
} from "./vocabulary";

type ColumnDef = { readonly key: string; readonly header: string; readonly width: number };
type Lists = Partial<Record<string, TableColumnSpec["list"]>>;

function columns(area: string, defs: readonly ColumnDef[], lists: Lists = {}): TableColumnSpec[] {
  return defs.map((def) => {
    const list = lists[def.key];
    return { header: def.header, help: `${area}.${def.key}`, width: def.width, ...(list ? { list } : {}) };
  });
}

const strict = (values: readonly string[]) => ({ values, strict: true });
const offered = (values: readonly string[]) => ({ values, strict: false });
const yesNo = strict([YES, NO]);
const zh = (text: LocalizedText | undefined): CellValue => text?.zh ?? null;
const en = (text: LocalizedText | undefined): CellValue => text?.en ?? null;
const flag = (value: boolean | undefined): CellValue => (value === undefined ? null : value ? YES : NO);

/** A pack as the 细则 workbook: 考核项目, 台账 and 设置, every field of the pack in a cell. */
export function packToTable(pack: Pack): PackTableSpec {
  return {
    sheets: [
      { name: TABLE_SHEETS.items, blocks: [itemsBlock(pack)] },
      { name: TABLE_SHEETS.ledgers, blocks: [ledgersBlock(pack.ledgers)] },
      { name: TABLE_SHEETS.settings, blocks: settingsBlocks(pack) },
    ],
  };
}

function itemsBlock(pack: Pack): TableBlockSpec {
  const rows: CellValue[][] = [];
  for (const group of pack.groups) {
    const points = group.items.reduce((sum, item) => sum + item.points, 0);
    rows.push([
      group.id,
      group.source,
      group.title.zh,
      points,
      null,
      GROUP_LABEL,
      null,
      null,
      null,
      null,
      group.sheet,
      group.title.en,
      null,
    ]);
    for (const item of group.items) {
      rows.push([
        item.id,
        item.source,
        item.title.zh,
        item.points,
        item.criteria.zh,
        KIND_LABELS[item.kind],
        item.ledger ?? null,
        rulesText(item.rules) || null,
        scoringText(item.scoring) || null,
        dueText(item.due) || null,
        null,
        item.title.en,
        item.criteria.en,
      ]);
    }
  }
  return {
    columns: columns("item", ITEM_COLUMNS, {
      kind: strict([GROUP_LABEL, ...Object.values(KIND_LABELS)]),
      ledger: offered(pack.ledgers.map((l) => l.id)),
      rules: offered(Object.keys(RULE_KINDS)),
      scoring: offered([SHARE_LABEL, "每条扣1分"]),
    }),
    rows,
  };
}

function ledgersBlock(ledgers: readonly Ledger[]): TableBlockSpec {
  const rows: CellValue[][] = [];
  for (const ledger of ledgers) {
    rows.push([
      ledger.id,
      null,
      ledger.title.zh,
      ledger.title.en,
      null,
      null,
      null,
      null,
      null,
      null,
      ledger.sheet,
      flag(ledger.declarable),
    ]);
    for (const column of ledger.columns) {
      rows.push([
        ledger.id,
        column.id,
        column.header.zh,
        column.header.en,
        COLUMN_TYPE_LABELS[column.type],
        column.values ? column.values.join(VALUE_SEPARATOR) : null,
        zh(column.help),
        en(column.help),
        column.width ?? null,
        flag(column.future),
        null,
        null,
      ]);
    }
  }
  return {
    columns: columns("ledger", LEDGER_COLUMNS, {
      type: strict(Object.values(COLUMN_TYPE_LABELS)),
      future: yesNo,
      declarable: yesNo,
    }),
    rows,
  };
}

function settingsBlocks(pack: Pack): TableBlockSpec[] {
  const { assessment, source } = pack;
  const text = (key: keyof typeof SETTING_KEYS, value: LocalizedText): CellValue[] => [
    SETTING_KEYS[key],
    value.zh,
    value.en,
  ];
  const rows: CellValue[][] = [
    [SETTING_KEYS.id, pack.id],
    [SETTING_KEYS.version, pack.version],
    text("title", pack.title),
    text("sourceTitle", source.title),
    text("issuer", source.issuer),
    [SETTING_KEYS.date, source.date],
    [SETTING_KEYS.file, source.file],
    [
      SETTING_KEYS.total,
      assessment.total,
      null,
      BASIS_LABELS[assessment.points.basis],
      zh(assessment.points.note),
      en(assessment.points.note),
    ],
    [
      SETTING_KEYS.bandsBasis,
      null,
      null,
      BASIS_LABELS[assessment.bandsBasis.basis],
      zh(assessment.bandsBasis.note),
      en(assessment.bandsBasis.note),
    ],
    [SETTING_KEYS.passBand, assessment.passBand],
    [SETTING_KEYS.vetoWindowYears, assessment.vetoWindowYears],
    ...(assessment.unitLabel ? [text("unitLabel", assessment.unitLabel)] : []),
  ];
  return [
    {
      columns: columns("setting", SETTING_COLUMNS, { basis: strict(Object.values(BASIS_LABELS)) }),
      rows,
    },
    { title: "【等次】", columns: columns("band", BAND_COLUMNS), rows: assessment.bands.map(bandRow) },
    {
      title: "【输入项】",
      columns: columns("input", INPUT_COLUMNS, { type: strict(Object.values(INPUT_TYPE_LABELS)) }),
      rows: pack.inputs.map(inputRow),
    },
  ];
}

function bandRow(band: Band): CellValue[] {
  return [band.id, band.min, band.label.zh, band.label.en];
}

function inputRow(input: Input): CellValue[] {
  return [
    input.id,
    input.label.zh,
    input.label.en,
    INPUT_TYPE_LABELS[input.type],
    zh(input.unit),
    en(input.unit),
    zh(input.help),
    en(input.help),
    input.values ? input.values.join(VALUE_SEPARATOR) : null,
  ];
}
