import type { CatalogPair } from "../types";

export const findingsMessages: CatalogPair = {
  "zh-CN": {},
  "en-US": {},
};
