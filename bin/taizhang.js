#!/usr/bin/env node
// The taizhang command. The CLI is TypeScript, run through tsx (a dependency), so `npx taizhang`
// works straight after `npm ci` with no build step.
"use strict";
const { register } = require("tsx/cjs/api");
const path = require("node:path");

register();
const { run } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);
