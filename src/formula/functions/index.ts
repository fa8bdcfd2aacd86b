/** Every function the engine knows, by upper-case name. */
import { DATE_FNS } from "./date";
import { INFO } from "./info";
import { LOGICAL } from "./logical";
import { LOOKUP } from "./lookup";
import { MATH } from "./math";
import { TEXT_FNS } from "./text";
import type { FnTable } from "./types";

export const FUNCTIONS: FnTable = { ...LOGICAL, ...INFO, ...TEXT_FNS, ...MATH, ...LOOKUP, ...DATE_FNS };

export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS).sort();
