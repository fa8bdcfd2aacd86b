import {
  and,
  blank,
  normalized,
  onlyDigits,
  or,
  spaceLed,
  spaced,
  str,
  withoutSeparatorSpaces,
} from "./expr";

/**
 * Helper cells that read one input cell as its type, the way src/core/values does, so the rules
 * compare plain numbers. Their values: a date → its serial, "" blank, "I" not a date, "P" no such
 * day; a yes/no → 1, 0, "" or "I"; a number → the number, "", "I", "W" (not whole), "G" (negative).
 */
export const READ = { invalid: "I", impossible: "P", notWhole: "W", negative: "G" } as const;

/**
 * Helper 1 of a date column: the typed text, normalised, spaces beside separators dropped; "" for a
 * number. `t`, a cell with the normalised text, lets text without a space (nearly every date) skip
 * the dropping.
 */
export function dateTextFormula(x: string, t?: string): string {
  if (t === undefined) {
    // Read from the cell itself (one helper less a date column): only a text with a character
    // the fold turns into a space has spaces to drop beside its separators.
    const n = normalized(x);
    return `=IF(ISNUMBER(${x}),"",IF(${spaced(x)},${withoutSeparatorSpaces(n)},${n}))`;
  }
  return `=IF(ISNUMBER(${x}),"",IF(ISNUMBER(FIND(" ",${t})),${withoutSeparatorSpaces(t)},${t}))`;
}

/** A date from year, month, day expressions: its serial, or "P" when no such day exists. */
function dayOf(y: string, m: string, d: string): string {
  return `IF(AND(${m}>=1,${m}<=12,${d}>=1,${d}<=DAY(DATE(${y},${m}+1,0))),DATE(${y},${m},${d}),"${READ.impossible}")`;
}

/**
 * Helper 2 of a date column: where the month ends (the second separator, or 月), else 0. A date
 * typed as a date leaves helper 1 empty: one comparison, no text cut from it.
 */
export function dateMonthEndFormula(n: string): string {
  const s5 = `MID(${n},5,1)`;
  return `=IF(${n}="",0,IF(OR(${s5}="-",${s5}="/",${s5}=".",${s5}="年"),IFERROR(FIND(IF(${s5}="年","月",${s5}),${n},6),0),0))`;
}

/**
 * Helper 3 of a date column: the day's text. After 月 an optional 日 or 号 is dropped; after a
 * separator an optional time follows a space or T (a time is only told by its colon: the core's
 * full time pattern is not rebuilt), anything else after the day leaves "x", which is no day.
 */
export function dateDayFormula(n: string, q: string): string {
  const rest = `MID(${n},${q}+1,99)`;
  const cut = `MIN(IFERROR(FIND(" ",${rest}),99),IFERROR(FIND("T",${rest}),99))`;
  const tail = `MID(${rest},${cut},99)`;
  const timeOk = or(`${tail}=""`, and(`LEN(${tail})>=5`, `ISNUMBER(FIND(":",${tail}))`));
  const chinese = `IF(OR(RIGHT(${rest},1)="日",RIGHT(${rest},1)="号"),LEFT(${rest},LEN(${rest})-1),${rest})`;
  // Without a space or T (nearly every date) the rest is the day: the cut is 99, the tail empty
  // unless the rest runs to 99 characters.
  const plain = `IF(NOT(OR(ISNUMBER(FIND(" ",${n})),ISNUMBER(FIND("T",${n})))),IF(LEN(${n})-${q}<99,${rest},"x"),IF(${timeOk},LEFT(${rest},${cut}-1),"x"))`;
  return `=IF(${q}=0,"",IF(MID(${n},5,1)="年",${chinese},${plain}))`;
}

/**
 * Helper 4 of a date column: the text as the number YYYYMMDD (2018-4-3 → 20180403), or "" when it
 * has none of the forms parseDate reads (2018-4-3, 2018/4/3, 2018.4.3 with one separator
 * throughout; 2018年4月3日; 20180403). A number, not text: helper 5 then reads it with arithmetic.
 */
export function dateCanonFormula(n: string, q: string, d: string): string {
  const month = `MID(${n},6,${q}-6)`;
  // IF runs one branch (AND every argument): the digit test runs only on a text of the right shape.
  const shaped = and(`${q}>6`, `LEN(${month})<=2`, `LEN(${d})>=1`, `LEN(${d})<=2`);
  const fits = `IF(${shaped},${onlyDigits(`LEFT(${n},4)&${month}&${d}`)},FALSE)`;
  const compact = `IF(LEN(${n})=8,${onlyDigits(n)},FALSE)`;
  return `=IF(${q}>0,IF(${fits},VALUE(LEFT(${n},4))*10000+VALUE(${month})*100+VALUE(${d}),""),IF(${compact},VALUE(${n}),""))`;
}

/** Helper 5 of a date column: the serial, "" blank, "I" unreadable, "P" impossible. */
export function dateValueFormula(x: string, n: string, c: string): string {
  const num = `IF(AND(${x}>=1,${x}<2958466,INT(${x})<>60),INT(${x}),IF(AND(${x}=INT(${x}),${x}>=19000101,${x}<=99991231),${dayOf(
    `INT(${x}/10000)`,
    `INT(MOD(${x},10000)/100)`,
    `MOD(${x},100)`,
  )},"${READ.invalid}"))`;
  const text = `IF(${c}="","${READ.invalid}",IF(${c}<19000000,"${READ.invalid}",${dayOf(
    `INT(${c}/10000)`,
    `INT(MOD(${c},10000)/100)`,
    `MOD(${c},100)`,
  )}))`;
  return `=IF(ISNUMBER(${x}),${num},IF(${n}="","",${text}))`;
}

/**
 * The text normalised as normalizeText does. The fold is 25 substitutions, which LibreOffice pays
 * for in every cell: a text found inside `plain` (words without a space or a folded character,
 * between bars) is its own normal form and skips it.
 */
function normalizedUnlessPlain(x: string, plain: string | undefined): string {
  const folded = normalized(x);
  return plain === undefined ? folded : `IF(ISNUMBER(FIND(${x},${str(plain)})),T(${x}),${folded})`;
}

/**
 * Text helper of a column: the normalised text; a number stays the number (every reading tests
 * ISNUMBER of the cell first).
 */
export function textFormula(x: string, plain?: string): string {
  return `=IF(ISNUMBER(${x}),${x},${normalizedUnlessPlain(x, plain)})`;
}

// What the fold turns into a space or drops: a text led by anything else is filled.
const SPACE_LED = spaceLed();

/**
 * The characters that lead a text the blank test must fold, as one cell's formula: the workbook
 * holds them once (infoCells.ts), so no row joins them again (each join is a new text to intern).
 */
export const SPACE_LED_FORMULA = `=${SPACE_LED}`;

/**
 * Blank helper of a column: TRUE when the cell is blank as isBlank reads it. `led`: a reference to
 * the SPACE_LED_FORMULA cell, else the characters are joined in the formula itself.
 */
export function blankFormula(x: string, led: string = SPACE_LED): string {
  return `=IF(ISNUMBER(${x}),FALSE,IF(${x}="",TRUE,IF(ISNUMBER(FIND(LEFT(${x},1),${led})),${blank(x)},FALSE)))`;
}

const YES = ["是", "有", "√", "✓", "✔", "☑", "y", "yes", "true", "1"];
const NO = ["否", "无", "×", "✗", "✘", "☒", "x", "n", "no", "false", "0"];
/** Every word a yes/no cell may hold, lower case. */
export const YES_NO_WORDS: readonly string[] = [...YES, ...NO];

// The answers between bars, after an empty one: FIND of "|word|" tells blank (1), yes (below
// NO_FROM) and no; a word not in it is no answer.
const ANSWERS = `||${YES.join("|")}|${NO.join("|")}|`;
const NO_FROM = ANSWERS.indexOf(`|${NO[0] ?? ""}|`) + 1;

/**
 * The yes/no helper: 1, 0, "" or "I" (src/core/values/yesNo.ts), read from the cell itself. Case is
 * ignored (lower case is looked up); a text with a bar is no word. A text found inside `plain`
 * (the words as typed) is its own normal form; any other is folded first.
 */
export function yesNoFormula(x: string, plain?: string): string {
  const at = `FIND("|"&LOWER(${normalizedUnlessPlain(x, plain)})&"|",${str(ANSWERS)})`;
  const lookedUp = `IF(ISNUMBER(FIND("|",${x})),"${READ.invalid}",IFERROR(CHOOSE(MATCH(${at},{1,2,${NO_FROM}},1),"",1,0),"${READ.invalid}"))`;
  // A text first, and 是 and 否, what nearly every cell holds, by one comparison each: the lookup
  // makes three texts. Not a text: a logical, a number, an error, or an empty cell ("").
  const text = `IF(${x}=${str(YES[0] ?? "")},1,IF(${x}=${str(NO[0] ?? "")},0,${lookedUp}))`;
  const other = `IF(ISLOGICAL(${x}),IF(${x},1,0),IF(ISNUMBER(${x}),IF(${x}=1,1,IF(${x}=0,0,"${READ.invalid}")),IF(ISERROR(${x}),"${READ.invalid}","")))`;
  return `=IF(ISTEXT(${x}),${text},${other})`;
}

const UNITS = "人名位台个次件项场期份部套家年元天";

/**
 * Helper 2 of a number column (src/core/values/number.ts): the text with "−" as "-", one unit word
 * at the end dropped (5人, 3000元), spaces dropped.
 */
export function numberTextFormula(n: string): string {
  const t1 = `SUBSTITUTE(${n},"\u2212","-")`;
  return `=IF(${n}="","",SUBSTITUTE(IF(ISNUMBER(FIND(RIGHT(${t1},1),${str(UNITS)})),LEFT(${t1},LEN(${t1})-1),${t1})," ",""))`;
}

/** Helper 3 of a number column: the text without its sign. */
export function numberBodyFormula(t: string): string {
  return `=IF(OR(LEFT(${t},1)="-",LEFT(${t},1)="+"),MID(${t},2,99),${t})`;
}

/**
 * Helper 4 of a number column: digits with one optional point, or thousands grouped by commas (a
 * first group of 1–3 digits, then groups of three: checked at the first, second and last comma).
 * Each test runs on any text, so one that errs on a short text (MID before position 1) means "no"
 * (OR passes an error through, so each is caught on its own).
 */
export function numberFormula(x: string, n: string, t: string, body: string, integer: boolean): string {
  const noPoint = `SUBSTITUTE(${body},".","")`;
  const points = `(LEN(${body})-LEN(${noPoint}))`;
  const plain = and(`${points}<=1`, `LEN(${noPoint})>=1`, onlyDigits(noPoint));
  const ip = `IFERROR(LEFT(${body},FIND(".",${body})-1),${body})`;
  const fp = `IFERROR(MID(${body},FIND(".",${body})+1,99),"")`;
  const commas = `(LEN(${ip})-LEN(SUBSTITUTE(${ip},",","")))`;
  const first = `(LEN(${ip})-4*${commas})`;
  const grouped = and(
    `${commas}>=1`,
    onlyDigits(`SUBSTITUTE(${ip},",","")`),
    `${first}>=1`,
    `${first}<=3`,
    `IFERROR(FIND(",",${ip}),0)=${first}+1`,
    `MID(${ip},LEN(${ip})-3,1)=","`,
    `OR(${commas}<2,MID(${ip},${first}+5,1)=",")`,
    `IF(ISNUMBER(FIND(".",${body})),AND(LEN(${fp})>=1,${onlyDigits(fp)}),TRUE)`,
  );
  const value = `IF(LEFT(${t},1)="-",-1,1)*VALUE(SUBSTITUTE(${body},",",""))`;
  const judge = (v: string) =>
    `IF(${v}<0,"${READ.negative}",${integer ? `IF(${v}<>INT(${v}),"${READ.notWhole}",${v})` : v})`;
  // The grouped test (most of the formula) runs only on a text with a comma that is no plain number.
  const readable = `IF(IFERROR(${plain},FALSE),TRUE,IF(ISNUMBER(FIND(",",${body})),IFERROR(${grouped},FALSE),FALSE))`;
  return `=IF(ISNUMBER(${x}),${judge(x)},IF(${n}="","",IF(${readable},${judge(value)},"${READ.invalid}")))`;
}
