// The English messages as a chunk of their own in the task pane's build: webpack.config.js gives
// this module's import of the catalogs the English half (scripts/locale-split.cjs), the rest of
// the pane the Chinese half. Elsewhere it is the same module as the one src/i18n/index.ts uses.
export { CATALOGS } from "./catalogs/all";
