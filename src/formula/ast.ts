/** The parsed form of a formula. */
import type { RefPart } from "./tokenizer";
import type { CellValue } from "./values";

export type Node =
  | { kind: "literal"; value: CellValue }
  | { kind: "missing" }
  | { kind: "ref"; sheet?: string; from: RefPart; to?: RefPart }
  | { kind: "name"; name: string }
  | { kind: "array"; rows: CellValue[][] }
  | { kind: "unary"; op: "-" | "+" | "%"; arg: Node }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "call"; name: string; args: Node[] };
