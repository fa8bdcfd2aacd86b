import type { Finding } from "../findings";
import { CHECKLIST_COLUMNS, VETO_COLUMNS, type StatusValue } from "../layout/columns";
import {
  INFO_VALUE_COLUMN,
  cellAddress,
  declarationInputId,
  layoutFor,
  type TableLayout,
} from "../layout/layout";
import type { Group, Input, Item, Pack, Rule, RuleType, ValueSource } from "../pack/schema";
import { INFO_INPUTS, type InputSnapshot, type TableSnapshot, type WorkbookSnapshot } from "../snapshot";
import { parseCell } from "../values/cell";
import { parseDate } from "../values/date";
import type { IsoDate } from "../values/isoDate";
import { displayValue, isBlank } from "../values/normalize";
import { defaultAssessmentYear, FIRST_ASSESSMENT_YEAR } from "../assessmentYear";
import { dueDate } from "../gaps/due";
import { parseInteger } from "../values/number";
import { inFutureHit } from "./date";
import { cellTypeHits, checkChecklistRow, checkVetoRow } from "./implicit";
import { labelParams } from "./labels";
import { mergeFindings } from "./merge";
import { place, type Place } from "./place";
import { splitByUnitType, unitTypeExemption } from "./applies";
import { itemModule, rowModule } from "./registry";
import { RowView, TableReader, type ColumnIndex, type ColumnInfo } from "./rowView";
import type { CheckContext, InputValue, LedgerRecords, RowRuleModule, RuleHit } from "./types";
import { vetoState, type VetoState } from "./vetoWindow";

/** What checking found about one item, before scoring. */
export interface ItemCheck {
  item: Item;
  group: Group;
  /** Findings that count against the item, in order. */
  findings: Finding[];
  /** Status and indicator items: the 状态 cell (null when blank or the row is missing). */
  status: StatusValue | null | "invalid";
  /** The item has a 不适用 reason in 备注. */
  hasNote: boolean;
  /** All item-level rules (ratioAtLeast, counts, quarterDeadline) met; true when there are none. */
  itemRulesMet: boolean | "unknown";
  hasItemRules: boolean;
  /** Ledger items: records checked, records passing all their rules, and the honoured declaration. */
  ledger?: { total: number; passed: number; declared: boolean };
  /** The item's due date when it falls after the assessment date: 待完成, neither earned nor lost. */
  pending?: IsoDate;
  /** The due date, from the pack (a fixed date or that day of the 评估年度). */
  due?: IsoDate;
  veto?: VetoState & { sheet: string; row: number };
  owner?: string;
  /** Every threshold of the item falls on other kinds of body than this unit's: 不适用, out of 应得. */
  exempt?: { unitType: string };
}

export interface CheckResult {
  township: string;
  assessmentDate: IsoDate | null;
  assessmentYear: number | null;
  /** Ledgers declared 本评估年度无此类事项 with a reason and no records: their items are 不适用. */
  declarations: DeclaredLedger[];
  findings: Finding[];
  items: ItemCheck[];
}

export interface DeclaredLedger {
  ledgerId: string;
  reason: string;
  sheet: string;
  cell: string;
}

const CHECK_COLUMN_ID = "check";

const indexOf = (columns: readonly ColumnInfo[]): ColumnIndex => new Map(columns.map((c) => [c.id, c]));
const CHECKLIST_INDEX = indexOf(CHECKLIST_COLUMNS);
const VETO_INDEX = indexOf(VETO_COLUMNS);

/** Runs every implicit and pack rule over a snapshot. Pure and deterministic. */
export function check(pack: Pack, snapshot: WorkbookSnapshot): CheckResult {
  const layout = layoutFor(pack);
  const findings: Finding[] = [];
  const infoPlace = (inputId: string): Place => {
    const input: InputSnapshot | undefined = snapshot.inputs[inputId];
    if (input) return { sheet: input.sheet, cell: input.cell };
    const row = layout.info.rows.find((r) => r.inputId === inputId)?.row;
    return { sheet: layout.info.sheet, ...(row ? { cell: cellAddress(INFO_VALUE_COLUMN, row) } : {}) };
  };

  // 基本信息: township and assessment date.
  const townshipValue = snapshot.inputs[INFO_INPUTS.township]?.value ?? null;
  const township = displayValue(townshipValue);
  if (isBlank(townshipValue)) {
    findings.push(place(hit("info.townshipMissing"), infoPlace(INFO_INPUTS.township)));
  }
  const dateValue = snapshot.inputs[INFO_INPUTS.assessmentDate]?.value ?? null;
  const parsedDate = parseDate(dateValue);
  const assessmentDate = parsedDate.ok ? parsedDate.value : null;
  if (isBlank(dateValue)) {
    findings.push(place(hit("info.assessmentDateMissing"), infoPlace(INFO_INPUTS.assessmentDate)));
  } else if (!parsedDate.ok) {
    findings.push(
      place(
        hit("info.assessmentDateInvalid", { raw: displayValue(dateValue) }),
        infoPlace(INFO_INPUTS.assessmentDate),
      ),
    );
  }

  const assessmentYear = readAssessmentYear(snapshot, assessmentDate, (f) =>
    findings.push(place(f, infoPlace(INFO_INPUTS.assessmentYear))),
  );

  // Indicator inputs, each read as its type once; findings kept per input to attach to items.
  const inputs = new Map<string, InputValue>();
  const inputFindings = new Map<string, Finding[]>();
  const counted = countedInputs(pack);
  for (const input of pack.inputs) {
    const snap = snapshot.inputs[input.id];
    const value = readInput(input, snap);
    inputs.set(input.id, value);
    const at = infoPlace(input.id);
    const own: Finding[] = [];
    if (value.state === "unreadable") {
      const result = parseCell(input.type, snap?.value ?? null, inputOptions(input));
      if (!result.ok) {
        own.push(place(hit(result.code, { ...labelParams("field", input.label), ...result.params }), at));
      }
    } else if ((value.state === "blank" || value.state === "absent") && counted.has(input.id)) {
      own.push(place(hit("input.missing", labelParams("field", input.label)), at));
    } else if (
      input.type === "date" &&
      value.state === "value" &&
      typeof value.value === "string" &&
      assessmentDate !== null &&
      value.value > assessmentDate
    ) {
      own.push(
        place(inFutureHit(input.id, labelParams("field", input.label), value.value, assessmentDate), at),
      );
    }
    inputFindings.set(input.id, own);
    findings.push(...own);
  }

  // Tables.
  const tableOf = (layoutTable: TableLayout): TableSnapshot | undefined => {
    const table = snapshot.tables[layoutTable.key];
    if (!table) {
      findings.push(
        place(hit("table.missing", labelParams("table", layoutTable.title)), {
          sheet: layoutTable.sheet,
          tableKey: layoutTable.key,
        }),
      );
    }
    return table;
  };
  const checklistRows = new Map<string, RowView>();
  const vetoRows = new Map<string, RowView>();
  const ledgers = new Map<string, LedgerRecords>();
  const ledgerTypeFindings = new Map<string, Finding[]>();
  const ledgerBadRecords = new Map<string, ReadonlySet<RowView>>();
  for (const layoutTable of layout.tables) {
    const table = tableOf(layoutTable);
    if (layoutTable.kind === "ledger") {
      const ledger = pack.ledgers.find((l) => `ledger:${l.id}` === layoutTable.key);
      if (!ledger) continue;
      const reader = new TableReader(indexOf(ledger.columns));
      const ownReading = validityColumns(pack, ledger.id);
      const records: RowView[] = [];
      const typeFindings: Finding[] = [];
      const bad = new Set<RowView>();
      for (const row of table?.rows ?? []) {
        const view = new RowView(table as TableSnapshot, row, reader);
        if (view.isBlankRow(CHECK_COLUMN_ID)) continue;
        records.push(view);
        const hits = cellTypeHits(view, assessmentDate, ownReading);
        // A warning (a date typed as text) leaves the record counted.
        if (hasError(hits)) bad.add(view);
        for (const h of hits) typeFindings.push(place(namedRecord(h, view), rowPlace(view)));
      }
      ledgers.set(ledger.id, { ledger, records });
      ledgerTypeFindings.set(ledger.id, typeFindings);
      ledgerBadRecords.set(ledger.id, bad);
    } else if (table) {
      const target = layoutTable.kind === "veto" ? vetoRows : checklistRows;
      const reader = new TableReader(layoutTable.kind === "veto" ? VETO_INDEX : CHECKLIST_INDEX);
      for (const row of table.rows) {
        const view = new RowView(table, row, reader);
        const id = view.text("id");
        if (id && !target.has(id)) target.set(id, view);
      }
    }
  }

  const declarations = readDeclarations(pack, snapshot, ledgers, (f) => findings.push(f));
  const ctx: CheckContext = { pack, assessmentDate, assessmentYear, inputs, ledgers };
  const items: ItemCheck[] = [];
  for (const group of pack.groups) {
    for (const item of group.items) {
      items.push(
        checkItem(item, group, ctx, {
          row: (item.kind === "veto" ? vetoRows : checklistRows).get(item.id),
          infoPlace,
          inputFindings,
          ledgerTypeFindings,
          ledgerBadRecords,
          declared: new Set(declarations.map((d) => d.ledgerId)),
        }),
      );
    }
  }
  const merged = mergeFindings([
    { findings },
    ...items.map((i) => ({ itemId: i.item.id, findings: i.findings })),
    ...[...ledgerTypeFindings.values()].map((typeFindings) => ({ findings: typeFindings })),
    { findings: snapshot.readFindings ?? [] },
  ]);
  for (const item of items) item.findings = merged.byItem.get(item.item.id) ?? [];
  return { township, assessmentDate, assessmentYear, declarations, findings: merged.findings, items };
}

interface ItemInputs {
  row: RowView | undefined;
  infoPlace: (inputId: string) => Place;
  inputFindings: ReadonlyMap<string, Finding[]>;
  ledgerTypeFindings: ReadonlyMap<string, Finding[]>;
  ledgerBadRecords: ReadonlyMap<string, ReadonlySet<RowView>>;
  /** Ledgers whose declaration is honoured. */
  declared: ReadonlySet<string>;
}

function checkItem(item: Item, group: Group, ctx: CheckContext, inp: ItemInputs): ItemCheck {
  const { row } = inp;
  const own: Finding[] = [];
  const at = (view: RowView): Place => ({ ...rowPlace(view), itemId: item.id });
  const byUnit = splitByUnitType(item.rules, ctx);
  const rowRules = bindRowRules(byUnit.rules);
  const itemRules = byUnit.rules.filter((r) => itemModule(r) !== null);
  const result: ItemCheck = {
    item,
    group,
    findings: own,
    status: null,
    hasNote: row ? !row.isBlank("note") : false,
    itemRulesMet: true,
    hasItemRules: itemRules.length > 0,
  };
  const owner = row?.display("owner");
  if (owner) result.owner = owner;
  for (const { hit: h } of byUnit.skipped)
    own.push(place(h, { ...inp.infoPlace(h.input ?? ""), itemId: item.id }));
  const exempt = unitTypeExemption(item, byUnit);
  if (exempt) result.exempt = exempt;

  if (item.kind === "veto") {
    if (row) {
      const years = vetoYears(item, ctx.pack);
      const hits = [
        ...checkVetoRow(row, ctx, years),
        ...runRowRules(
          rowRules.filter((r) => r.rule.type !== "vetoWindow"),
          row,
          ctx,
        ),
      ];
      own.push(...hits.map((h) => place(h, at(row))));
      result.veto = { ...vetoState(row, years, ctx.assessmentDate), sheet: row.table.sheet, row: row.row };
    }
    return result;
  }

  if (row) {
    const checked = checkChecklistRow(row, ctx, item.kind === "status");
    result.status = checked.status;
    const hits =
      item.kind === "ledger" ? checked.hits : [...checked.hits, ...runRowRules(rowRules, row, ctx)];
    own.push(...hits.map((h) => place(h, at(row))));
  }

  if (item.kind === "ledger" && item.ledger) {
    const records = ctx.ledgers.get(item.ledger);
    const bad = inp.ledgerBadRecords.get(item.ledger);
    own.push(...(inp.ledgerTypeFindings.get(item.ledger) ?? []));
    let passed = 0;
    for (const record of records?.records ?? []) {
      const hits = runRowRules(rowRules, record, ctx);
      for (const h of hits) own.push(place(namedRecord(h, record), at(record)));
      if (!bad?.has(record) && !hasError(hits)) passed++;
    }
    result.ledger = {
      total: records?.records.length ?? 0,
      passed,
      declared: inp.declared.has(item.ledger),
    };
  }

  const due = dueDate(item, ctx.assessmentYear);
  if (due) result.due = due;
  const pending = due !== undefined && ctx.assessmentDate !== null && due > ctx.assessmentDate;

  for (const input of referencedInputs(itemRules)) own.push(...(inp.inputFindings.get(input) ?? []));
  // A count of ledger records sits on the item's 状态 cell; a figure typed on 基本信息 on its input.
  const itemPlace: Place = row
    ? { ...rowPlace(row), itemId: item.id }
    : { sheet: group.sheet, itemId: item.id };
  for (const rule of itemRules) {
    const outcome = itemModule(rule)?.evaluate(rule, ctx);
    if (!outcome) continue;
    if (outcome.met === "unknown") result.itemRulesMet = result.itemRulesMet === false ? false : "unknown";
    else if (!outcome.met) result.itemRulesMet = false;
    for (const hit of outcome.hits) {
      const h = markLocal(rule, hit);
      // Not yet due: a shortfall is a reminder with its due date, not a failure.
      const shown: RuleHit = pending && h.severity === "error" ? { ...h, severity: "warning" } : h;
      const input = h.input ?? ruleInput(rule);
      own.push(
        input
          ? place(shown, { ...inp.infoPlace(input), itemId: item.id })
          : place({ ...shown, column: shown.column ?? "status" }, itemPlace),
      );
    }
  }
  if (pending) result.pending = due;
  return result;
}

interface BoundRowRule {
  rule: Rule;
  module: RowRuleModule<RuleType>;
}

function bindRowRules(rules: readonly Rule[]): BoundRowRule[] {
  return rules.flatMap((rule) => {
    const module = rowModule(rule);
    return module ? [{ rule, module }] : [];
  });
}

function runRowRules(rules: readonly BoundRowRule[], row: RowView, ctx: CheckContext): RuleHit[] {
  if (rules.length === 0) return [];
  const hits: RuleHit[] = [];
  for (const { rule, module } of rules) {
    for (const h of module.evaluate(rule, row, ctx)) hits.push(markLocal(rule, h));
  }
  return hits;
}

/** A hit of a rule whose figure is a local setting carries `local`, so its message says 本地设定. */
function markLocal<H extends RuleHit>(rule: Rule, hit: H): H {
  return rule.basis === "local" ? { ...hit, params: { ...hit.params, local: true } } : hit;
}

function hasError(hits: readonly RuleHit[]): boolean {
  for (const h of hits) if (h.severity === "error") return true;
  return false;
}

function rowPlace(view: RowView): Place {
  return { sheet: view.table.sheet, row: view.row, tableKey: view.table.key, columns: view.table.columns };
}

const hit = (code: string, params: RuleHit["params"] = {}): RuleHit => ({ code, severity: "error", params });

function vetoYears(item: Item, pack: Pack): number {
  const own = item.rules.find((r): r is Extract<Rule, { type: "vetoWindow" }> => r.type === "vetoWindow");
  return own?.years ?? pack.assessment.vetoWindowYears;
}

const isPercent = (input: Input): boolean =>
  Boolean(input.unit && /%|％/.test(input.unit.zh + input.unit.en));

const inputOptions = (input: Input) => ({
  percent: isPercent(input),
  ...(input.values ? { values: input.values } : {}),
});

function readInput(input: Input, snap: InputSnapshot | undefined): InputValue {
  if (!snap) return { state: "absent" };
  if (isBlank(snap.value)) return { state: "blank" };
  const result = parseCell(input.type, snap.value, inputOptions(input));
  if (!result.ok || typeof result.value === "boolean") return { state: "unreadable" };
  return { state: "value", value: result.value };
}

function sourceInputs(source: ValueSource): string[] {
  return "input" in source ? [source.input] : [];
}

/** Inputs a count or ratio reads: blank ones are findings (a quarterDeadline input may be blank). */
function countedInputs(pack: Pack): Set<string> {
  const ids = new Set<string>();
  for (const group of pack.groups) {
    for (const item of group.items) {
      for (const rule of item.rules) {
        if (rule.type === "ratioAtLeast")
          [rule.numerator, rule.denominator].flatMap(sourceInputs).forEach((id) => ids.add(id));
        if (rule.type === "countBetween" || rule.type === "countAtLeast")
          sourceInputs(rule.source).forEach((id) => ids.add(id));
      }
    }
  }
  return ids;
}

/**
 * The 基本信息 input the user typed the figure of an item rule in: the counted input, or for a
 * ratio the numerator (the share falls short by it) unless only the denominator is typed.
 */
function ruleInput(rule: Rule): string | undefined {
  if (rule.type === "countBetween" || rule.type === "countAtLeast") return sourceInputs(rule.source)[0];
  if (rule.type === "ratioAtLeast")
    return [...sourceInputs(rule.numerator), ...sourceInputs(rule.denominator)][0];
  if (rule.type === "quarterDeadline") return rule.input;
  return undefined;
}

/** 有效期 columns: the validity rule reads years or an end date there and words its own problems. */
function validityColumns(pack: Pack, ledgerId: string): Set<string> {
  const ids = new Set<string>();
  for (const group of pack.groups)
    for (const item of group.items)
      if (item.ledger === ledgerId)
        for (const rule of item.rules) if (rule.type === "validity") ids.add(rule.validityYears);
  return ids;
}

/**
 * Text a host may have turned into a formula or its error value ("=1+1" typed in Excel shows
 * #NAME?; https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member):
 * not a name every reading path sees alike.
 */
const NOT_A_NAME = /^[=+\-@#]/;

/** A ledger record's hit names the record (its 名称 / 事项 column, e.g. 决策事项), when filled. */
function namedRecord(hit: RuleHit, view: RowView): RuleHit {
  const first = view.reader.firstText;
  const name = first ? view.display(first).trim() : "";
  return name === "" || NOT_A_NAME.test(name) ? hit : { ...hit, params: { ...hit.params, record: name } };
}

function referencedInputs(rules: readonly Rule[]): string[] {
  const ids: string[] = [];
  for (const rule of rules) {
    if (rule.type === "ratioAtLeast")
      ids.push(...sourceInputs(rule.numerator), ...sourceInputs(rule.denominator));
    else if (rule.type === "countBetween" || rule.type === "countAtLeast")
      ids.push(...sourceInputs(rule.source));
    else if (rule.type === "quarterDeadline") ids.push(rule.input);
  }
  return [...new Set(ids)];
}

/** 评估年度 as entered, or its default from the assessment date; a finding when it cannot be used. */
function readAssessmentYear(
  snapshot: WorkbookSnapshot,
  assessmentDate: IsoDate | null,
  report: (hit: RuleHit) => void,
): number | null {
  const fallback = assessmentDate ? defaultAssessmentYear(assessmentDate) : null;
  const value = snapshot.inputs[INFO_INPUTS.assessmentYear]?.value ?? null;
  if (isBlank(value)) return fallback;
  const year = parseInteger(value);
  if (!year.ok || year.value < FIRST_ASSESSMENT_YEAR || year.value > 9999) {
    report(hit("info.assessmentYearInvalid", { raw: displayValue(value) }));
    return fallback;
  }
  if (assessmentDate && year.value > Number(assessmentDate.slice(0, 4))) {
    report(hit("info.assessmentYearAfterDate", { year: year.value, assessmentDate }));
    return fallback;
  }
  return year.value;
}

/**
 * The 本评估年度无此类事项 declarations that hold: a reason entered on 基本信息 for a ledger that
 * has no records. One beside records is a finding and not honoured (the records are scored).
 */
function readDeclarations(
  pack: Pack,
  snapshot: WorkbookSnapshot,
  ledgers: ReadonlyMap<string, LedgerRecords>,
  report: (finding: Finding) => void,
): DeclaredLedger[] {
  const out: DeclaredLedger[] = [];
  for (const ledger of pack.ledgers) {
    const input = snapshot.inputs[declarationInputId(ledger.id)];
    const reason = input ? displayValue(input.value).trim() : "";
    if (!input || reason === "" || ledger.declarable === false) continue;
    const at = { sheet: input.sheet, cell: input.cell };
    const records = ledgers.get(ledger.id)?.records.length ?? 0;
    if (records > 0) {
      const params = { ...labelParams("table", ledger.title), records };
      report(place({ code: "declaration.withRecords", severity: "warning", params }, at));
      continue;
    }
    out.push({ ledgerId: ledger.id, reason, ...at });
  }
  return out;
}
