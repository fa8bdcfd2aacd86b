// Preloaded with `node -r` by the CLI tests: lists every module file the process required, on
// stderr at exit, so a test can see whether ExcelJS, tsx or a .ts source was loaded.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\nLOADED_MODULES ${JSON.stringify(Object.keys(require.cache))}\n`);
});
