/**
 * Formula text → AST with Excel's operator precedence (high to low): negation, %, ^, * /, + -, &,
 * comparisons. Negation binds tighter than ^, so -2^2 is 4, and ^ is left-associative.
 * https://support.microsoft.com/en-us/office/calculation-operators-and-precedence-in-excel-48be406d-4975-4d31-b2b8-7af9e0e2878a
 */
import type { Node } from "./ast";
import { FormulaSyntaxError, tokenize, type Token } from "./tokenizer";
import type { CellValue } from "./values";

const COMPARISONS = ["=", "<>", "<", ">", "<=", ">="];

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parseFormula(): Node {
    const node = this.comparison();
    if (this.at < this.tokens.length) throw new FormulaSyntaxError("unexpected token after the end");
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOp(values: readonly string[]): string | undefined {
    const t = this.peek();
    return t && t.kind === "op" && values.includes(t.value) ? t.value : undefined;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === "punct" && t.value === value;
  }

  private expectPunct(value: string): void {
    if (!this.isPunct(value)) throw new FormulaSyntaxError(`expected ${value}`);
    this.at++;
  }

  private binaryLevel(ops: readonly string[], next: () => Node): Node {
    let left = next();
    for (let op = this.isOp(ops); op; op = this.isOp(ops)) {
      this.at++;
      left = { kind: "binary", op, left, right: next() };
    }
    return left;
  }

  private comparison = (): Node => this.binaryLevel(COMPARISONS, this.concat);
  private concat = (): Node => this.binaryLevel(["&"], this.additive);
  private additive = (): Node => this.binaryLevel(["+", "-"], this.multiplicative);
  private multiplicative = (): Node => this.binaryLevel(["*", "/"], this.power);
  private power = (): Node => this.binaryLevel(["^"], this.percent);

  private percent = (): Node => {
    let node = this.unary();
    while (this.isOp(["%"])) {
      this.at++;
      node = { kind: "unary", op: "%", arg: node };
    }
    return node;
  };

  private unary = (): Node => {
    const op = this.isOp(["-", "+"]);
    if (op) {
      this.at++;
      return { kind: "unary", op: op as "-" | "+", arg: this.unary() };
    }
    return this.primary();
  };

  private primary(): Node {
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError("unexpected end of formula");
    this.at++;
    switch (t.kind) {
      case "number":
      case "string":
      case "bool":
      case "error":
        return { kind: "literal", value: t.value };
      case "ref":
        return { kind: "ref", sheet: t.sheet, from: t.from, to: t.to };
      case "name":
        return { kind: "name", name: t.value };
      case "func":
        return this.call(t.value);
      case "punct":
        if (t.value === "(") {
          const inner = this.comparison();
          this.expectPunct(")");
          return inner;
        }
        if (t.value === "{") return this.arrayConstant();
        break;
      default:
        break;
    }
    throw new FormulaSyntaxError(`unexpected token at ${t.start}`);
  }

  private call(name: string): Node {
    this.expectPunct("(");
    const args: Node[] = [];
    if (this.isPunct(")")) {
      this.at++;
      return { kind: "call", name, args };
    }
    for (;;) {
      args.push(this.isPunct(",") || this.isPunct(")") ? { kind: "missing" } : this.comparison());
      if (this.isPunct(",")) {
        this.at++;
        continue;
      }
      this.expectPunct(")");
      return { kind: "call", name, args };
    }
  }

  private arrayConstant(): Node {
    const rows: CellValue[][] = [[]];
    for (;;) {
      let sign = 1;
      if (this.isOp(["-"])) {
        this.at++;
        sign = -1;
      }
      const t = this.peek();
      if (!t || !(t.kind === "number" || t.kind === "string" || t.kind === "bool" || t.kind === "error")) {
        throw new FormulaSyntaxError("bad array constant");
      }
      this.at++;
      (rows[rows.length - 1] as CellValue[]).push(t.kind === "number" ? sign * t.value : t.value);
      if (this.isPunct(",")) this.at++;
      else if (this.isPunct(";")) {
        this.at++;
        rows.push([]);
      } else {
        this.expectPunct("}");
        break;
      }
    }
    const width = (rows[0] as CellValue[]).length;
    if (rows.some((r) => r.length !== width)) throw new FormulaSyntaxError("ragged array constant");
    return { kind: "array", rows };
  }
}

/** Throws FormulaSyntaxError on text Excel would refuse. */
export function parseFormula(formula: string): Node {
  return new Parser(tokenize(formula)).parseFormula();
}
