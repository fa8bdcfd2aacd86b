import type { LocalizedText } from "../pack/schema";
import type { Params } from "./types";

// Pack texts live as long as their pack; caching keeps 10,000-row checks from rebuilding them.
const cache = new WeakMap<LocalizedText, Map<string, Readonly<Params>>>();

/**
 * A pack text as a pair of finding params: `name` in Chinese and `name_en` in English. The i18n
 * layer shows `name_en` in place of `name` for English (src/i18n findingMessage).
 */
export function labelParams(name: string, text: LocalizedText): Readonly<Params> {
  let byName = cache.get(text);
  if (!byName) {
    byName = new Map();
    cache.set(text, byName);
  }
  let params = byName.get(name);
  if (!params) {
    params = Object.freeze({ [name]: text.zh, [`${name}_en`]: text.en });
    byName.set(name, params);
  }
  return params;
}
