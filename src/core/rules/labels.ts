import type { LocalizedText } from "../pack/schema";
import type { Params } from "./types";

/**
 * A pack text as a pair of finding params: `name` in Chinese and `name_en` in English. The i18n
 * layer shows `name_en` in place of `name` for English (src/i18n findingMessage).
 */
export function labelParams(name: string, text: LocalizedText): Params {
  return { [name]: text.zh, [`${name}_en`]: text.en };
}
