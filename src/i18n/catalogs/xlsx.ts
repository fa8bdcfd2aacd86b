import type { CatalogPair } from "../types";

export const xlsxMessages: CatalogPair = {
  "zh-CN": {},
  "en-US": {},
};
