import type { CatalogPair } from "../types";
import { cliMessages } from "./cli";
import { excelMessages } from "./excel";
import { findingsMessages } from "./findings";
import { formulasMessages } from "./formulas";
import { packMessages } from "./pack";
import { packDiffMessages } from "./packDiff";
import { packTableMessages } from "./packTable";
import { reasonsMessages } from "./reasons";
import { rolloverMessages } from "./rollover";
import { selfTestMessages } from "./selfTest";
import { uiMessages } from "./ui";
import { xlsxMessages } from "./xlsx";

/** Every area's catalog. Keys are namespaced by area ("finding.", "reason.", "ui.", ...). */
export const CATALOGS: readonly CatalogPair[] = [
  findingsMessages,
  reasonsMessages,
  uiMessages,
  cliMessages,
  excelMessages,
  xlsxMessages,
  packMessages,
  selfTestMessages,
  packTableMessages,
  packDiffMessages,
  rolloverMessages,
  formulasMessages,
];
