#!/usr/bin/env node
// The taizhang command: the CLI bundled to JavaScript by scripts/build-cli.mjs (`npm ci` runs it
// through the `prepare` script), so starting it compiles nothing.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist-cli", "taizhang.cjs");

/** A build older than a source it was made from runs yesterday's code: say so rather than pass
 * silently (e.g. after `git pull` without `npm ci`). Stats ~120 files: a millisecond or two. */
function staleSource() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    const { files } = JSON.parse(fs.readFileSync(path.join(root, "dist-cli", "sources.json"), "utf8"));
    return files.find((file) => {
      const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
      return !stat || stat.mtimeMs > built;
    });
  } catch {
    return undefined; // no bundle: reported below
  }
}

let cli;
try {
  cli = require(bundle);
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes(bundle)) {
    process.stderr.write("taizhang: the CLI is not built; run `npm ci` or `npm run build:cli`.\n");
    process.exit(2);
  }
  throw error;
}
const stale = staleSource();
if (stale) {
  process.stderr.write(
    `taizhang: warning: the CLI build is older than ${stale}; run \`npm run build:cli\` to rebuild it.\n`,
  );
}
cli.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
