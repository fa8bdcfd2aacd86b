import type { CatalogPair } from "../types";

export const cliMessages: CatalogPair = {
  "zh-CN": {},
  "en-US": {},
};
