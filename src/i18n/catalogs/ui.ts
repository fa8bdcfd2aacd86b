import type { CatalogPair } from "../types";

export const uiMessages: CatalogPair = {
  "zh-CN": {},
  "en-US": {},
};
