import type { CatalogPair } from "../types";

export const excelMessages: CatalogPair = {
  "zh-CN": {},
  "en-US": {},
};
