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

/**
 * Compiles the bundles with V8's code cache kept beside them (dist-cli/*.v8cache), as Node 22's
 * module.enableCompileCache would: about a quarter less CPU for `check`. V8 rejects a cache made from
 * other source or by another Node, and the file is then rewritten; a read-only install runs uncached.
 * scripts/build-cli.mjs warms it with a `check` (TAIZHANG_V8_CACHE=refresh writes it anew).
 */
function useCodeCache(dir) {
  const Module = require("node:module");
  const vm = require("node:vm");
  const compile = Module.prototype._compile;
  const fresh = [];
  Module.prototype._compile = function (content, filename) {
    if (path.dirname(filename) !== dir) return compile.call(this, content, filename);
    const cacheFile = `${filename}.v8cache`;
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected || process.env.TAIZHANG_V8_CACHE === "refresh")
      fresh.push({ script, cacheFile });
    const localRequire = (id) => this.require(id);
    localRequire.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    localRequire.cache = Module._cache;
    return script
      .runInThisContext({ displayErrors: true })
      .call(this.exports, this.exports, localRequire, this, filename, path.dirname(filename));
  };
  // At exit the cache also holds the functions this run compiled lazily.
  process.on("exit", () => {
    for (const { script, cacheFile } of fresh) {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        fs.rmSync(temp, { force: true });
      }
    }
  });
}

useCodeCache(path.dirname(bundle));
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
