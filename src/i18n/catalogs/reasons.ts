import type { CatalogPair } from "../types";

export const reasonsMessages: CatalogPair = {
  "zh-CN": {},
  "en-US": {},
};
